package dev.supportbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.supportbot.ops.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out to Slack's Web API: calls run one at a time on a single worker thread, interactive ones (replies,
 * cards) in the order submitted and background ones (card refreshes) only when no interactive call waits. A 429
 * pauses the whole queue for its {@code Retry-After} (Slack's limits are per method and workspace, so waiting for
 * everyone is the safe reading); 5xx answers and network errors are retried with backoff. Such a failure may hide
 * a call that did go through: a call submitted with a {@link Probe} looks for its own effect before it is sent
 * again, so a post whose answer was lost is not posted twice. Order matters: a card is posted before it is
 * updated. Thread-safe.
 */
final class OutgoingCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingCalls.class);

    private final MethodsClient client;
    private final RetryPolicy policy;
    private final Metrics metrics;
    private final AtomicLong sequence = new AtomicLong();
    private final BlockingQueue<Pending<?>> queue = new PriorityBlockingQueue<>(64,
            Comparator.comparing((Pending<?> pending) -> pending.priority()).thenComparingLong(Pending::sequence));
    private final Thread worker;
    private volatile boolean closing;

    /** Which calls leave first: the ones people wait for, then refreshes. */
    enum Priority { INTERACTIVE, BACKGROUND }

    /** One Web API call, given the client to make it with. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    /**
     * Looks in Slack for the effect of an earlier try whose answer never came (a timeout, a 5xx): the response
     * that try would have had, or empty when it did not go through.
     */
    @FunctionalInterface
    interface Probe<T extends SlackApiTextResponse> {
        Optional<T> find(MethodsClient client) throws IOException, SlackApiException;

        /** For a call that may safely be sent again: never finds anything. */
        static <T extends SlackApiTextResponse> Probe<T> none() {
            return client -> Optional.empty();
        }
    }

    private record Pending<T extends SlackApiTextResponse>(String method, Call<T> call, Probe<T> probe,
                                                           boolean mayHaveLanded, Priority priority, long sequence,
                                                           CompletableFuture<T> result) {
    }

    OutgoingCalls(MethodsClient client, RetryPolicy policy) {
        this(client, policy, new Metrics());
    }

    OutgoingCalls(MethodsClient client, RetryPolicy policy, Metrics metrics) {
        this.client = client;
        this.policy = policy;
        this.metrics = metrics;
        this.worker = Thread.ofPlatform().name("slack-outgoing").daemon().start(this::drain);
    }

    /** Queues a call; the future completes with the response when Slack says ok, exceptionally otherwise. */
    <T extends SlackApiTextResponse> CompletableFuture<T> submit(String method, Call<T> call) {
        return enqueue(method, call, Probe.none(), false, Priority.INTERACTIVE);
    }

    /**
     * Queues a call that must not take effect twice: before any retry that follows a failure without a clear
     * answer, and before the first try when {@code mayHaveLanded} (the work is being redone after a restart),
     * {@code landed} looks for its effect; when found, that is the call's response and nothing is sent.
     */
    <T extends SlackApiTextResponse> CompletableFuture<T> submitOnce(String method, Call<T> call, Probe<T> landed,
                                                                     boolean mayHaveLanded) {
        return enqueue(method, call, landed, mayHaveLanded, Priority.INTERACTIVE);
    }

    /** Queues a call that waits until no interactive call does. */
    <T extends SlackApiTextResponse> CompletableFuture<T> submitBackground(String method, Call<T> call) {
        return enqueue(method, call, Probe.none(), false, Priority.BACKGROUND);
    }

    private <T extends SlackApiTextResponse> CompletableFuture<T> enqueue(String method, Call<T> call, Probe<T> probe,
                                                                        boolean mayHaveLanded, Priority priority) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closing) {
            result.completeExceptionally(new SlackCallException(method, "shut down", null));
            return result;
        }
        queue.add(new Pending<>(method, call, probe, mayHaveLanded, priority, sequence.incrementAndGet(), result));
        return result;
    }

    int backlog() {
        return queue.size();
    }

    private void drain() {
        Pending<?> current = null;
        try {
            while (!(closing && queue.isEmpty())) {
                current = queue.poll(100, TimeUnit.MILLISECONDS);
                if (current != null && closing && current.priority() == Priority.BACKGROUND) {
                    // Only refreshes are left: not worth holding up the stop for.
                    shutDown(current, null);
                } else if (current != null) {
                    run(current);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (current != null) {
                shutDown(current, e);
            }
        }
        for (Pending<?> left; (left = queue.poll()) != null; ) {
            shutDown(left, null);
        }
    }

    private static void shutDown(Pending<?> pending, InterruptedException cause) {
        pending.result().completeExceptionally(new SlackCallException(pending.method(), "shut down", cause));
    }

    private <T extends SlackApiTextResponse> void run(Pending<T> pending) throws InterruptedException {
        int attempts = 0;
        int rateLimitWaits = 0;
        boolean mayHaveLanded = pending.mayHaveLanded();
        while (true) {
            attempts++;
            try {
                finish(pending, attempt(pending, mayHaveLanded));
                return;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    metrics.rateLimited(pending.method());
                    if (rateLimitWaits < policy.maxRateLimitWaits()) {
                        rateLimitWaits++;
                        attempts--;
                        pause(pending.method(), "429", retryAfter(e));
                        continue;
                    }
                }
                if ((status < 500 && status != 429) || attempts >= policy.maxAttempts()) {
                    fail(pending, status == 429 || status >= 500
                            ? new SlackCallException(pending.method(), "HTTP " + status, e)
                            : SlackCallException.refused(pending.method(), "HTTP " + status, e));
                    return;
                }
                mayHaveLanded = true; // a 5xx may come after part of the work was done
                pause(pending.method(), "HTTP " + status, policy.backoffAfter(attempts));
            } catch (IOException e) {
                if (attempts >= policy.maxAttempts()) {
                    fail(pending, new SlackCallException(pending.method(), "network: " + e.getMessage(), e));
                    return;
                }
                mayHaveLanded = true; // the request may have arrived and only its answer been lost
                pause(pending.method(), "network error (" + e.getMessage() + ")", policy.backoffAfter(attempts));
            } catch (RuntimeException e) { // the call's own code failed (e.g. rendering): fail it, keep the queue going
                fail(pending, new SlackCallException(pending.method(), e.toString(), e));
                return;
            }
        }
    }

    /** One try: the effect of an earlier try when it may have landed and is found, else the call itself. */
    private <T extends SlackApiTextResponse> T attempt(Pending<T> pending, boolean mayHaveLanded)
            throws IOException, SlackApiException {
        if (mayHaveLanded) {
            Optional<T> landed = pending.probe().find(client);
            if (landed.isPresent()) {
                LOG.info("{} had gone through before its answer was lost; not sent again", pending.method());
                return landed.get();
            }
        }
        return pending.call().call(client);
    }

    private <T extends SlackApiTextResponse> void finish(Pending<T> pending, T response) {
        if (response.isOk()) {
            metrics.apiCall(pending.method(), Metrics.CallOutcome.OK);
            pending.result().complete(response);
        } else {
            metrics.apiCall(pending.method(), Metrics.CallOutcome.ERROR);
            pending.result().completeExceptionally(
                    SlackCallException.refused(pending.method(), response.getError(), null));
        }
    }

    private void fail(Pending<?> pending, SlackCallException failure) {
        metrics.apiCall(pending.method(), Metrics.CallOutcome.FAILED);
        pending.result().completeExceptionally(failure);
    }

    private Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NumberFormatException ignored) {
                LOG.warn("Slack sent an unreadable Retry-After '{}'", header);
            }
        }
        return policy.defaultRetryAfter();
    }

    private static void pause(String method, String why, Duration wait) throws InterruptedException {
        LOG.info("{} got {}; waiting {} ms before trying again", method, why, wait.toMillis());
        Thread.sleep(wait);
    }

    /**
     * Lets the interactive calls drain for up to five seconds, then stops; background calls and calls still queued
     * fail with "shut down".
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        if (!worker.join(Duration.ofSeconds(5))) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
        }
    }
}
