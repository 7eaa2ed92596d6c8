package dev.supportbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FakeSlackApi} holds of the messages the bot posted: each thread's replies as posted and then
 * updated, with their metadata, for {@code conversations.replies}; and for tests, how many posts each thread got,
 * counting posts whose answer was lost. Thread-safe.
 */
final class SlackThreads {
    private final ObjectMapper json;
    private final Map<String, List<ObjectNode>> threads = new HashMap<>();
    private final Map<String, ObjectNode> byTs = new HashMap<>();

    SlackThreads(ObjectMapper json) {
        this.json = json;
    }

    /** Keeps a message chat.postMessage made, in its thread (or as a thread of its own when top-level). */
    synchronized void posted(String channel, String ts, Map<String, String> params) {
        String threadTs = params.getOrDefault("thread_ts", "");
        ObjectNode message = json.createObjectNode().put("type", "message").put("user", FakeSlackApi.BOT_USER)
                .put("bot_id", FakeSlackApi.BOT_ID).put("text", params.getOrDefault("text", "")).put("ts", ts)
                .put("thread_ts", threadTs.isEmpty() ? ts : threadTs);
        String metadata = params.get("metadata");
        if (metadata != null && !metadata.isEmpty()) {
            try {
                message.set("metadata", json.readTree(metadata));
            } catch (JsonProcessingException e) {
                throw new AssertionError("chat.postMessage sent unreadable metadata: " + metadata, e);
            }
        }
        threads.computeIfAbsent(key(channel, threadTs.isEmpty() ? ts : threadTs), ignored -> new ArrayList<>())
                .add(message);
        byTs.put(key(channel, ts), message);
    }

    /** chat.update: the message's text changes in place; false when there is no such message. */
    synchronized boolean updated(String channel, String ts, String text) {
        ObjectNode message = byTs.get(key(channel, ts));
        if (message == null) {
            return false;
        }
        message.put("text", text);
        return true;
    }

    /** The thread's messages the bot posted, as conversations.replies lists them (metadata only when asked). */
    synchronized ArrayNode replies(String channel, String threadTs, boolean withMetadata) {
        ArrayNode messages = json.createArrayNode();
        for (ObjectNode message : threads.getOrDefault(key(channel, threadTs), List.of())) {
            ObjectNode copy = message.deepCopy();
            if (!withMetadata) {
                copy.remove("metadata");
            }
            messages.add(copy);
        }
        return messages;
    }

    /** Posts that took effect, per "channel/thread_ts". */
    synchronized Map<String, Integer> postsByThread() {
        Map<String, Integer> counts = new HashMap<>();
        threads.forEach((thread, messages) -> counts.put(thread, messages.size()));
        return counts;
    }

    static String key(String channel, String ts) {
        return channel + "/" + ts;
    }
}
