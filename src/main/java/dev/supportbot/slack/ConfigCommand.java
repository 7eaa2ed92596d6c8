package dev.supportbot.slack;

import dev.supportbot.config.ConfigException;
import dev.supportbot.config.ConfigFile;
import dev.supportbot.config.SupportbotConfig;
import dev.supportbot.knowledge.DocSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code config check}: reads the config and the environment as {@code serve} would, and says what it found. */
@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
public final class ConfigCommand {
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the config file and secrets as serve would; exit 2 naming the first problem.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Config file (default: $SUPPORTBOT_CONFIG, else slack.yaml).")
        private Path config;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            SupportbotConfig settings = ConfigFile.load(
                    ConfigFile.choose(Optional.ofNullable(config), System.getenv()), System.getenv());
            WorkspaceConfig workspace = ConfigFile.check(settings.file(),
                    () -> WorkspaceConfig.from(settings.workspace()));
            SlackSettings slack = SlackSettings.from(settings);
            folder(settings.file(), "knowledge.dir", settings.knowledge().dir());
            for (DocSource source : settings.knowledge().sources()) {
                folder(settings.file(), "knowledge.sources[].dir", source.dir());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: ok%n", settings.file());
            out.printf("mode: %s; Slack requests on port %s; health and metrics on port %d%n",
                    slack.socketMode() ? "Socket Mode" : "HTTP", slack.socketMode() ? "-" : settings.server().port(),
                    settings.opsPort());
            out.printf("customers: %d; triage channel %s; knowledge %s (+%d sources, watch %s); data %s%n",
                    workspace.customers().size(), workspace.triageChannel(), settings.knowledge().dir(),
                    settings.knowledge().sources().size(), settings.knowledge().watch() ? "on" : "off",
                    settings.dataDir());
            out.printf("logs: %s at %s%n", lower(settings.logging().format()), lower(settings.logging().level()));
            out.flush();
            return 0;
        }

        private static String lower(Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }

        private static void folder(Path file, String key, Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new ConfigException(file, key + ": no such folder " + dir);
            }
        }
    }
}
