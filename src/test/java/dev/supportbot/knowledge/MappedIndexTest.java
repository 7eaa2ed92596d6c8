package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedIndexTest {
    @Test
    void theMappedCopyIsSearchableAndItsFilesAreGoneOnceOpened(@TempDir Path temporaryRoot) throws IOException {
        try (MappedIndex index = MappedIndex.open(built("the cluster is down", "slurm accounting"), temporaryRoot)) {
            try (var left = Files.list(temporaryRoot)) {
                assertEquals(0, left.count(), "files left in the temporary folder");
            }
            IndexSearcher searcher = new IndexSearcher(index.reader());
            assertEquals(1, searcher.count(new TermQuery(new Term("text", "cluster"))));
            assertEquals(2, index.reader().numDocs());
        }
    }

    @Test
    void withoutAWritableTemporaryFolderTheHeapCopyIsSearched(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        try (MappedIndex index = MappedIndex.open(built("the cluster is down"), notAFolder)) {
            assertEquals(1, new IndexSearcher(index.reader()).count(new TermQuery(new Term("text", "down"))));
        }
    }

    private static ByteBuffersDirectory built(String... texts) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (String text : texts) {
                Document document = new Document();
                document.add(new TextField("text", text, Field.Store.NO));
                writer.addDocument(document);
            }
        }
        return directory;
    }
}
