package dev.supportbot.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The searchable support docs: every passage of every source, indexed at start. Answers "which section answers
 * this question" and "which part of it". Thread-safe; close it to free the index.
 */
public final class KnowledgeBase implements AutoCloseable {
    /** The folder under {@code knowledge/} that holds our own docs. */
    public static final String DOCS_FOLDER = "docs";

    private final PassageIndex index;
    private final Excerpts excerpts;
    private final Stats stats;

    private KnowledgeBase(PassageIndex index, Excerpts excerpts, Stats stats) {
        this.index = index;
        this.excerpts = excerpts;
        this.stats = stats;
    }

    /** Our own docs ({@code knowledgeDir/docs}) plus any extra sources, with the vocabulary of knowledgeDir. */
    public static KnowledgeBase open(Path knowledgeDir, List<DocSource> extraSources) {
        long started = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.load(knowledgeDir);
        List<DocSource> sources = new ArrayList<>();
        sources.add(new DocSource(knowledgeDir.resolve(DOCS_FOLDER), "", 1.0));
        sources.addAll(extraSources);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        MarkdownPassages markdown = new MarkdownPassages(yaml);
        HtmlPassages html = new HtmlPassages();
        List<SourceFile> files = new ArrayList<>();
        for (DocSource source : sources) {
            files(source.dir()).forEach(file -> files.add(new SourceFile(source, file)));
        }
        // Parsing dominates start-up with large HTML doc sets: use every core, keep the order.
        List<Passage> passages = files.parallelStream()
                .map(file -> split(file.source(), file.path(), markdown, html))
                .flatMap(List::stream)
                .toList();
        int documents = files.size();
        if (passages.isEmpty()) {
            throw new KnowledgeException("no passages found in " + sources.stream().map(DocSource::dir).toList()
                    + ": expected Markdown or HTML files");
        }
        PassageIndex index = new PassageIndex(passages, vocabulary.indexAnalyzer(), vocabulary.queryAnalyzer());
        Stats stats = new Stats(documents, passages.size(), Duration.ofNanos(System.nanoTime() - started));
        return new KnowledgeBase(index, new Excerpts(vocabulary.queryAnalyzer()), stats);
    }

    public static KnowledgeBase open(Path knowledgeDir) {
        return open(knowledgeDir, List.of());
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeException("docs folder not found: " + dir);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(file -> format(file) != Format.OTHER).sorted().toList();
        } catch (IOException e) {
            throw new KnowledgeException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Passage> split(DocSource source, Path file, MarkdownPassages markdown, HtmlPassages html) {
        String name = source.dir().relativize(file).toString().replace('\\', '/');
        String pageUrl = source.citationBaseUrl().isEmpty() ? "" : source.citationBaseUrl() + name;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return switch (format(file)) {
            case MARKDOWN -> markdown.split(name, text, pageUrl, source.weight());
            case HTML -> html.split(name, text, pageUrl, source.weight());
            case OTHER -> List.of();
        };
    }

    private static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Format.MARKDOWN;
        }
        return name.endsWith(".html") || name.endsWith(".htm") ? Format.HTML : Format.OTHER;
    }

    /** The best passages for a question, best first; empty when nothing matches. */
    public List<SearchHit> search(String question, int limit) {
        return index.search(ChatText.plain(question), limit);
    }

    /** The part of a hit's passage that answers its question, at most about {@code maxChars} long. */
    public String excerpt(SearchHit hit, int maxChars) {
        return excerpts.excerpt(hit.passage().body(), hit.questionWeights(), maxChars);
    }

    public Stats stats() {
        return stats;
    }

    @Override
    public void close() {
        index.close();
    }

    /** What was indexed and how long it took. */
    public record Stats(int documents, int passages, Duration buildTime) {
    }

    private enum Format { MARKDOWN, HTML, OTHER }

    private record SourceFile(DocSource source, Path path) {
    }
}
