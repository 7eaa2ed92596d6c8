package dev.supportbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.supportbot.ops.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out to Slack's Web API: calls run one at a time, in the order submitted, on a single worker
 * thread. A 429 pauses the whole queue for its {@code Retry-After} (Slack's limits are per method and workspace,
 * so waiting for everyone is the safe reading); 5xx answers and network errors are retried with backoff. Order
 * matters: a card is posted before it is updated. Thread-safe.
 */
final class OutgoingCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingCalls.class);

    private final MethodsClient client;
    private final RetryPolicy policy;
    private final Metrics metrics;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closing;

    /** One Web API call, given the client to make it with. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    private record Pending<T extends SlackApiTextResponse>(String method, Call<T> call, CompletableFuture<T> result) {
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
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closing) {
            result.completeExceptionally(new SlackCallException(method, "shut down", null));
            return result;
        }
        queue.add(new Pending<>(method, call, result));
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
                if (current != null) {
                    run(current);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (current != null) {
                current.result().completeExceptionally(new SlackCallException(current.method(), "shut down", e));
            }
        }
        for (Pending<?> left; (left = queue.poll()) != null; ) {
            left.result().completeExceptionally(new SlackCallException(left.method(), "shut down", null));
        }
    }

    private <T extends SlackApiTextResponse> void run(Pending<T> pending) throws InterruptedException {
        int attempts = 0;
        int rateLimitWaits = 0;
        while (true) {
            attempts++;
            try {
                T response = pending.call().call(client);
                if (response.isOk()) {
                    metrics.apiCall(pending.method(), Metrics.CallOutcome.OK);
                    pending.result().complete(response);
                } else {
                    metrics.apiCall(pending.method(), Metrics.CallOutcome.ERROR);
                    pending.result().completeExceptionally(
                            new SlackCallException(pending.method(), response.getError(), null));
                }
                return;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    metrics.rateLimited(pending.method());
                }
                if (status == 429 && rateLimitWaits < policy.maxRateLimitWaits()) {
                    rateLimitWaits++;
                    attempts--;
                    pause(pending.method(), "429", retryAfter(e));
                    continue;
                }
                if (status < 500 || attempts >= policy.maxAttempts()) {
                    metrics.apiCall(pending.method(), Metrics.CallOutcome.FAILED);
                    pending.result().completeExceptionally(
                            new SlackCallException(pending.method(), "HTTP " + status, e));
                    return;
                }
                pause(pending.method(), "HTTP " + status, policy.backoffAfter(attempts));
            } catch (IOException e) {
                if (attempts >= policy.maxAttempts()) {
                    metrics.apiCall(pending.method(), Metrics.CallOutcome.FAILED);
                    pending.result().completeExceptionally(
                            new SlackCallException(pending.method(), "network: " + e.getMessage(), e));
                    return;
                }
                pause(pending.method(), "network error", policy.backoffAfter(attempts));
            }
        }
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

    /** Lets the queue drain for up to five seconds, then stops; calls still queued fail with "shut down". */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        if (!worker.join(Duration.ofSeconds(5))) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
        }
    }
}
