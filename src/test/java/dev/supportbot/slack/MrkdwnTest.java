package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MrkdwnTest {
    @Test
    void userTextCannotMentionTheChannelOrFakeALink() {
        assertEquals("&lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; more",
                Mrkdwn.escape("<!channel> see <https://evil.example|docs> & more"));
    }

    @Test
    void aDateRendersInEachReadersTimezoneWithAUtcFallback() {
        assertEquals("<!date^1748858400^{date_short_pretty} {time}|2025-06-02 10:00 UTC>",
                Mrkdwn.date(Instant.parse("2025-06-02T10:00:00Z")));
    }

    @Test
    void durationsReadAsHoursAndMinutes() {
        assertEquals("4 h", Mrkdwn.duration(Duration.ofHours(4)));
        assertEquals("3 h 59 min", Mrkdwn.duration(Duration.ofMinutes(239)));
        assertEquals("12 min", Mrkdwn.duration(Duration.ofMinutes(-12)));
        assertEquals("under a minute", Mrkdwn.duration(Duration.ofSeconds(30)));
        assertEquals("1 d 2 h", Mrkdwn.duration(Duration.ofHours(26)));
    }

    @Test
    void aLinkLabelIsEscapedAndItsUrlCannotCloseTheLinkEarly() {
        assertEquals("<https://docs.example/a%3Eb%7Cc|Scope &amp; SLA>",
                Mrkdwn.link("https://docs.example/a>b|c", "Scope & SLA"));
    }
}
