package dev.supportbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutgoingCallsTest {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 4,
            Duration.ofSeconds(1), 5);

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String THREAD = "1700000000.000100";

    private FakeSlackApi slack;
    private OutgoingCalls calls;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlackApi();
        SlackSettings settings = new SlackSettings("xoxb-test", "secret", Optional.empty(), slack.apiUrl());
        MethodsClient client = settings.methods(
                settings.slack(new OkHttpClient.Builder().callTimeout(TIMEOUT).build()));
        calls = new OutgoingCalls(client, FAST);
    }

    @AfterEach
    void stop() throws Exception {
        calls.close();
        slack.close();
    }

    private CompletableFuture<ChatPostMessageResponse> post(String text) {
        return calls.submit("chat.postMessage", client -> client.chatPostMessage(r -> r.channel("C1").text(text)));
    }

    @Test
    void aRateLimitedCallWaitsForRetryAfterAndThenSucceeds() throws Exception {
        slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");
        ChatPostMessageResponse response = post("hello").get(10, TimeUnit.SECONDS);
        assertTrue(response.isOk());
        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertEquals(2, posts.size());
        Duration gap = Duration.between(posts.get(0).at(), posts.get(1).at());
        assertTrue(gap.compareTo(Duration.ofMillis(950)) >= 0, "retried after only " + gap);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilSlackAnswers() throws Exception {
        slack.failNext("chat.postMessage", 500, Map.of(), "oops");
        slack.failNext("chat.postMessage", 503, Map.of(), "oops");
        assertTrue(post("hello").get(10, TimeUnit.SECONDS).isOk());
        assertEquals(3, slack.calls("chat.postMessage").size());
    }

    @Test
    void serverErrorsBeyondTheAttemptLimitFailTheCallWithoutBlockingTheNextOne() throws Exception {
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            slack.failNext("chat.postMessage", 502, Map.of(), "bad gateway");
        }
        CompletableFuture<ChatPostMessageResponse> doomed = post("first");
        CompletableFuture<ChatPostMessageResponse> next = post("second");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> doomed.get(10, TimeUnit.SECONDS));
        assertEquals("HTTP 502", assertInstanceOf(SlackCallException.class, failure.getCause()).error());
        assertTrue(next.get(10, TimeUnit.SECONDS).isOk());
        assertEquals(FAST.maxAttempts() + 1, slack.calls("chat.postMessage").size());
    }

    @Test
    void anErrorSlackReportsWithOkFalseFailsAtOnceWithItsCode() throws Exception {
        slack.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> post("hello").get(10, TimeUnit.SECONDS));
        assertEquals("channel_not_found", assertInstanceOf(SlackCallException.class, failure.getCause()).error());
        assertEquals(1, slack.calls("chat.postMessage").size());
    }

    /** A post in {@link #THREAD} that, when its answer is lost, looks for itself there before posting again. */
    private CompletableFuture<ChatPostMessageResponse> postOnce(String text) {
        return calls.submitOnce("chat.postMessage", client -> client.chatPostMessage(r -> r.channel("C1")
                        .threadTs(THREAD).text(text)),
                OwnPosts.inThread(FakeSlackApi.BOT_USER, "C1", THREAD, message -> text.equals(message.getText())),
                false);
    }

    @Test
    void aPostThatTimedOutAfterGoingThroughIsFoundInItsThreadAndNotPostedAgain() throws Exception {
        slack.hangNext("chat.postMessage", FaultPlan.Fault.HANG_AFTER_DOING);
        ChatPostMessageResponse response = postOnce("hello").get(10, TimeUnit.SECONDS);
        assertEquals(Map.of("C1/" + THREAD, 1), slack.postsByThread(), "one post in the thread");
        assertEquals(1, slack.calls("chat.postMessage").size());
        assertEquals(1, slack.calls("conversations.replies").size(), "the thread was read before posting again");
        assertTrue(response.isOk());
        assertTrue(response.getTs() != null && !response.getTs().isEmpty(), "the post's ts, found in the thread");
    }

    @Test
    void aPostThatTimedOutBeforeGoingThroughIsPostedAgainOnce() throws Exception {
        slack.hangNext("chat.postMessage", FaultPlan.Fault.HANG_BEFORE_DOING);
        assertTrue(postOnce("hello").get(10, TimeUnit.SECONDS).isOk());
        assertEquals(Map.of("C1/" + THREAD, 1), slack.postsByThread());
        assertEquals(2, slack.calls("chat.postMessage").size());
    }

    @Test
    void aBackgroundCallWaitsForInteractiveCallsSubmittedAfterIt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch carryOn = new CountDownLatch(1);
        CompletableFuture<ChatPostMessageResponse> first = calls.submit("chat.postMessage", client -> {
            running.countDown();
            try {
                carryOn.await(10, TimeUnit.SECONDS); // keeps the worker busy while the others are queued
            } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted while held");
            }
            return client.chatPostMessage(r -> r.channel("C1").text("first"));
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        CompletableFuture<ChatPostMessageResponse> refresh = calls.submitBackground("chat.postMessage",
                client -> client.chatPostMessage(r -> r.channel("C1").text("refresh")));
        CompletableFuture<ChatPostMessageResponse> second = post("second");
        carryOn.countDown();
        CompletableFuture.allOf(first, refresh, second).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("first", "second", "refresh"),
                slack.calls("chat.postMessage").stream().map(call -> call.param("text")).toList());
    }

    @Test
    void callsLeaveInTheOrderTheyWereSubmitted() throws Exception {
        slack.failNext("chat.postMessage", 500, Map.of(), "oops");
        List<CompletableFuture<ChatPostMessageResponse>> results =
                List.of(post("one"), post("two"), post("three"));
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("one", "one", "two", "three"),
                slack.calls("chat.postMessage").stream().map(call -> call.param("text")).toList());
    }
}
