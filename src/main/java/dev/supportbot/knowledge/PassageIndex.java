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
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index of passages, in memory: one writer, one {@link SearcherManager}. Queries are built from
 * analysed tokens with {@link QueryBuilder}, never parsed, so user text cannot inject syntax, fields or boosts.
 * Thread-safe.
 */
final class PassageIndex implements AutoCloseable {
    private static final int CANDIDATES = 16;
    private static final int MAX_QUERY_WORDS = 64;
    private static final String FIELD = "text";

    private final QueryBuilder queryBuilder;
    private final TermWeights termWeights;
    private final PassageRanking ranking;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final List<Passage> passages;

    PassageIndex(List<Passage> passages, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
        this.passages = List.copyOf(passages);
        this.queryBuilder = new QueryBuilder(queryAnalyzer);
        this.termWeights = new TermWeights(this.passages, indexAnalyzer);
        this.ranking = new PassageRanking(this.passages, queryAnalyzer);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setRAMBufferSizeMB(64));
            // The writer takes documents from several threads at once: analysis is most of the build.
            IntStream.range(0, this.passages.size()).parallel().forEach(ordinal -> add(ordinal));
            // Each indexing thread wrote its own segment; one segment makes every search one pass.
            writer.forceMerge(1);
            writer.commit();
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    // Every question is a new query: caching them only costs hashing on the hot path.
                    searcher.setQueryCache(null);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory passage index failed", e);
        }
    }

    private void add(int ordinal) {
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
            IndexSearcher searcher = searchers.acquire();
            try {
                // Counting only as many hits as are kept lets Lucene skip documents that cannot make the top.
                ScoreDoc[] top = searcher.search(query,
                        new TopScoreDocCollectorManager(CANDIDATES, null, CANDIDATES)).scoreDocs;
                List<Candidate> candidates = new ArrayList<>();
                for (ScoreDoc scoreDoc : top) {
                    candidates.add(new Candidate(ordinal(searcher, scoreDoc.doc), scoreDoc.score));
                }
                return ranking.rank(candidates, weights, limit, question);
            } finally {
                searchers.release(searcher);
            }
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
        return queryBuilder.createBooleanQuery(FIELD, question, BooleanClause.Occur.SHOULD);
    }

    private static int ordinal(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ordinals = leaf.reader().getNumericDocValues("ordinal");
        if (ordinals == null || !ordinals.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("passage " + doc + " has no ordinal");
        }
        return (int) ordinals.longValue();
    }

    /** The question's index terms with their weights (see {@link TermWeights}). */
    Map<String, Double> termWeights(String text) {
        return termWeights.of(compact(text));
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            // closed in reverse order by try-with-resources
        }
    }
}
