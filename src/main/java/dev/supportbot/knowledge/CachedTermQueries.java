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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds queries from analysed text whose term queries carry their terms' statistics and dictionary positions,
 * looked up once per term for the life of an index that never changes. Looking a term up is most of what a search
 * over a few thousand passages costs, and questions reuse the same few thousand words. Only terms the index holds
 * are remembered, at most {@value #MAX_CACHED_TERMS} of them, so odd words cannot grow it. Thread-safe.
 */
final class CachedTermQueries extends QueryBuilder {
    private static final int MAX_CACHED_TERMS = 50_000;

    private final IndexSearcher searcher;
    private final Map<BytesRef, TermStates> states = new ConcurrentHashMap<>();

    CachedTermQueries(Analyzer analyzer, IndexSearcher searcher) {
        super(analyzer);
        this.searcher = searcher;
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
        Query query = new TermQuery(term, states(term));
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private TermStates states(Term term) {
        TermStates cached = states.get(term.bytes());
        if (cached != null) {
            return cached;
        }
        TermStates built = build(term);
        if (built.docFreq() > 0 && states.size() < MAX_CACHED_TERMS) {
            // A term owns a copy of its bytes, so they never change under the key.
            states.putIfAbsent(term.bytes(), built);
        }
        return built;
    }

    private TermStates build(Term term) {
        try {
            // With statistics the states are complete and immutable once built, so threads may share them.
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException("looking up '" + term.text() + "' in the in-memory index failed", e);
        }
    }
}
