package dev.supportbot.knowledge;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code index}: builds the search index and says what went into it and how long it took. */
@Command(name = "index", description = "Build the search index and print documents, passages and time taken.")
public final class IndexCommand implements Callable<Integer> {
    @Mixin
    private KnowledgeOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (KnowledgeBase knowledge = options.open()) {
            KnowledgeBase.Stats stats = knowledge.stats();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("documents: %d%npassages: %d%nbuild time: %d ms%n", stats.documents(), stats.passages(),
                    stats.buildTime().toMillis());
            out.flush();
        }
        return 0;
    }
}
