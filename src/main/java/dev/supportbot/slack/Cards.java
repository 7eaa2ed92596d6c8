package dev.supportbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.Message;
import dev.supportbot.sla.Deadlines;
import dev.supportbot.tickets.Ticket;
import dev.supportbot.tickets.TicketId;
import dev.supportbot.tickets.TicketQueries;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each ticket's card in its thread up to date: the first {@link #show} posts it, later ones replace it in
 * place with {@code chat.update}. A card is rendered when its call leaves, from the ticket as stored then, so a
 * call that waited in the queue never shows an older state than one sent before it. Where a card lives is
 * remembered in memory and, after a restart or a post whose answer was lost, found again in the thread by its
 * fallback text; a card whose post failed is posted again on the next show, so a stored ticket always gets its
 * card. Thread-safe.
 */
final class Cards {
    private static final Logger LOG = LoggerFactory.getLogger(Cards.class);

    private final OutgoingCalls calls;
    private final TicketQueries tickets;
    private final Deadlines deadlines;
    private final Clock clock;
    private final String botUserId;
    private final Map<TicketId, CompletableFuture<String>> cardTs = new ConcurrentHashMap<>();
    private final Set<TicketId> refreshing = ConcurrentHashMap.newKeySet();

    Cards(OutgoingCalls calls, TicketQueries tickets, Deadlines deadlines, Clock clock, String botUserId) {
        this.calls = calls;
        this.tickets = tickets;
        this.deadlines = deadlines;
        this.clock = clock;
        this.botUserId = botUserId;
    }

    /** Posts the card of a ticket just created: no need to look for an older one. */
    CompletableFuture<String> post(Ticket ticket) {
        return cardTs.computeIfAbsent(ticket.id(), id -> postOnce(ticket, false));
    }

    /** Shows the ticket as it is now: updates its card, or posts it when it has none yet. */
    CompletableFuture<String> show(Ticket ticket) {
        CompletableFuture<String> known = cardTs.computeIfAbsent(ticket.id(), id -> postOnce(ticket, true));
        return known.thenCompose(ts -> calls.submit("chat.update", client -> update(ticket, ts, client))
                .thenApply(ok -> ts));
    }

    /**
     * Brings a card's countdown up to date when nothing more urgent waits to go out; a refresh still waiting for
     * the same card stands for this one, and so does a post still waiting (it is rendered as it leaves). A card
     * never posted, or whose post failed, is posted at once instead.
     */
    void refresh(Ticket ticket) {
        CompletableFuture<String> card = cardTs.get(ticket.id());
        if (card == null) {
            show(ticket);
            return;
        }
        if (!card.isDone() || card.isCompletedExceptionally() || !refreshing.add(ticket.id())) {
            return;
        }
        String ts = card.join();
        calls.submitBackground("chat.update", client -> update(ticket, ts, client))
                .whenComplete((ok, failure) -> {
                    refreshing.remove(ticket.id());
                    if (failure != null) {
                        LOG.debug("card of {} not refreshed: {}", ticket.id(), failure.getMessage());
                    }
                });
    }

    private ChatUpdateResponse update(Ticket ticket, String ts, MethodsClient client)
            throws IOException, SlackApiException {
        SlackMessage card = render(ticket);
        return client.chatUpdate(request -> request.channel(ticket.channel()).ts(ts).text(card.text())
                .blocks(card.blocks()));
    }

    /** Posts the card, first looking for one already in the thread when an earlier post may have gone through. */
    private CompletableFuture<String> postOnce(Ticket ticket, boolean mayHaveLanded) {
        CompletableFuture<String> posted = calls.submitOnce("chat.postMessage", client -> {
            SlackMessage card = render(ticket);
            return client.chatPostMessage(request -> request.channel(ticket.channel()).threadTs(ticket.threadTs())
                    .text(card.text()).blocks(card.blocks()));
        }, OwnPosts.inThread(botUserId, ticket.channel(), ticket.threadTs(), message -> isCardOf(ticket, message)),
                mayHaveLanded).thenApply(ChatPostMessageResponse::getTs);
        return forgetOnFailure(ticket.id(), posted);
    }

    private static boolean isCardOf(Ticket ticket, Message message) {
        return message.getText() != null && message.getText().startsWith(ticket.id() + " · ");
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

    /** The card of the ticket as stored now (the snapshot given may be older than the call leaving). */
    private SlackMessage render(Ticket snapshot) {
        Ticket ticket = tickets.get(snapshot.id(), Intake.BOT);
        return TicketCard.render(ticket, ticket.slaClock(deadlines.calendarFor(ticket.customer())), clock.instant());
    }

    boolean hasCard(TicketId id) {
        CompletableFuture<String> card = cardTs.get(id);
        return card != null && card.isDone() && !card.isCompletedExceptionally();
    }
}
