package dev.supportbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.apache.lucene.index.Term;
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
    private static final double UNKNOWN_TERM_SHARE = 0.3;
    private static final double LEAD_BONUS = 0.1;
    private static final double HEADING_BONUS = 0.20;
    private static final double DEFINITION_BONUS = 0.1;
    private static final Pattern DEFINITION_QUESTION =
            Pattern.compile("(?i)(?:what|who)(?:'s| is| are) (?:an? |the )?([\\w /-]{2,40}?)\\s*\\??");
    private static final String FIELD = "text";

    private final Analyzer queryAnalyzer;
    private final QueryBuilder queryBuilder;
    private final int primaryCount;
    private final Map<String, Integer> primaryFrequencies;
    private final Analyzer indexAnalyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final List<Passage> passages;
    private final Map<Integer, Set<String>> expandedTerms = new ConcurrentHashMap<>();
    private final Map<Integer, Set<String>> leadTerms = new ConcurrentHashMap<>();
    private final Map<Integer, Set<String>> headingTerms = new ConcurrentHashMap<>();

    PassageIndex(List<Passage> passages, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
        this.passages = List.copyOf(passages);
        this.indexAnalyzer = indexAnalyzer;
        this.queryAnalyzer = queryAnalyzer;
        this.queryBuilder = new QueryBuilder(queryAnalyzer);
        double primaryWeight = this.passages.stream().mapToDouble(Passage::weight).max().orElse(1.0);
        List<Passage> primary = this.passages.stream().filter(passage -> passage.weight() == primaryWeight).toList();
        this.primaryCount = Math.max(1, primary.size());
        this.primaryFrequencies = documentFrequencies(primary, indexAnalyzer);
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
        Map<String, Double> weights = termWeights(question);
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
                return rank(searcher, top, weights, limit, definitionSubject(question));
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

    private List<SearchHit> rank(IndexSearcher searcher, ScoreDoc[] top, Map<String, Double> weights, int limit,
                                 Optional<String> subject) throws IOException {
        if (top.length == 0) {
            return List.of();
        }
        double bestRelevance = top[0].score;
        double totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : top) {
            int ordinal = ordinal(searcher, scoreDoc.doc);
            Passage passage = passages.get(ordinal);
            // The document title is shared by all its sections, so it says nothing about which section answers.
            Set<String> terms = expandedTerms.computeIfAbsent(ordinal, key -> Terms.of(queryAnalyzer,
                    passage.section() + "\n" + passage.body()));
            Set<String> lead = leadTerms.computeIfAbsent(ordinal, key -> Terms.of(queryAnalyzer,
                    Excerpts.units(passage.body()).get(0)));
            Set<String> heading = headingTerms.computeIfAbsent(ordinal, key -> Terms.of(queryAnalyzer,
                    passage.headings().isEmpty() ? "" : passage.headings().get(passage.headings().size() - 1)));
            List<String> matched = new ArrayList<>();
            double covered = 0;
            double coveredByLead = 0;
            double coveredByHeading = 0;
            for (Map.Entry<String, Double> weight : weights.entrySet()) {
                if (terms.contains(weight.getKey())) {
                    matched.add(weight.getKey());
                    covered += weight.getValue();
                }
                if (lead.contains(weight.getKey())) {
                    coveredByLead += weight.getValue();
                }
                if (heading.contains(weight.getKey())) {
                    coveredByHeading += weight.getValue();
                }
            }
            double coverage = Math.min(1.0, covered / totalWeight);
            // A section whose own heading names the question's subject, or whose opening sentence is about it
            // (a definition, a direct statement), ranks up.
            double score = passage.weight() * (0.30 * scoreDoc.score / bestRelevance + 0.70 * coverage
                    + LEAD_BONUS * Math.min(1.0, coveredByLead / totalWeight)
                    + HEADING_BONUS * Math.min(1.0, coveredByHeading / totalWeight)
                    + (subject.isPresent() && defines(passage, subject.get()) ? DEFINITION_BONUS : 0));
            hits.add(new SearchHit(passage, score, coverage, matched, weights));
        }
        hits.sort((left, right) -> Double.compare(right.score(), left.score()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /** "what is X?" asks for a definition of X. */
    private static Optional<String> definitionSubject(String question) {
        Matcher definition = DEFINITION_QUESTION.matcher(question.strip());
        return definition.matches() ? Optional.of(definition.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The passage opens by defining the subject: "X is ...", "An X is ...". */
    private static boolean defines(Passage passage, String subject) {
        String opening = passage.body().toLowerCase(Locale.ROOT).replaceFirst("^(an?|the)\\s+", "");
        return opening.startsWith(subject + " is ") || opening.startsWith(subject + " are ");
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

    /**
     * The question's index terms, each weighted by how rare it is in the primary passages (our own docs, the
     * source with the highest weight): a large reference source added beside them must not change what counts
     * as an important word in a support question.
     */
    Map<String, Double> termWeights(String text) {
        String question = compact(text);
        Map<String, Double> weights = new LinkedHashMap<>();
        double rarest = Math.log(1 + (primaryCount + 0.5) / 0.5);
        for (String term : Terms.of(indexAnalyzer, question)) {
            int frequency = primaryFrequencies.getOrDefault(term, 0);
            // A word no passage uses says nothing about which passage answers: it counts a little,
            // so a question made only of unknown words still finds no answer.
            weights.put(term, frequency == 0 ? UNKNOWN_TERM_SHARE * rarest
                    : Math.log(1 + (primaryCount - frequency + 0.5) / (frequency + 0.5)));
        }
        return weights;
    }

    private static Map<String, Integer> documentFrequencies(List<Passage> passages, Analyzer analyzer) {
        Map<String, Integer> frequencies = new HashMap<>();
        for (Passage passage : passages) {
            for (String term : Terms.of(analyzer, String.join(" ", passage.headings()) + "\n" + passage.body())) {
                frequencies.merge(term, 1, Integer::sum);
            }
        }
        return Map.copyOf(frequencies);
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            // closed in reverse order by try-with-resources
        }
    }
}
