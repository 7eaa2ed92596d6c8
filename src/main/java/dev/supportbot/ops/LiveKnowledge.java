package dev.supportbot.ops;

import dev.supportbot.knowledge.DocSource;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.KnowledgeException;
import dev.supportbot.policy.Policy;
import dev.supportbot.policy.PolicyException;
import dev.supportbot.triage.Decision;
import dev.supportbot.triage.Triage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge index and triage engine in use, swappable while requests run: {@link #reload} builds a whole new
 * pair from the files, swaps it in, and closes the old pair once the last request using it has finished. A bad
 * edit keeps the old pair and logs one error. The policy's SLA targets for new tickets are read at start only.
 * Thread-safe.
 */
public final class LiveKnowledge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveKnowledge.class);

    private final Path knowledgeDir;
    private final List<DocSource> sources;
    private final Metrics metrics;
    private final AtomicReference<Loaded> current;
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("knowledge-reload").daemon().factory());

    /** One built pair, counted while in use so that it is closed only when retired and idle. */
    private record Loaded(KnowledgeBase knowledge, Triage triage, AtomicInteger users, AtomicBoolean retired,
                          AtomicBoolean closed) {
        static Loaded build(Path knowledgeDir, List<DocSource> sources) {
            KnowledgeBase knowledge = KnowledgeBase.open(knowledgeDir, sources);
            try {
                return new Loaded(knowledge, Triage.load(knowledgeDir, knowledge), new AtomicInteger(),
                        new AtomicBoolean(), new AtomicBoolean());
            } catch (RuntimeException e) {
                knowledge.close();
                throw e;
            }
        }

        void closeWhenIdle() {
            if (retired.get() && users.get() == 0 && closed.compareAndSet(false, true)) {
                knowledge.close();
            }
        }
    }

    private LiveKnowledge(Path knowledgeDir, List<DocSource> sources, Metrics metrics, Loaded first) {
        this.knowledgeDir = knowledgeDir;
        this.sources = List.copyOf(sources);
        this.metrics = metrics;
        this.current = new AtomicReference<>(first);
    }

    /** Builds the first index; a bad knowledge folder fails here, at start. */
    public static LiveKnowledge open(Path knowledgeDir, List<DocSource> sources, Metrics metrics) {
        return new LiveKnowledge(knowledgeDir, sources, metrics, Loaded.build(knowledgeDir, sources));
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    /** The policy of the pair in use now. */
    public Policy policy() {
        return current.get().triage().policy();
    }

    public Decision decide(String message) {
        Loaded loaded = acquire();
        try {
            return loaded.triage().decide(message);
        } finally {
            loaded.users().decrementAndGet();
            loaded.closeWhenIdle();
        }
    }

    private Loaded acquire() {
        while (true) {
            Loaded loaded = current.get();
            loaded.users().incrementAndGet();
            if (current.get() == loaded && !loaded.closed().get()) {
                return loaded;
            }
            loaded.users().decrementAndGet(); // swapped meanwhile: take the new one
            loaded.closeWhenIdle();
        }
    }

    /** Whether an index is loaded and open. */
    public boolean loaded() {
        return !current.get().closed().get();
    }

    /** Rebuilds now, on the caller's thread; returns what happened, in one line. */
    public synchronized String reload() {
        long started = System.nanoTime();
        Loaded fresh;
        try {
            fresh = Loaded.build(knowledgeDir, sources);
        } catch (KnowledgeException | PolicyException | UncheckedIOException | IllegalArgumentException e) {
            metrics.reloaded(false);
            LOG.error("knowledge reload failed, keeping the index in use: {}", e.getMessage());
            return "The knowledge index was not rebuilt: " + e.getMessage() + ". The previous index stays in use.";
        }
        Loaded old = current.getAndSet(fresh);
        old.retired().set(true);
        old.closeWhenIdle();
        metrics.reloaded(true);
        KnowledgeBase.Stats stats = fresh.knowledge().stats();
        String done = "Knowledge index rebuilt: " + stats.passages() + " passages from " + stats.documents()
                + " documents in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms.";
        LOG.info(done);
        return done;
    }

    /** Starts a rebuild in the background and says so at once; rebuilds run one at a time. */
    public String reloadLater() {
        reloads.execute(this::reload);
        return "Rebuilding the knowledge index; the current one answers until the new one is ready.";
    }

    @Override
    public void close() throws InterruptedException {
        reloads.shutdownNow();
        reloads.awaitTermination(30, TimeUnit.SECONDS);
        Loaded last = current.get();
        last.retired().set(true);
        last.closeWhenIdle();
    }
}
