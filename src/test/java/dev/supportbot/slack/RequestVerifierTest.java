package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestVerifierTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final String BODY = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"text\":\"héllo <!channel>\"}";

    private final SlackSigner signer = new SlackSigner(SECRET);
    private final RequestVerifier verifier = new RequestVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private RequestVerifier.Verdict verify(long timestamp, String signature, byte[] body) {
        return verifier.verify(Long.toString(timestamp), signature, body);
    }

    private RequestVerifier.Verdict.Reason rejection(RequestVerifier.Verdict verdict) {
        return assertInstanceOf(RequestVerifier.Verdict.Rejected.class, verdict).reason();
    }

    @Test
    void aRequestSignedAsSlackSignsItIsAcceptedWithItsUtf8Body() {
        long ts = NOW.getEpochSecond();
        RequestVerifier.Verdict verdict = verify(ts, signer.signature(ts, BODY), BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(BODY, assertInstanceOf(RequestVerifier.Verdict.Accepted.class, verdict).body());
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        long ts = NOW.getEpochSecond();
        String forged = new SlackSigner("not-the-secret").signature(ts, BODY);
        assertEquals(RequestVerifier.Verdict.Reason.BAD_SIGNATURE,
                rejection(verify(ts, forged, BODY.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aBodyChangedAfterSigningIsRejected() {
        long ts = NOW.getEpochSecond();
        String signature = signer.signature(ts, BODY);
        assertEquals(RequestVerifier.Verdict.Reason.BAD_SIGNATURE,
                rejection(verify(ts, signature, BODY.replace("Ev1", "Ev2").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aTimestampTenMinutesOldIsRejectedAsStaleEvenWhenSignedCorrectly() {
        long ts = NOW.minusSeconds(600).getEpochSecond();
        assertEquals(RequestVerifier.Verdict.Reason.STALE,
                rejection(verify(ts, signer.signature(ts, BODY), BODY.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aTimestampTenMinutesAheadIsRejectedAsFutureEvenWhenSignedCorrectly() {
        long ts = NOW.plusSeconds(600).getEpochSecond();
        assertEquals(RequestVerifier.Verdict.Reason.FUTURE,
                rejection(verify(ts, signer.signature(ts, BODY), BODY.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void timestampsExactlyFiveMinutesAwayInEitherDirectionAreStillAccepted() {
        for (long ts : new long[] {NOW.minusSeconds(300).getEpochSecond(), NOW.plusSeconds(300).getEpochSecond()}) {
            assertInstanceOf(RequestVerifier.Verdict.Accepted.class,
                    verify(ts, signer.signature(ts, BODY), BODY.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theSameSignedRequestPlayedTwiceIsRejectedTheSecondTime() {
        long ts = NOW.getEpochSecond();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(RequestVerifier.Verdict.Accepted.class, verify(ts, signer.signature(ts, BODY), body));
        assertEquals(RequestVerifier.Verdict.Reason.REPLAYED, rejection(verify(ts, signer.signature(ts, BODY), body)));
    }

    @Test
    void missingHeadersAndUnreadableTimestampsAreRejected() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(RequestVerifier.Verdict.Reason.MISSING_HEADERS, rejection(verifier.verify(null, "v0=00", body)));
        assertEquals(RequestVerifier.Verdict.Reason.MISSING_HEADERS, rejection(verifier.verify("1", null, body)));
        assertEquals(RequestVerifier.Verdict.Reason.MALFORMED_TIMESTAMP,
                rejection(verifier.verify("yesterday", "v0=00", body)));
    }

    @Test
    void aCorrectlySignedBodyThatIsNotUtf8IsRejected() {
        long ts = NOW.getEpochSecond();
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        String signature = new String(verifier.sign(ts, latin1), StandardCharsets.US_ASCII);
        assertEquals(RequestVerifier.Verdict.Reason.NOT_UTF8, rejection(verify(ts, signature, latin1)));
    }
}
