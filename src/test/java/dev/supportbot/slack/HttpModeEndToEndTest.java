package dev.supportbot.slack;

import static dev.supportbot.slack.RunningSlackBot.CUSTOMER;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_TEAM;
import static dev.supportbot.slack.RunningSlackBot.STAFF;
import static dev.supportbot.slack.RunningSlackBot.TRIAGE_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.envelope;
import static dev.supportbot.slack.RunningSlackBot.mention;
import static dev.supportbot.slack.RunningSlackBot.message;
import static dev.supportbot.slack.RunningSlackBot.nextEventId;
import static dev.supportbot.slack.RunningSlackBot.nextTs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportbot.tickets.Ticket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpModeEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OUTAGE = "the whole cluster is down, nobody can log in";

    @TempDir
    Path dataDir;
    private RunningSlackBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = RunningSlackBot.http(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    /** Posts a SEV1 mention from the customer and returns its card post once it arrives. */
    private FakeSlackApi.Call openSev1(String ts) throws Exception {
        assertEquals(200, bot.postEvent(envelope(nextEventId(),
                mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts, OUTAGE))).statusCode());
        return cardPosts(ts, 1).getFirst();
    }

    private List<FakeSlackApi.Call> cardPosts(String threadTs, int count) throws InterruptedException {
        return bot.slack.await("chat.postMessage", count,
                call -> call.param("thread_ts").equals(threadTs) && call.param("text").startsWith("T-"), WAIT);
    }

    /** Posts a question nobody waits for and awaits its answer: all earlier work has left the queue by then. */
    private void drain() throws Exception {
        String ts = nextTs();
        bot.postEvent(envelope(nextEventId(), mention("C0OTHER", STAFF, FakeSlackApi.HOME_TEAM, ts,
                "What is the initial response time for Severity 1?")));
        bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts), WAIT);
    }

    @Test
    void healthzAnswers200OnceTheAppIsReady() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(bot.health()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
    }

    @Test
    void aSev1MentionGetsTheTicketCardInItsThreadWithTheFourHourDeadline() throws Exception {
        String ts = nextTs();
        FakeSlackApi.Call card = openSev1(ts);
        assertEquals(CUSTOMER_CHANNEL, card.param("channel"));
        String blocks = card.blockText();
        long due = IncomingMessage.postedAt(ts).plus(Duration.ofHours(4)).getEpochSecond();
        assertTrue(blocks.contains("<!date^" + due + "^{date_short_pretty} {time}|"), blocks);
        assertTrue(blocks.contains("SEV1") && blocks.contains("open") && blocks.contains("unassigned"), blocks);
        assertTrue(blocks.contains("3 h 59 min left") || blocks.contains("4 h left"), blocks);
        Ticket ticket = bot.tickets().getFirst();
        assertTrue(card.param("text").startsWith(ticket.id() + " · SEV1"), card.param("text"));
        assertEquals("Acme Robotics", ticket.customer());
    }

    @Test
    void aDocumentedQuestionGetsTheCitedAnswerWithFeedbackButtons() throws Exception {
        String ts = nextTs();
        bot.postEvent(envelope(nextEventId(), mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts,
                "What is the initial response time for Severity 1?")));
        String blocks = bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts), WAIT)
                .getFirst().blockText();
        assertTrue(blocks.contains("4 hours"), blocks);
        assertTrue(blocks.contains("Sources: Support for 1-Click Clusters › Service level agreement (SLA)"), blocks);
        assertTrue(blocks.contains("answer_helpful") && blocks.contains("answer_not_helpful")
                && blocks.contains("answer_open_ticket"), blocks);
        assertTrue(bot.tickets().isEmpty());
    }

    @Test
    void anOutOfScopeRequestGetsTheScopeExplanationAndABestEffortButton() throws Exception {
        String ts = nextTs();
        bot.postEvent(envelope(nextEventId(), message("message", CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts,
                "We need help connecting our corporate VPN to the cluster")));
        String blocks = bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts), WAIT)
                .getFirst().blockText();
        assertTrue(blocks.contains("Support scope:"), blocks);
        assertTrue(blocks.contains("out_of_scope_best_effort"), blocks);
        assertTrue(bot.tickets().isEmpty());
    }

    @Test
    void theSameEventRetriedWithRetryNumOneAndTwoMakesOneTicketAndOneCard() throws Exception {
        String ts = nextTs();
        String body = envelope("EvRetried1", mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, ts, OUTAGE));
        long now = Instant.now().getEpochSecond();
        assertEquals(200, bot.signer.post(bot.events(), "application/json", body, now, 0).statusCode());
        assertEquals(200, bot.signer.post(bot.events(), "application/json", body, now + 1, 1).statusCode());
        assertEquals(200, bot.signer.post(bot.events(), "application/json", body, now + 2, 2).statusCode());
        cardPosts(ts, 1);
        drain();
        assertEquals(1, bot.tickets().size());
        assertEquals(1, bot.slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("thread_ts").equals(ts)).count());
    }

    @Test
    void forgedStaleAndFutureRequestsGet401AndChangeNothing() throws Exception {
        String body = envelope(nextEventId(), mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, nextTs(), OUTAGE));
        long now = Instant.now().getEpochSecond();
        SlackSigner forger = new SlackSigner("guessed-secret");
        assertEquals(401, bot.signer.send(bot.events(), "application/json", body, now,
                forger.signature(now, body), 0).statusCode());
        assertEquals(401, bot.signer.post(bot.events(), "application/json", body, now - 600, 0).statusCode());
        assertEquals(401, bot.signer.post(bot.events(), "application/json", body, now + 600, 0).statusCode());
        drain();
        assertTrue(bot.tickets().isEmpty());
        assertEquals(1, bot.slack.calls("chat.postMessage").size(), "only the drain's answer was posted");
    }

    @Test
    void aStaffReplyInTheTicketThreadUpdatesTheCardAsResponded() throws Exception {
        String ts = nextTs();
        openSev1(ts);
        bot.postEvent(envelope(nextEventId(), message("message", CUSTOMER_CHANNEL, STAFF, FakeSlackApi.HOME_TEAM,
                nextTs(), "Looking at it now").put("thread_ts", ts)));
        FakeSlackApi.Call update = bot.slack.await("chat.update", 1,
                call -> call.blockText().contains("First response:"), WAIT).getFirst();
        String updated = update.blockText();
        assertTrue(updated.contains("*First response:* <@" + STAFF + "> after") && updated.contains("SLA met"), updated);
        assertEquals(CUSTOMER_CHANNEL, update.param("channel"));
        assertTrue(bot.tickets().getFirst().firstResponse().isPresent());
    }

    @Test
    void ticketListFromStaffIsAckedWithinThreeSecondsAndListsTheTicket() throws Exception {
        openSev1(nextTs());
        String id = bot.tickets().getFirst().id().toString();
        long started = System.nanoTime();
        HttpResponse<String> response = bot.postCommand("/ticket", "list", STAFF, FakeSlackApi.HOME_TEAM,
                TRIAGE_CHANNEL);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, response.statusCode());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "acked after " + took);
        assertTrue(response.body().contains(id) && response.body().contains("SEV1"), response.body());
    }

    @Test
    void anExternalUserIsRefusedStaffActionsByCommandAndByButton() throws Exception {
        String ts = nextTs();
        openSev1(ts);
        Ticket ticket = bot.tickets().getFirst();
        HttpResponse<String> command = bot.postCommand("/ticket", "ack " + ticket.id(), CUSTOMER, CUSTOMER_TEAM,
                CUSTOMER_CHANNEL);
        assertTrue(command.body().contains("Only support staff"), command.body());
        assertEquals(200, bot.postClick(ButtonAction.ACKNOWLEDGE, ticket.id().toString(), CUSTOMER, CUSTOMER_TEAM,
                CUSTOMER_CHANNEL, "1700000000.000200", ts).statusCode());
        FakeSlackApi.Call refusal = bot.slack.await("chat.postEphemeral", 1, call -> true, WAIT).getFirst();
        assertEquals(CUSTOMER, refusal.param("user"));
        assertTrue(refusal.param("text").contains("Only support staff"), refusal.param("text"));
        assertEquals("open", bot.tickets().getFirst().status().wireName());
    }

    @Test
    void customersListOnlyTheirOwnOrganisationsTickets() throws Exception {
        openSev1(nextTs());
        String otherTs = nextTs();
        bot.postEvent(envelope(nextEventId(), mention("C0GLOBEX", "U0GLOBEX", "T0GLOBEX", otherTs, OUTAGE)));
        cardPosts(otherTs, 1);
        List<Ticket> tickets = bot.tickets();
        assertEquals(2, tickets.size());
        String acme = tickets.stream().filter(t -> t.customer().equals("Acme Robotics")).findFirst().orElseThrow()
                .id().toString();
        String globex = tickets.stream().filter(t -> t.customer().equals("T0GLOBEX")).findFirst().orElseThrow()
                .id().toString();
        String listed = bot.postCommand("/ticket", "list", CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL).body();
        assertTrue(listed.contains(acme) && !listed.contains(globex), listed);
        String shown = bot.postCommand("/ticket", "show " + globex, CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL).body();
        assertTrue(shown.contains("no ticket " + globex), shown);
    }

    @Test
    void theStaffHomeTabListsOpenTicketsWithTheLeastTimeLeftFirst() throws Exception {
        String sev3 = nextTs();
        bot.postEvent(envelope(nextEventId(), mention(CUSTOMER_CHANNEL, CUSTOMER, CUSTOMER_TEAM, sev3,
                "minor typo in the welcome message banner, low priority")));
        cardPosts(sev3, 1);
        openSev1(nextTs());
        bot.postEvent(envelope(nextEventId(), RunningSlackBot.JSON_NODES.objectNode().put("type", "app_home_opened")
                .put("user", STAFF).put("tab", "home")));
        String home = bot.slack.await("views.publish", 1).getFirst().blockText();
        int sev1At = home.indexOf(" SEV1 ");
        int sev3At = home.indexOf(" SEV3 ");
        assertTrue(home.contains("Open tickets* (2)") && sev1At > 0 && sev3At > sev1At, home);
    }
}
