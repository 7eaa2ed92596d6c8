package dev.supportbot.slack;

import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.supportbot.tickets.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The App Home tab: for staff, the open tickets with the least time left first; for anyone else, how to ask for
 * help. Published with {@code views.publish} whenever someone opens the tab. Thread-safe.
 */
final class HomeTab {
    private static final int MAX_TICKETS = 45; // a view holds at most 100 blocks; two per ticket plus headers

    private final Roster roster;
    private final TicketList list;
    private final OutgoingCalls calls;

    HomeTab(Roster roster, TicketList list, OutgoingCalls calls) {
        this.roster = roster;
        this.list = list;
        this.calls = calls;
    }

    CompletableFuture<ViewsPublishResponse> publish(String userId) {
        Person person = roster.classify(userId, Optional.empty(), "");
        View view = View.builder().type("home").blocks(blocks(person)).build();
        return calls.submit("views.publish", client -> client.viewsPublish(request -> request.userId(userId)
                .view(view)));
    }

    List<LayoutBlock> blocks(Person person) {
        List<LayoutBlock> blocks = new ArrayList<>();
        switch (person) {
            case Person.Staff staff -> {
                List<Ticket> open = list.select(staff.viewer(), TicketFilter.OPEN, staff.userId());
                blocks.add(BlockParts.section("*Open tickets* (" + open.size() + "), least time left first"));
                open.stream().limit(MAX_TICKETS).forEach(ticket -> blocks.add(BlockParts.section(list.line(ticket))));
                if (open.size() > MAX_TICKETS) {
                    blocks.add(BlockParts.context("…and " + (open.size() - MAX_TICKETS)
                            + " more: `/ticket list open`"));
                }
            }
            case Person.Customer customer -> blocks.add(BlockParts.section(
                    "Mention me in your support channel or send me a message here, and I'll answer from the docs "
                            + "or open a ticket for the team."));
        }
        return blocks;
    }
}
