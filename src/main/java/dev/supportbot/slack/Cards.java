package dev.supportbot.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each ticket's card in its thread up to date: the first {@link #show} posts it, later ones replace it in
 * place with {@code chat.update}. Where a card lives is remembered in memory and, after a restart, found again in
 * the thread by its fallback text; a card whose post failed is posted again on the next show, so a stored ticket
 * always gets its card. Thread-safe.
 */
final class Cards {
    private static final Logger LOG = LoggerFactory.getLogger(Cards.class);

    private final OutgoingCalls calls;
    private final Deadlines deadlines;
    private final Clock clock;
    private final String botUserId;
    private final Map<TicketId, CompletableFuture<String>> cardTs = new ConcurrentHashMap<>();

    Cards(OutgoingCalls calls, Deadlines deadlines, Clock clock, String botUserId) {
        this.calls = calls;
        this.deadlines = deadlines;
        this.clock = clock;
        this.botUserId = botUserId;
    }

    /** Posts the card of a ticket just created: no need to look for an older one. */
    CompletableFuture<String> post(Ticket ticket) {
        return cardTs.computeIfAbsent(ticket.id(), id -> postNew(ticket));
    }

    /** Shows the ticket as it is now: updates its card, or posts it when it has none yet. */
    CompletableFuture<String> show(Ticket ticket) {
        CompletableFuture<String> known = cardTs.computeIfAbsent(ticket.id(), id -> findOrPost(ticket));
        return known.thenCompose(ts -> update(ticket, ts));
    }

    private CompletableFuture<String> update(Ticket ticket, String ts) {
        SlackMessage card = render(ticket);
        return calls.submit("chat.update", client -> client.chatUpdate(request -> request
                .channel(ticket.channel()).ts(ts).text(card.text()).blocks(card.blocks()))).thenApply(ok -> ts);
    }

    private CompletableFuture<String> postNew(Ticket ticket) {
        SlackMessage card = render(ticket);
        CompletableFuture<String> posted = calls.submit("chat.postMessage", client -> client.chatPostMessage(
                        request -> request.channel(ticket.channel()).threadTs(ticket.threadTs())
                                .text(card.text()).blocks(card.blocks())))
                .thenApply(ChatPostMessageResponse::getTs);
        return forgetOnFailure(ticket.id(), posted);
    }

    private CompletableFuture<String> findOrPost(Ticket ticket) {
        CompletableFuture<String> found = calls.submit("conversations.replies", client -> client.conversationsReplies(
                        request -> request.channel(ticket.channel()).ts(ticket.threadTs()).limit(200)))
                .thenApply(replies -> existingCard(ticket, replies))
                .thenCompose(existing -> existing.map(CompletableFuture::completedFuture)
                        .orElseGet(() -> postNew(ticket)));
        return forgetOnFailure(ticket.id(), found);
    }

    private Optional<String> existingCard(Ticket ticket, ConversationsRepliesResponse replies) {
        String prefix = ticket.id() + " · ";
        return Optional.ofNullable(replies.getMessages()).orElse(List.of()).stream()
                .filter(message -> botUserId.equals(message.getUser()))
                .filter(message -> message.getText() != null && message.getText().startsWith(prefix))
                .map(Message::getTs).findFirst();
    }

    /** A failed post must not stick: drop it so the next show tries again. */
    private CompletableFuture<String> forgetOnFailure(TicketId id, CompletableFuture<String> card) {
        CompletableFuture<String> remembered = new CompletableFuture<>();
        card.whenComplete((ts, failure) -> {
            if (failure == null) {
                remembered.complete(ts);
                return;
            }
            LOG.atWarn().addKeyValue("ticket_id", id.toString())
                    .log("card of {} could not be posted yet: {}", id, failure.getMessage());
            // Off this thread: the failure may surface while the map is still computing this very entry.
            CompletableFuture.runAsync(() -> cardTs.remove(id, remembered))
                    .thenRun(() -> remembered.completeExceptionally(failure));
        });
        return remembered;
    }

    private SlackMessage render(Ticket ticket) {
        return TicketCard.render(ticket, ticket.slaClock(deadlines.calendarFor(ticket.customer())), clock.instant());
    }

    boolean hasCard(TicketId id) {
        CompletableFuture<String> card = cardTs.get(id);
        return card != null && card.isDone() && !card.isCompletedExceptionally();
    }
}
