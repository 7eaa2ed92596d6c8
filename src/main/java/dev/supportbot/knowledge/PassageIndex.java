package dev.supportbot.knowledge;

import dev.supportbot.knowledge.PassageRanking.Candidate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The Lucene index of passages, in memory. It is written once, merged to one segment and never changes: one
 * reader and one searcher serve it for its whole life (a changed {@code knowledge/} builds a new index). Queries
 * are built from analysed tokens by {@link CachedTermQueries}, never parsed, so user text cannot inject syntax,
 * fields or boosts. Thread-safe.
 */
final class PassageIndex implements AutoCloseable {
    private static final int CANDIDATES = 12;
    private static final int MAX_QUERY_WORDS = 64;
    private static final String FIELD = "text";

    private final TermWeights termWeights;
    private final PassageRanking ranking;
    private final List<Passage> passages;
    private final MappedIndex index;
    private final IndexSearcher searcher;
    private final CachedTermQueries queries;
    /** The passage ordinal of each Lucene document id. */
    private final int[] ordinals;

    PassageIndex(List<Passage> passages, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
        this.passages = List.copyOf(passages);
        this.termWeights = new TermWeights(this.passages, indexAnalyzer);
        this.ranking = new PassageRanking(this.passages, queryAnalyzer);
        ByteBuffersDirectory built = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(built,
                new IndexWriterConfig(indexAnalyzer).setRAMBufferSizeMB(64))) {
            // The writer takes documents from several threads at once: analysis is most of the build.
            IntStream.range(0, this.passages.size()).parallel().forEach(ordinal -> add(writer, ordinal));
            // Each indexing thread wrote its own segment; one segment makes every search one pass.
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory passage index failed", e);
        }
        try {
            index = MappedIndex.open(built);
            searcher = new IndexSearcher(index.reader());
            // Every question is a new query: caching them only costs hashing on the hot path.
            searcher.setQueryCache(null);
            ordinals = ordinals(index.reader());
        } catch (IOException e) {
            throw new UncheckedIOException("opening the in-memory passage index failed", e);
        }
        this.queries = new CachedTermQueries(queryAnalyzer, searcher);
    }

    private void add(IndexWriter writer, int ordinal) {
        try {
            writer.addDocument(toDocument(ordinal, passages.get(ordinal)));
        } catch (IOException e) {
            throw new UncheckedIOException("indexing passage " + passages.get(ordinal).id() + " failed", e);
        }
    }

    private static Document toDocument(int ordinal, Passage passage) {
        Document document = new Document();
        document.add(new StringField("id", passage.id(), Field.Store.NO));
        document.add(new NumericDocValuesField("ordinal", ordinal));
        // One searched field: the headings are written twice so a question that names the section ranks it up.
        String headings = String.join(" ", passage.headings());
        document.add(new TextField(FIELD, passage.title() + "\n" + headings + "\n" + headings + "\n"
                + passage.body(), Field.Store.NO));
        return document;
    }

    int size() {
        return passages.size();
    }

    /** Candidates ranked by relevance and coverage of the question's terms. */
    List<SearchHit> search(String text, int limit) {
        String question = compact(text);
        Map<String, Double> weights = termWeights.of(question);
        if (weights.isEmpty()) {
            return List.of();
        }
        Query query = buildQuery(question);
        if (query == null) {
            return List.of();
        }
        try {
            // Counting only as many hits as are kept lets Lucene skip documents that cannot make the top.
            ScoreDoc[] top = searcher.search(query,
                    new TopScoreDocCollectorManager(CANDIDATES, null, CANDIDATES)).scoreDocs;
            List<Candidate> candidates = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                candidates.add(new Candidate(ordinals[scoreDoc.doc], scoreDoc.score));
            }
            return ranking.rank(candidates, weights, limit, question);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory passage index failed", e);
        }
    }

    /**
     * The question's distinct words, first {@value #MAX_QUERY_WORDS} of them: a long paste or a repeated word
     * must not grow the query past Lucene's clause limit or slow search down.
     */
    static String compact(String text) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String word : text.split("\\s+")) {
            if (words.size() == MAX_QUERY_WORDS) {
                break;
            }
            words.add(word.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    private Query buildQuery(String question) {
        return queries.createBooleanQuery(FIELD, question, BooleanClause.Occur.SHOULD);
    }

    private static int[] ordinals(IndexReader reader) throws IOException {
        int[] ordinals = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues("ordinal");
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (values == null || !values.advanceExact(doc)) {
                    throw new IllegalStateException("passage " + (leaf.docBase + doc) + " has no ordinal");
                }
                ordinals[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return ordinals;
    }

    /** The question's index terms with their weights (see {@link TermWeights}). */
    Map<String, Double> termWeights(String text) {
        return termWeights.of(compact(text));
    }

    @Override
    public void close() {
        index.close();
    }
}
