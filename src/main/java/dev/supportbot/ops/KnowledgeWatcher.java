package dev.supportbot.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder tree and, once changes have stopped for the quiet period, runs {@code onChange} (a knowledge
 * reload) on its own thread: an editor's save of several files, or a ConfigMap's symlink swap, is one reload.
 * Folders created later are watched too. Thread-safe.
 */
public final class KnowledgeWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWatcher.class);

    private final Path root;
    private final Duration quiet;
    private final Runnable onChange;
    private final WatchService watcher;
    private final Thread thread;

    public KnowledgeWatcher(Path root, Duration quiet, Runnable onChange) {
        this.root = root;
        this.quiet = quiet;
        this.onChange = onChange;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root, e);
        }
        this.thread = Thread.ofPlatform().name("knowledge-watcher").daemon().start(this::watch);
    }

    private void registerTree() throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                reset(watcher.take());
                WatchKey more;
                while ((more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    reset(more); // still changing: wait for quiet
                }
                registerTree();
                LOG.info("change under {}: rebuilding the knowledge index", root);
                onChange.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            LOG.debug("knowledge watcher closed");
        } catch (IOException e) {
            LOG.error("knowledge watcher stopped: cannot watch {}: {}", root, e.getMessage());
        }
    }

    private static void reset(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        watcher.close();
        thread.join(Duration.ofSeconds(5));
    }
}
