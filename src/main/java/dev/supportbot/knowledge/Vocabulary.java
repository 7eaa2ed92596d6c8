package dev.supportbot.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The operator-edited word lists of {@code knowledge/}: {@code stopwords.txt} (one word a line) and
 * {@code synonyms.txt} (Solr format). Either file may be absent. Builds the index and query analyzers.
 */
record Vocabulary(CharArraySet stopWords, Optional<SynonymMap> synonyms) {
    static final String STOPWORDS_FILE = "stopwords.txt";
    static final String SYNONYMS_FILE = "synonyms.txt";

    static Vocabulary load(Path knowledgeDir) {
        CharArraySet stopWords = new CharArraySet(readLines(knowledgeDir.resolve(STOPWORDS_FILE)), true);
        Path synonymsFile = knowledgeDir.resolve(SYNONYMS_FILE);
        if (!Files.isRegularFile(synonymsFile)) {
            return new Vocabulary(stopWords, Optional.empty());
        }
        try (Analyzer entries = SupportAnalyzer.forSynonymEntries(stopWords)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            parser.parse(new StringReader(Files.readString(synonymsFile, StandardCharsets.UTF_8)));
            return new Vocabulary(stopWords, Optional.of(parser.build()));
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new KnowledgeException(synonymsFile + ": " + e.getMessage(), e);
        }
    }

    SupportAnalyzer indexAnalyzer() {
        return new SupportAnalyzer(stopWords, Optional.empty());
    }

    SupportAnalyzer queryAnalyzer() {
        return new SupportAnalyzer(stopWords, synonyms);
    }

    private static List<String> readLines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new KnowledgeException(file + ": " + e.getMessage(), e);
        }
    }
}
