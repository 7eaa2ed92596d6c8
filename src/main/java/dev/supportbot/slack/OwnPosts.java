package dev.supportbot.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a message the bot already posted in a thread: how a post whose answer was lost (a timeout, a 5xx), or
 * that is redone after a restart, learns that it went through and is not posted twice. Reads the thread's first
 * 200 replies with their metadata. Stateless.
 */
final class OwnPosts {
    private static final Logger LOG = LoggerFactory.getLogger(OwnPosts.class);
    private static final int THREAD_LIMIT = 200;

    private OwnPosts() {
    }

    /** A probe for a post in {@code threadTs} by {@code botUserId} matching {@code which}, answered as its post. */
    static OutgoingCalls.Probe<ChatPostMessageResponse> inThread(String botUserId, String channel, String threadTs,
                                                               Predicate<Message> which) {
        return client -> {
            ConversationsRepliesResponse replies = client.conversationsReplies(request -> request.channel(channel)
                    .ts(threadTs).limit(THREAD_LIMIT).includeAllMetadata(true));
            if (!replies.isOk()) {
                LOG.info("cannot read thread {} in {} ({}); posting as if nothing was there", threadTs, channel,
                        replies.getError());
                return Optional.empty();
            }
            return Optional.ofNullable(replies.getMessages()).orElse(List.of()).stream()
                    .filter(message -> botUserId.equals(message.getUser()))
                    .filter(which).findFirst().map(message -> posted(channel, message));
        };
    }

    private static ChatPostMessageResponse posted(String channel, Message message) {
        ChatPostMessageResponse response = new ChatPostMessageResponse();
        response.setOk(true);
        response.setChannel(channel);
        response.setTs(message.getTs());
        response.setMessage(message);
        return response;
    }
}
