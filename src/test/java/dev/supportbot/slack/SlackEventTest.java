package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SlackEvent parse(String event) throws Exception {
        return SlackEvent.parse(JSON.readTree("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":" + event + "}"));
    }

    @Test
    void anUnpairedSurrogateInAMessageBecomesAReplacementCharacter() throws Exception {
        IncomingMessage message = assertInstanceOf(SlackEvent.Posted.class, parse("{\"type\":\"app_mention\","
                + "\"channel\":\"C1\",\"user\":\"U1\",\"ts\":\"1.2\",\"text\":\"down \\ud800 now \\udfff\"}"))
                .message();
        assertEquals("down \uFFFD now \uFFFD", message.text());
    }

    @Test
    void aSlackConnectMessageCarriesItsAuthorsOwnTeam() throws Exception {
        IncomingMessage message = assertInstanceOf(SlackEvent.Posted.class, parse("{\"type\":\"message\","
                + "\"channel\":\"C1\",\"channel_type\":\"channel\",\"user\":\"U1\",\"user_team\":\"T0ACME\","
                + "\"team\":\"T0HOME\",\"ts\":\"1700000000.000100\",\"text\":\"hi\"}")).message();
        assertEquals(Optional.of("T0ACME"), message.userTeam());
        assertEquals(IncomingMessage.Kind.CHANNEL_MESSAGE, message.kind());
        assertEquals(Instant.parse("2023-11-14T22:13:20.000100Z"), message.postedAt());
    }

    @Test
    void directMessagesMentionsAndThreadRepliesAreToldApart() throws Exception {
        IncomingMessage dm = assertInstanceOf(SlackEvent.Posted.class, parse("{\"type\":\"message\","
                + "\"channel\":\"D1\",\"channel_type\":\"im\",\"user\":\"U1\",\"ts\":\"1.2\"}")).message();
        assertEquals(IncomingMessage.Kind.DIRECT_MESSAGE, dm.kind());
        IncomingMessage reply = assertInstanceOf(SlackEvent.Posted.class, parse("{\"type\":\"app_mention\","
                + "\"channel\":\"C1\",\"user\":\"U1\",\"ts\":\"1.3\",\"thread_ts\":\"1.2\",\"text\":\"<@U0BOT> ok\"}"))
                .message();
        assertEquals(IncomingMessage.Kind.MENTION, reply.kind());
        assertEquals("1.2", reply.replyThread());
        assertEquals("ok", reply.textWithout("U0BOT"));
    }

    @Test
    void editsDeletionsBotMessagesAndUnknownEventsAreIgnored() throws Exception {
        assertInstanceOf(SlackEvent.Ignored.class, parse("{\"type\":\"message\",\"subtype\":\"message_changed\","
                + "\"channel\":\"C1\",\"ts\":\"1.2\"}"));
        assertInstanceOf(SlackEvent.Ignored.class, parse("{\"type\":\"message\",\"bot_id\":\"B1\","
                + "\"channel\":\"C1\",\"user\":\"U1\",\"ts\":\"1.2\"}"));
        assertInstanceOf(SlackEvent.Ignored.class, parse("{\"type\":\"reaction_added\"}"));
        assertEquals(new SlackEvent.HomeOpened("U1"), parse("{\"type\":\"app_home_opened\",\"user\":\"U1\",\"tab\":\"home\"}"));
    }
}
