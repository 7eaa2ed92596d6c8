package dev.supportbot.slack;

import static dev.supportbot.slack.RunningSlackBot.CUSTOMER;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_CHANNEL;
import static dev.supportbot.slack.RunningSlackBot.CUSTOMER_TEAM;
import static dev.supportbot.slack.RunningSlackBot.STAFF;
import static dev.supportbot.slack.RunningSlackBot.TRIAGE_CHANNEL;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexCommandTest {
    @Test
    void staffReindexReachesTheReindexHookAndCustomersAreRefused(@TempDir Path dataDir) throws Exception {
        try (RunningSlackBot bot = RunningSlackBot.http(dataDir)) {
            String staff = bot.postCommand("/ticket", "reindex", STAFF, FakeSlackApi.HOME_TEAM, TRIAGE_CHANNEL).body();
            assertTrue(staff.contains("Reindexing is not available here."), staff);
            String customer = bot.postCommand("/ticket", "reindex", CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL).body();
            assertTrue(customer.contains("Only support staff"), customer);
        }
    }
}
