package dev.supportbot.slack;

import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Posting the bot's messages through the outgoing queue: in a thread, or privately to one user. */
final class Replies {
    /** The metadata event type of an answer; its payload names the message answered. */
    static final String ANSWER_METADATA = "supportbot_answer";
    static final String ANSWERED_TS = "answered_ts";

    private final OutgoingCalls calls;
    private final String botUserId;

    Replies(OutgoingCalls calls, String botUserId) {
        this.calls = calls;
        this.botUserId = botUserId;
    }

    /**
     * Answers the message at {@code answeredTs} in {@code threadTs}, once: the post carries the message's ts as
     * metadata, and whenever an earlier try may have gone through ({@code redo}: the event is handled again after
     * a restart), the thread is searched for it first.
     */
    CompletableFuture<ChatPostMessageResponse> answer(String channel, String threadTs, String answeredTs,
                                                      SlackMessage message, boolean redo) {
        Message.Metadata metadata = Message.Metadata.builder().eventType(ANSWER_METADATA)
                .eventPayload(Map.of(ANSWERED_TS, answeredTs)).build();
        return calls.submitOnce("chat.postMessage", client -> client.chatPostMessage(request -> request
                        .channel(channel).threadTs(threadTs).text(message.text()).blocks(message.blocks())
                        .metadata(metadata)),
                OwnPosts.inThread(botUserId, channel, threadTs, posted -> answers(posted, answeredTs)), redo);
    }

    private static boolean answers(Message posted, String answeredTs) {
        Message.Metadata metadata = posted.getMetadata();
        return metadata != null && ANSWER_METADATA.equals(metadata.getEventType())
                && metadata.getEventPayload() != null && answeredTs.equals(metadata.getEventPayload().get(ANSWERED_TS));
    }

    CompletableFuture<ChatPostMessageResponse> toChannel(String channel, String mrkdwn) {
        return calls.submit("chat.postMessage", client -> client.chatPostMessage(request -> request
                .channel(channel).text(mrkdwn)));
    }

    CompletableFuture<ChatPostEphemeralResponse> privately(String channel, String user, String mrkdwn) {
        return calls.submit("chat.postEphemeral", client -> client.chatPostEphemeral(request -> request
                .channel(channel).user(user).text(mrkdwn)));
    }
}
