package dev.supportbot.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A seeded generator of hostile request bodies for {@code POST /slack/events}: malformed JSON and forms, wrong
 * types, huge strings, odd Unicode, Slack markup and Lucene query syntax inside otherwise valid events. The same
 * seed gives the same sequence. Not thread-safe.
 */
final class FuzzPayloads {
    /**
     * One body, the content type it is sent with, and whether it is shaped as Slack sends requests (a valid
     * envelope whose fields have Slack's types, with hostile text inside) rather than malformed or mistyped.
     */
    record Payload(String contentType, String body, boolean slackShaped) {
        Payload {
            if (contentType == null || body == null) {
                throw new IllegalArgumentException("content type and body are required");
            }
        }
    }

    private static final String[] ODD_TEXT = {
        "\\u0000nul", "\\ud800 lone surrogate", "\\udfff\\ud800", "\u202Eright-to-left\u202C", "zero\u200Bwidth\uFEFF",
        "e\u0301\u0301\u0301 combining", "\uD83D\uDD25\uD83D\uDE80 emoji", "<!channel> <!here> <!everyone>",
        "<@U0STAFF|staff> <#C0TRIAGE|triage> <http://evil.example|slack.com>", "*bold* _it_ ~strike~ ```code```",
        "title:x AND NOT (y^1000) \"unbalanced", "[a TO z] {b TO c} ~2 * ? \\\\ / +-&&||!(){}[]^\"~*?:",
        "AND", "OR NOT", "the whole cluster is down", "&amp;&lt;&gt;", "%s%n%x", "'; DROP TABLE tickets; --",
    };
    private static final String[] CONTENT_TYPES = {
        "application/json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=latin1", "",
    };

    private final Random random;

    FuzzPayloads(long seed) {
        this.random = new Random(seed);
    }

    /** The next body; {@code eventIdPrefix} starts every event id it contains. */
    Payload next(String eventIdPrefix, String channel, int index) {
        String id = eventIdPrefix + index;
        return switch (random.nextInt(8)) {
            case 0 -> json(truncated(envelope(id, channel, text())), false);
            case 1 -> json(wrongTypes(id, channel), false);
            case 2 -> json(envelope(id, channel, huge()), true);
            case 3 -> json(envelope(id, channel, text() + " " + text()), true);
            case 4 -> new Payload("application/x-www-form-urlencoded", form(channel), false);
            case 5 -> new Payload("application/x-www-form-urlencoded", "payload="
                    + URLEncoder.encode(truncated("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\""
                    + text() + "\",\"value\":" + random.nextInt() + "}]}"), StandardCharsets.UTF_8), false);
            case 6 -> new Payload(CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], garbage(), false);
            default -> json("[".repeat(1 + random.nextInt(5000)) + "]".repeat(random.nextInt(5000)), false);
        };
    }

    private static Payload json(String body, boolean slackShaped) {
        return new Payload("application/json", body, slackShaped);
    }

    private String text() {
        return ODD_TEXT[random.nextInt(ODD_TEXT.length)];
    }

    private String envelope(String id, String channel, String text) {
        return "{\"token\":\"x\",\"team_id\":\"T0HOME\",\"api_app_id\":\"A0APP\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + id + "\",\"event_time\":1,\"event\":{\"type\":\""
                + (random.nextBoolean() ? "app_mention" : "message") + "\",\"channel\":\"" + channel
                + "\",\"user\":\"U0FUZZ" + random.nextInt(100) + "\",\"user_team\":\"T0LOAD\",\"ts\":\""
                + (1_700_000_000 + random.nextInt(100_000_000)) + "." + random.nextInt(999_999) + "\",\"text\":\""
                + text + "\"}}";
    }

    private String wrongTypes(String id, String channel) {
        String[] values = {"1", "true", "null", "[]", "{}", "\"\"", "-1e999", "\"" + text() + "\""};
        String value = values[random.nextInt(values.length)];
        return switch (random.nextInt(5)) {
            case 0 -> "{\"type\":\"event_callback\",\"event_id\":" + value + ",\"event\":{\"type\":\"app_mention\"}}";
            case 1 -> "{\"type\":\"event_callback\",\"event_id\":\"" + id + "\",\"event\":" + value + "}";
            case 2 -> "{\"type\":" + value + ",\"event_id\":\"" + id + "\"}";
            case 3 -> "{\"type\":\"event_callback\",\"event_id\":\"" + id + "\",\"event\":{\"type\":\"message\","
                    + "\"channel\":\"" + channel + "\",\"ts\":" + value + ",\"text\":" + value + ",\"user\":" + value + "}}";
            default -> "{\"type\":\"url_verification\",\"challenge\":" + value + "}";
        };
    }

    private String huge() {
        return text().repeat(1 + random.nextInt(random.nextInt(50) == 0 ? 20_000 : 500));
    }

    private String truncated(String body) {
        return body.substring(0, random.nextInt(body.length() + 1));
    }

    private String form(String channel) {
        String[] fields = {"command=%2Fticket", "text=" + URLEncoder.encode(text(), StandardCharsets.UTF_8),
            "user_id=U0FUZZ", "team_id=T0LOAD", "channel_id=" + channel, "payload=", "=&&=", "%zz", "command="};
        StringBuilder form = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            form.append(i == 0 ? "" : "&").append(fields[random.nextInt(fields.length)]);
        }
        return form.toString();
    }

    private String garbage() {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
