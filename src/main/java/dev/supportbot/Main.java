package dev.supportbot;

import dev.supportbot.config.ConfigException;
import dev.supportbot.knowledge.IndexCommand;
import dev.supportbot.knowledge.KnowledgeException;
import dev.supportbot.policy.PolicyException;
import dev.supportbot.triage.AskCommand;
import dev.supportbot.triage.EvalCommand;
import dev.supportbot.triage.TriageCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The composition root: parses the command line and runs one command. */
@Command(name = "supportbot", mixinStandardHelpOptions = true, version = "supportbot 0.1.0",
        description = "Slack support bot for 1-Click Clusters.",
        subcommands = {
            AskCommand.class,
            TriageCommand.class,
            EvalCommand.class,
            IndexCommand.class,
            dev.supportbot.tickets.TicketsCommand.class,
            dev.supportbot.tickets.ReportCommand.class,
            dev.supportbot.console.DemoCommand.class,
            dev.supportbot.slack.ServeCommand.class,
            dev.supportbot.slack.ConfigCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for bad usage and bad configuration. */
    static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Held so the level set below stays: Lucene warns on every start that the vector module is not enabled. */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The command line with every command; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PolicyException || exception instanceof KnowledgeException
                    || exception instanceof ConfigException || exception instanceof IllegalArgumentException) {
                cmd.getErr().println("supportbot: " + exception.getMessage());
                return USAGE;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
