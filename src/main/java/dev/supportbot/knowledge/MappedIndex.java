package dev.supportbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A finished index opened for searching from memory-mapped files rather than from Lucene's heap buffers: every
 * term lookup and postings read through heap buffers allocates slices, through mapped memory it does not. The files
 * are copied to a private temporary folder that is deleted as soon as the reader has them open (the mappings
 * outlive the names), so nothing is left behind, not even after a kill -9. Where no temporary folder can be written,
 * the heap copy is searched instead. Close it to unmap the files.
 */
record MappedIndex(Directory directory, DirectoryReader reader) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MappedIndex.class);

    /** Opens the index in {@code built}, a directory nothing writes to any more. */
    static MappedIndex open(Directory built) throws IOException {
        return open(built, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #open(Directory)}, with the temporary copy made under {@code temporaryRoot}. */
    static MappedIndex open(Directory built, Path temporaryRoot) throws IOException {
        Path folder;
        try {
            folder = Files.createTempDirectory(temporaryRoot, "supportbot-index-");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("no temporary folder for the search index ({}); searching it from the heap", e.toString());
            return new MappedIndex(built, DirectoryReader.open(built));
        }
        Directory mapped = new MMapDirectory(folder);
        try {
            for (String file : built.listAll()) {
                mapped.copyFrom(built, file, file, IOContext.DEFAULT);
            }
            DirectoryReader reader = DirectoryReader.open(mapped);
            built.close();
            return new MappedIndex(mapped, reader);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A system that cannot delete open files keeps them until the process ends.
            LOG.debug("the search index copy in {} stays until exit: {}", folder, e.toString());
            folder.toFile().deleteOnExit();
        }
    }

    @Override
    public void close() {
        try (directory; reader) {
            // closed in reverse order by try-with-resources
        } catch (IOException e) {
            throw new UncheckedIOException("closing the search index failed", e);
        }
    }
}
