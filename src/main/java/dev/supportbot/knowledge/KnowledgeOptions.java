package dev.supportbot.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Command-line options that say where the knowledge lives; mixed into every command that searches. */
public final class KnowledgeOptions {
    @Option(names = "--knowledge", paramLabel = "DIR", defaultValue = "knowledge",
            description = "Knowledge folder: docs/, policy.yaml, triage.yaml, synonyms.txt (default: ${DEFAULT-VALUE}).")
    private Path knowledgeDir;

    @Option(names = "--source", paramLabel = "DIR[,base=URL][,weight=W]",
            description = "Extra folder of Markdown or HTML docs to index, e.g. Slurm's HTML docs;"
                    + " base= is the citation URL prefix, weight= ranks it (default 0.6). Repeatable.")
    private List<String> sources = new ArrayList<>();

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    public List<DocSource> extraSources() {
        return sources.stream().map(DocSource::parse).toList();
    }

    public KnowledgeBase open() {
        return KnowledgeBase.open(knowledgeDir, extraSources());
    }
}
