package dev.supportbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.knowledge.DocSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the one YAML config file into a {@link SupportbotConfig}. Unknown keys, wrong types and bad values fail
 * with a {@link ConfigException} naming the file and the key. The file's workspace keys ({@code staff},
 * {@code triage_channel}, {@code customers}) are the old {@code slack.yaml}'s, so an old file still works.
 * The environment overrides {@code slack.api_url} ({@code SLACK_API_URL}) and {@code logging.format}
 * ({@code SUPPORTBOT_LOG_FORMAT}), and holds the secrets ({@link Secrets}).
 */
public final class ConfigFile {
    public static final String ENVIRONMENT_VARIABLE = "SUPPORTBOT_CONFIG";
    public static final String LOG_FORMAT_VARIABLE = "SUPPORTBOT_LOG_FORMAT";
    public static final Path DEFAULT = Path.of("slack.yaml");
    static final URI SLACK_API = URI.create("https://slack.com/api/");

    private ConfigFile() {
    }

    /** The file to read: {@code --config} when given, else {@code SUPPORTBOT_CONFIG}, else {@code slack.yaml}. */
    public static Path choose(Optional<Path> flag, Map<String, String> environment) {
        return flag.or(() -> Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))
                .filter(path -> !path.isBlank()).map(Path::of)).orElse(DEFAULT);
    }

    public static SupportbotConfig load(Path file, Map<String, String> environment) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, "no such file (set --config or " + ENVIRONMENT_VARIABLE + ")");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        FileForm form;
        try {
            form = yaml.readValue(file.toFile(), FileForm.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, "unknown key '" + key(e) + "'");
        } catch (JsonMappingException e) {
            throw new ConfigException(file, "key '" + key(e) + "': " + firstLine(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new ConfigException(file, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file, "cannot read: " + e.getMessage());
        }
        if (form == null) {
            throw new ConfigException(file, "the file is empty");
        }
        return check(file, () -> form.toConfig(file, environment));
    }

    /** Builds something from a config, turning a failed check into one line that names the file. */
    public static <T> T check(Path file, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, firstLine(e.getMessage()));
        }
    }

    private static String key(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String message) {
        String text = message == null ? "invalid" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private record FileForm(StaffForm staff, @JsonProperty("triage_channel") String triageChannel,
                            List<CustomerForm> customers, ServerForm server, @JsonProperty("data_dir") String dataDir,
                            KnowledgeForm knowledge, SlackForm slack, LoggingForm logging) {
        SupportbotConfig toConfig(Path file, Map<String, String> environment) {
            ServerForm serverForm = server == null ? new ServerForm(null, null, null) : server;
            KnowledgeForm knowledgeForm = knowledge == null ? new KnowledgeForm(null, null, null) : knowledge;
            String apiUrl = Optional.ofNullable(environment.get("SLACK_API_URL")).filter(url -> !url.isBlank())
                    .orElse(slack == null || slack.apiUrl() == null ? SLACK_API.toString() : slack.apiUrl());
            List<SupportbotConfig.Customer> orgs = customers == null ? List.of()
                    : customers.stream().map(CustomerForm::toCustomer).toList();
            return new SupportbotConfig(file,
                    new SupportbotConfig.Server(Optional.ofNullable(serverForm.bind()).orElse("0.0.0.0"),
                            Optional.ofNullable(serverForm.port()).orElse(3000),
                            Optional.ofNullable(serverForm.managementPort()).orElse(9090)),
                    Path.of(Optional.ofNullable(dataDir).orElse("data")),
                    knowledgeForm.toKnowledge(),
                    new SupportbotConfig.Slack(uri("slack.api_url", apiUrl.strip()),
                            slack == null ? SupportbotConfig.Slack.DEFAULT_TIMEOUT : slack.timeout()),
                    new SupportbotConfig.Workspace(Optional.ofNullable(staff).map(StaffForm::userGroup),
                            triageChannel, orgs),
                    (logging == null ? new LoggingForm(null, null) : logging).toLogging(environment),
                    Secrets.fromEnvironment(environment));
        }

        private static URI uri(String key, String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + " is not a URL: " + e.getMessage(), e);
            }
        }
    }

    private record ServerForm(String bind, Integer port, @JsonProperty("management_port") Integer managementPort) {
    }

    private record KnowledgeForm(String dir, List<SourceForm> sources, Boolean watch) {
        SupportbotConfig.Knowledge toKnowledge() {
            List<DocSource> docs = sources == null ? List.of() : sources.stream().map(SourceForm::toSource).toList();
            return new SupportbotConfig.Knowledge(Path.of(dir == null ? "knowledge" : dir), docs,
                    watch == null || watch);
        }
    }

    private record SourceForm(String dir, @JsonProperty("base_url") String baseUrl, Double weight) {
        DocSource toSource() {
            if (dir == null || dir.isBlank()) {
                throw new IllegalArgumentException("knowledge.sources[].dir is required");
            }
            return new DocSource(Path.of(dir), baseUrl, weight == null ? 0.6 : weight);
        }
    }

    private record SlackForm(@JsonProperty("api_url") String apiUrl,
                             @JsonProperty("timeout_seconds") Double timeoutSeconds) {
        Duration timeout() {
            return timeoutSeconds == null ? SupportbotConfig.Slack.DEFAULT_TIMEOUT
                    : Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        }
    }

    private record LoggingForm(String level, String format) {
        SupportbotConfig.Logging toLogging(Map<String, String> environment) {
            SupportbotConfig.LogLevel chosenLevel = level == null ? SupportbotConfig.LogLevel.INFO
                    : choice(SupportbotConfig.LogLevel.class, "logging.level", level);
            String override = environment.get(LOG_FORMAT_VARIABLE);
            SupportbotConfig.LogFormat chosenFormat;
            if (override != null && !override.isBlank()) {
                chosenFormat = choice(SupportbotConfig.LogFormat.class, LOG_FORMAT_VARIABLE, override);
            } else {
                chosenFormat = format == null ? SupportbotConfig.LogFormat.TEXT
                        : choice(SupportbotConfig.LogFormat.class, "logging.format", format);
            }
            return new SupportbotConfig.Logging(chosenLevel, chosenFormat);
        }
    }

    /** The constant of {@code type} that {@code text} names in any case; else a message listing the names. */
    private static <E extends Enum<E>> E choice(Class<E> type, String key, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Stream.of(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
            throw new IllegalArgumentException(key + " must be " + String.join(", ", names.subList(0, names.size() - 1))
                    + " or " + names.getLast() + ", got '" + text + "'", e);
        }
    }

    private record StaffForm(@JsonProperty("user_group") String userGroup) {
    }

    private record CustomerForm(String organisation, @JsonProperty("team_id") String teamId, List<String> channels,
                                String csm, String tam, String mle) {
        SupportbotConfig.Customer toCustomer() {
            return new SupportbotConfig.Customer(organisation, teamId, channels, Optional.ofNullable(csm),
                    Optional.ofNullable(tam), Optional.ofNullable(mle));
        }
    }
}
