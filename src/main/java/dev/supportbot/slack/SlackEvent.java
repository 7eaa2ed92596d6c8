package dev.supportbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** The events the app acts on, parsed from Slack's raw JSON (Bolt's models drop {@code user_team}). */
sealed interface SlackEvent {
    /** A message that may be a request or a reply in a ticket's thread. */
    record Posted(IncomingMessage message) implements SlackEvent {
    }

    /** Someone opened the app's Home tab. */
    record HomeOpened(String user) implements SlackEvent {
    }

    /** Anything else: edits, deletions, joins, bot messages. Acked and dropped. */
    record Ignored(String type) implements SlackEvent {
    }

    /** Message subtypes that are still a person writing something new. */
    Set<String> PLAIN_SUBTYPES = Set.of("thread_broadcast", "file_share");

    static SlackEvent parse(JsonNode envelope) {
        JsonNode event = envelope.path("event");
        String type = event.path("type").asText("");
        return switch (type) {
            case "app_mention" -> posted(IncomingMessage.Kind.MENTION, event);
            case "message" -> message(event);
            case "app_home_opened" -> "home".equals(event.path("tab").asText("home"))
                    ? new HomeOpened(event.path("user").asText()) : new Ignored("app_home_opened:messages");
            default -> new Ignored(type);
        };
    }

    private static SlackEvent message(JsonNode event) {
        String subtype = event.path("subtype").asText("");
        if (event.hasNonNull("bot_id") || (!subtype.isEmpty() && !PLAIN_SUBTYPES.contains(subtype))) {
            return new Ignored("message:" + (subtype.isEmpty() ? "bot" : subtype));
        }
        IncomingMessage.Kind kind = "im".equals(event.path("channel_type").asText())
                ? IncomingMessage.Kind.DIRECT_MESSAGE : IncomingMessage.Kind.CHANNEL_MESSAGE;
        return posted(kind, event);
    }

    private static SlackEvent posted(IncomingMessage.Kind kind, JsonNode event) {
        if (!event.hasNonNull("user") || !event.hasNonNull("ts") || !event.hasNonNull("channel")) {
            return new Ignored(event.path("type").asText() + ":incomplete");
        }
        return new Posted(new IncomingMessage(kind, event.path("channel").asText(), event.path("user").asText(),
                authorTeam(event), event.path("ts").asText(),
                Optional.ofNullable(event.get("thread_ts")).map(JsonNode::asText), event.path("text").asText("")));
    }

    /** The author's own team: {@code user_team} in Slack Connect channels, else the event's {@code team}. */
    private static Optional<String> authorTeam(JsonNode event) {
        for (String field : new String[] {"user_team", "team"}) {
            if (event.hasNonNull(field)) {
                return Optional.of(event.get(field).asText());
            }
        }
        return Optional.empty();
    }
}
