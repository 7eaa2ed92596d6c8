package dev.supportbot.knowledge;

import java.io.Reader;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzer for support chat and docs: Slack markup removed ({@code <@U123>}, {@code <!channel>}, link
 * markup reduced to its label), standard tokens, possessives dropped, lower case, stop words removed, the domain
 * synonyms expanded (query side only, as a token graph), Porter stemming. The index side is the same chain
 * without synonyms. Thread-safe, as Lucene analyzers are.
 */
final class SupportAnalyzer extends Analyzer {
    private static final Pattern MENTION = Pattern.compile("<[@!#][^>|]*(?:\\|([^>]*))?>");
    private static final Pattern LABELLED_LINK = Pattern.compile("<(?:https?|mailto|ftp):[^|>]*\\|([^>]*)>");
    private static final Pattern BARE_LINK = Pattern.compile("<((?:https?|mailto|ftp):[^|>]*)>");

    private final CharArraySet stopWords;
    private final Optional<SynonymMap> synonyms;

    SupportAnalyzer(CharArraySet stopWords, Optional<SynonymMap> synonyms) {
        this.stopWords = stopWords;
        this.synonyms = synonyms;
    }

    /** The chain synonym entries are parsed with: everything that runs before the synonym filter. */
    static Analyzer forSynonymEntries(CharArraySet stopWords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new StopFilter(
                        new LowerCaseFilter(new EnglishPossessiveFilter(source)), stopWords));
            }
        };
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        Reader mentionsRemoved = new PatternReplaceCharFilter(MENTION, "$1", reader);
        Reader labelsKept = new PatternReplaceCharFilter(LABELLED_LINK, "$1", mentionsRemoved);
        return new PatternReplaceCharFilter(BARE_LINK, "$1", labelsKept);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)), stopWords);
        if (synonyms.isPresent()) {
            stream = new SynonymGraphFilter(stream, synonyms.get(), true);
        }
        return new TokenStreamComponents(source, new PorterStemFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
