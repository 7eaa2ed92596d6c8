package dev.supportbot.slack;

import dev.supportbot.config.ConfigFile;
import dev.supportbot.config.SupportbotConfig;
import dev.supportbot.knowledge.DocSource;
import dev.supportbot.ops.LogOutput;
import dev.supportbot.ops.StopSignal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: runs the Slack app until SIGTERM or SIGINT, then stops cleanly and exits 0. Socket Mode when
 * {@code SLACK_APP_TOKEN} is set, otherwise HTTP on the server port. Everything comes from one config file
 * ({@code --config}, else {@code SUPPORTBOT_CONFIG}, else {@code slack.yaml}) and the environment; the flags below
 * override the file's values.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on the server port).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: $SUPPORTBOT_CONFIG, else slack.yaml).")
    private Path config;

    @Option(names = "--port", description = "HTTP port, overrides server.port (default 3000).")
    private Integer port;

    @Option(names = "--management-port", description = "Socket Mode: health and metrics port, overrides "
            + "server.management_port (default 9090).")
    private Integer managementPort;

    @Option(names = "--bind", description = "HTTP address, overrides server.bind (default 0.0.0.0).")
    private String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Ticket database folder, overrides data_dir.")
    private Path dataDir;

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Knowledge folder, overrides knowledge.dir.")
    private Path knowledgeDir;

    @Option(names = "--source", paramLabel = "DIR[,base=URL][,weight=W]",
            description = "Extra docs folder, added to knowledge.sources. Repeatable.")
    private List<String> sources = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Map<String, String> environment = System.getenv();
        SupportbotConfig settings = withFlags(ConfigFile.load(ConfigFile.choose(Optional.ofNullable(config),
                environment), environment));
        WorkspaceConfig workspace = ConfigFile.check(settings.file(), () -> WorkspaceConfig.from(settings.workspace()));
        SlackSettings slack = SlackSettings.from(settings);
        LogOutput.configure(settings.logging(), System.out);
        Serving.run(settings, workspace, slack, StopSignal.install(), Clock.systemUTC());
        return 0;
    }

    /** The config with the command line's overrides applied. */
    SupportbotConfig withFlags(SupportbotConfig file) {
        return ConfigFile.check(file.file(), () -> {
            SupportbotConfig.Server server = new SupportbotConfig.Server(
                    Optional.ofNullable(bind).orElse(file.server().bind()),
                    Optional.ofNullable(port).orElse(file.server().port()),
                    Optional.ofNullable(managementPort).orElse(file.server().managementPort()));
            List<DocSource> docs = new ArrayList<>(file.knowledge().sources());
            sources.stream().map(DocSource::parse).forEach(docs::add);
            SupportbotConfig.Knowledge knowledge = new SupportbotConfig.Knowledge(
                    Optional.ofNullable(knowledgeDir).orElse(file.knowledge().dir()), docs, file.knowledge().watch());
            return new SupportbotConfig(file.file(), server, Optional.ofNullable(dataDir).orElse(file.dataDir()),
                    knowledge, file.slack(), file.workspace(), file.logging(), file.secrets());
        });
    }
}
