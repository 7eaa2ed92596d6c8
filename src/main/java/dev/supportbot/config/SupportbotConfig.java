package dev.supportbot.config;

import dev.supportbot.knowledge.DocSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code serve} needs, read once from one YAML file ({@link ConfigFile}) with secrets from the
 * environment. Each part validates itself and names the key it found wrong. Immutable.
 */
public record SupportbotConfig(Path file, Server server, Path dataDir, Knowledge knowledge, Slack slack,
                               Workspace workspace, Logging logging, Secrets secrets) {
    public SupportbotConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dataDir, "data_dir");
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** Socket Mode when an app-level token is set; HTTP otherwise. */
    public boolean socketMode() {
        return secrets.appToken().isPresent();
    }

    /** {@code port} serves HTTP mode's {@code /slack/events}; both modes serve health and metrics on the port
     * {@link #opsPort()} names. */
    public record Server(String bind, int port, int managementPort) {
        public Server {
            if (bind == null || bind.isBlank()) {
                throw new IllegalArgumentException("server.bind must be an address such as 0.0.0.0");
            }
            checkPort("server.port", port);
            checkPort("server.management_port", managementPort);
        }

        private static void checkPort(String key, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(key + " must be a port number 0..65535, got " + port);
            }
        }
    }

    /** The knowledge folder, extra doc folders (e.g. Slurm's HTML docs with their citation base URL), and
     * whether a change under the folder rebuilds the index. */
    public record Knowledge(Path dir, List<DocSource> sources, boolean watch) {
        public Knowledge {
            Objects.requireNonNull(dir, "knowledge.dir");
            sources = List.copyOf(sources);
        }
    }

    /** Where the Web API is, and how long one call to it may take before it counts as failed (and is retried). */
    public record Slack(URI apiUrl, Duration timeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        public Slack {
            if (apiUrl == null || !("https".equals(apiUrl.getScheme()) || "http".equals(apiUrl.getScheme()))) {
                throw new IllegalArgumentException("slack.api_url must be an http(s) URL, got " + apiUrl);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("slack.timeout_seconds must be positive, got " + timeout);
            }
        }
    }

    /** Who is who in Slack; checked in detail by the Slack adapter. */
    public record Workspace(Optional<String> staffUserGroup, String triageChannel, List<Customer> customers) {
        public Workspace {
            staffUserGroup = staffUserGroup == null ? Optional.empty() : staffUserGroup;
            customers = List.copyOf(customers);
        }
    }

    public record Customer(String organisation, String teamId, List<String> channels, Optional<String> csm,
                           Optional<String> tam, Optional<String> mle) {
        public Customer {
            channels = List.copyOf(channels == null ? List.of() : channels);
        }
    }

    /** {@code level} is SLF4J's: error, warn, info, debug or trace; {@code format} is text lines or JSON lines. */
    public record Logging(LogLevel level, LogFormat format) {
        public Logging {
            Objects.requireNonNull(level, "logging.level");
            Objects.requireNonNull(format, "logging.format");
        }
    }

    public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    /** Text: one human-readable line per event. JSON: one JSON object per line, an event's ids as fields. */
    public enum LogFormat { TEXT, JSON }

    /** The port of the health, readiness and metrics endpoints: HTTP mode shares {@code server.port}. */
    public int opsPort() {
        return socketMode() ? server.managementPort() : server.port();
    }
}
