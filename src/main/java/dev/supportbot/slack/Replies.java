package dev.supportbot.slack;

import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.util.concurrent.CompletableFuture;

/** Posting the bot's messages through the outgoing queue: in a thread, or privately to one user. */
final class Replies {
    private final OutgoingCalls calls;

    Replies(OutgoingCalls calls) {
        this.calls = calls;
    }

    CompletableFuture<ChatPostMessageResponse> inThread(String channel, String threadTs, SlackMessage message) {
        return calls.submit("chat.postMessage", client -> client.chatPostMessage(request -> request
                .channel(channel).threadTs(threadTs).text(message.text()).blocks(message.blocks())));
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
