package dev.supportbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds queries from analysed text whose term queries carry their terms' statistics and dictionary positions,
 * looked up once per term for the life of an index that never changes, and keep the weights built for them.
 * Looking a term up is most of what a search over a few thousand passages costs, and questions reuse the same few
 * thousand words. Only terms the index holds are remembered, at most {@value #MAX_CACHED_TERMS} of them, so odd
 * words cannot grow it. Thread-safe.
 */
final class CachedTermQueries extends QueryBuilder {
    private static final int MAX_CACHED_TERMS = 50_000;

    private final IndexSearcher searcher;
    private final Map<BytesRef, TermQuery> queries = new ConcurrentHashMap<>();

    CachedTermQueries(Analyzer analyzer, IndexSearcher searcher) {
        super(analyzer);
        this.searcher = searcher;
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
        Query query = query(term);
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private TermQuery query(Term term) {
        TermQuery cached = queries.get(term.bytes());
        if (cached != null) {
            return cached;
        }
        TermStates built = build(term);
        TermQuery query = new KeptTermQuery(term, built, searcher);
        if (built.docFreq() > 0 && queries.size() < MAX_CACHED_TERMS) {
            // A term owns a copy of its bytes, so they never change under the key.
            TermQuery first = queries.putIfAbsent(term.bytes(), query);
            return first == null ? query : first;
        }
        return query;
    }

    private TermStates build(Term term) {
        try {
            // With statistics the states are complete and immutable once built, so threads may share them.
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException("looking up '" + term.text() + "' in the in-memory index failed", e);
        }
    }

    /**
     * A term query kept for the life of the index, which also keeps the weights built for it (one per score mode
     * and boost): a weight holds the term's statistics and its scorer's norm table, the same for every search of
     * the one searcher. Weights are shared between threads as Lucene's own concurrent search does. Thread-safe.
     */
    private static final class KeptTermQuery extends TermQuery {
        /** Score modes times the few boosts rewriting gives a repeated clause. */
        private static final int MAX_WEIGHTS_PER_TERM = 8;

        private final IndexSearcher owner;
        private final Map<WeightKey, Weight> weights = new ConcurrentHashMap<>();

        KeptTermQuery(Term term, TermStates states, IndexSearcher owner) {
            super(term, states);
            this.owner = owner;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            if (searcher != owner) {
                return super.createWeight(searcher, scoreMode, boost);
            }
            WeightKey key = new WeightKey(scoreMode, boost);
            Weight kept = weights.get(key);
            if (kept == null) {
                kept = super.createWeight(searcher, scoreMode, boost);
                if (weights.size() < MAX_WEIGHTS_PER_TERM) {
                    weights.putIfAbsent(key, kept);
                }
            }
            return kept;
        }
    }

    private record WeightKey(ScoreMode scoreMode, float boost) {
    }
}
