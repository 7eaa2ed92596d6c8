package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportbot.tickets.Ticket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer of organisation A (Acme) tries every command, button and listing on each of organisation B's
 * tickets, and replies in B's threads: no answer, post or card may show B's ticket, and B's tickets must not
 * change. Run with {@code -Preliability}.
 */
@Tag("reliability")
class TenancyIT {
    private static final int TICKETS_OF_B = 20;
    private static final String MARKER = "globex-secret-";
    private static final String[] COMMANDS = {"list", "list all", "list open", "list breaching", "list mine",
        "show %s", "ack %s", "resolve %s", "reopen %s", "assign %s <@U0CUSTOMER|me>", "sev %s 3 mine now"};

    @TempDir
    Path dataDir;

    @Test
    void aCustomerOfOneOrganisationReachesNoTicketOfAnotherThroughAnyCommandButtonOrListing() throws Exception {
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            List<String> threads = new ArrayList<>();
            for (int i = 0; i < TICKETS_OF_B; i++) {
                String ts = RunningSlackBot.nextTs();
                threads.add(ts);
                bot.postEvent(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention(
                        "C0GLOBEX", "U0GLOBEX", "T0GLOBEX", ts, MARKER + i + " our whole cluster is down, nobody can log in")));
            }
            bot.slack.await("chat.postMessage", TICKETS_OF_B, call -> call.param("text").startsWith("T-"),
                    Duration.ofSeconds(30));
            List<Ticket> before = bot.tickets();
            int callsBefore = allCalls(bot).size();
            int attempts = 0;
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                String id = before.get(i).id().toString();
                for (String command : COMMANDS) {
                    answers.add(bot.postCommand("/ticket", command.formatted(id), RunningSlackBot.CUSTOMER,
                            RunningSlackBot.CUSTOMER_TEAM, RunningSlackBot.CUSTOMER_CHANNEL).body());
                    attempts++;
                }
                for (ButtonAction button : ButtonAction.values()) {
                    answers.add(bot.postClick(button, id, RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM,
                            "C0GLOBEX", "1700000000.000200", before.get(i).threadTs()).body());
                    attempts++;
                }
                bot.postEvent(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.message("message",
                        "C0GLOBEX", RunningSlackBot.CUSTOMER, RunningSlackBot.CUSTOMER_TEAM, RunningSlackBot.nextTs(),
                        "replying in B's thread " + id).put("thread_ts", before.get(i).threadTs())));
                attempts++;
            }
            drain(bot);
            int leaks = 0;
            for (String answer : answers) {
                leaks += revealsB(answer) ? 1 : 0;
            }
            for (FakeSlackApi.Call call : allCalls(bot).subList(callsBefore, allCalls(bot).size())) {
                String text = call.params().toString();
                leaks += revealsB(text) ? 1 : 0;
            }
            int changed = 0;
            List<Ticket> after = bot.tickets();
            for (int i = 0; i < before.size(); i++) {
                changed += before.get(i).equals(after.get(i)) ? 0 : 1;
            }
            System.out.printf("RESULT tenancy tickets_of_b=%d attempts=%d leaks=%d tickets_changed=%d%n",
                    before.size(), attempts, leaks, changed);
            assertEquals(0, leaks);
            assertEquals(0, changed);
        }
    }

    /** Whether a text shows anything of B's tickets beyond the id A typed: their summary or their reporter. */
    private static boolean revealsB(String text) {
        return text.contains(MARKER) || text.contains("U0GLOBEX");
    }

    private static List<FakeSlackApi.Call> allCalls(RunningSlackBot bot) {
        List<FakeSlackApi.Call> calls = new ArrayList<>();
        for (String method : List.of("chat.postMessage", "chat.update", "chat.postEphemeral", "views.open",
                "views.publish", FakeSlackApi.RESPONSE_URL)) {
            calls.addAll(bot.slack.calls(method));
        }
        return calls;
    }

    /** Posts a question and awaits its answer: every earlier event has left the single work thread by then. */
    private static void drain(RunningSlackBot bot) throws Exception {
        String ts = RunningSlackBot.nextTs();
        bot.postEvent(RunningSlackBot.envelope(RunningSlackBot.nextEventId(), RunningSlackBot.mention("C0OTHER",
                RunningSlackBot.STAFF, FakeSlackApi.HOME_TEAM, ts, "What is the initial response time for Severity 1?")));
        bot.slack.await("chat.postMessage", 1, call -> call.param("thread_ts").equals(ts), Duration.ofSeconds(30));
    }
}
