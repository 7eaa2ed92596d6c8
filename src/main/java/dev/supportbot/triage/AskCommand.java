package dev.supportbot.triage;

import dev.supportbot.knowledge.Citation;
import dev.supportbot.knowledge.KnowledgeBase;
import dev.supportbot.knowledge.KnowledgeOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ask "text"}: triages one message and prints the decision and reply for a person to read. */
@Command(name = "ask", description = "Triage one message and print the decision and the reply.")
public final class AskCommand implements Callable<Integer> {
    @Mixin
    private KnowledgeOptions options;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message, as a customer would post it.")
    private String[] words;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (KnowledgeBase knowledge = options.open()) {
            Decision decision = Triage.load(options.knowledgeDir(), knowledge).decide(String.join(" ", words));
            print(decision, spec.commandLine().getOut());
        }
        return 0;
    }

    static void print(Decision decision, PrintWriter out) {
        String action = switch (decision) {
            case Decision.OpenTicket ticket -> "ticket " + ticket.severity() + " (initial response within "
                    + ticket.level().targetText() + (ticket.severityStated() ? ", as stated" : "") + ")";
            case Decision.Answer answer -> "answer";
            case Decision.OutOfScope outOfScope -> "out_of_scope (" + outOfScope.topic() + ")";
            case Decision.NoAction none -> "none";
        };
        out.printf("action: %s%nconfidence: %.2f%n", action, decision.confidence());
        if (!decision.reply().isEmpty()) {
            out.println("reply:");
            decision.reply().lines().forEach(line -> out.println("  " + line));
        }
        if (!decision.citations().isEmpty()) {
            out.println("citations:");
            for (Citation citation : decision.citations()) {
                out.println("  - " + citation.title() + " › " + citation.section()
                        + (citation.hasUrl() ? " <" + citation.url() + ">" : ""));
            }
        }
        out.println("reasons:");
        decision.reasons().forEach(reason -> out.println("  - " + reason));
        out.flush();
    }
}
