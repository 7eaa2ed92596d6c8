package dev.supportbot.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, is sent then whether or not
 * earlier ones have been answered, and its latency counts from when it was due, not from when it went out. A
 * slow server therefore shows up in the figures instead of slowing the load down (no coordinated omission).
 * Every request is signed as Slack signs it. One run per instance.
 */
final class OpenLoopLoad {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SlackSigner signer;
    private final URI target;

    /**
     * What a run saw: each request's HTTP status (0: no answer), latencies in microseconds (sorted; a request
     * without an answer counts as the timeout), and how many failed in transport.
     */
    record Result(int[] statusByRequest, long[] latencyMicros, int transportErrors, Duration took) {
        Result {
            statusByRequest = statusByRequest.clone();
            latencyMicros = latencyMicros.clone();
            Arrays.sort(latencyMicros);
            if (statusByRequest.length != latencyMicros.length || latencyMicros.length == 0) {
                throw new IllegalArgumentException("statuses " + statusByRequest.length + " and latencies "
                        + latencyMicros.length + " must be as many, and some");
            }
        }

        int sent() {
            return latencyMicros.length;
        }

        int status(int request) {
            return statusByRequest[request];
        }

        int answered(int status) {
            return (int) Arrays.stream(statusByRequest).filter(answer -> answer == status).count();
        }

        int errors() {
            return sent() - answered(200);
        }

        double percentileMillis(double percent) {
            int index = (int) Math.ceil(percent / 100 * latencyMicros.length) - 1;
            return latencyMicros[Math.max(0, Math.min(latencyMicros.length - 1, index))] / 1000.0;
        }

        double maxMillis() {
            return latencyMicros[latencyMicros.length - 1] / 1000.0;
        }
    }

    OpenLoopLoad(URI target, String secret) {
        this.target = target;
        this.signer = new SlackSigner(secret);
    }

    /** Sends {@code count} bodies made by {@code body} at {@code perSecond}, then waits for every answer. */
    Result run(int count, int perSecond, IntFunction<String> body, Duration answerTimeout) {
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        AtomicLongArray measured = new AtomicLongArray(latencies);
        AtomicIntegerArray statuses = new AtomicIntegerArray(count);
        AtomicInteger transportErrors = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < count; i++) {
            String text = body.apply(i); // made before the due time, so making it costs the server nothing
            long due = start + i * periodNanos;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            int index = i;
            answers[i] = http.sendAsync(request(text, answerTimeout), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            transportErrors.incrementAndGet();
                            return;
                        }
                        measured.set(index, (System.nanoTime() - due) / 1000);
                        statuses.set(index, response.statusCode());
                    });
        }
        CompletableFuture.allOf(answers).exceptionally(failure -> null).join();
        for (int i = 0; i < count; i++) {
            latencies[i] = measured.get(i) < 0 ? answerTimeout.toNanos() / 1000 : measured.get(i);
        }
        int[] statusByRequest = new int[count];
        for (int i = 0; i < count; i++) {
            statusByRequest[i] = statuses.get(i);
        }
        return new Result(statusByRequest, latencies, transportErrors.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private HttpRequest request(String body, Duration timeout) {
        long timestamp = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signer.signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
