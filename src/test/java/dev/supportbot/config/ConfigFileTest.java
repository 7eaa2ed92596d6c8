package dev.supportbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final String MINIMAL = "triage_channel: C0123TRIAGE\n";

    private static Path write(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("supportbot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String problem(Path file, Map<String, String> environment) {
        return assertThrows(ConfigException.class, () -> ConfigFile.load(file, environment)).getMessage();
    }

    @Test
    void theCompleteExampleLoadsEveryKey() {
        SupportbotConfig config = ConfigFile.load(Path.of("manifests", "supportbot.example.yaml"), Map.of());
        assertEquals(3000, config.server().port());
        assertEquals(9090, config.server().managementPort());
        assertEquals(Path.of("/var/lib/supportbot"), config.dataDir());
        assertEquals(1, config.knowledge().sources().size());
        assertEquals("https://slurm.schedmd.com/", config.knowledge().sources().getFirst().citationBaseUrl());
        assertEquals("C0123TRIAGE", config.workspace().triageChannel());
        assertEquals(SupportbotConfig.LogLevel.INFO, config.logging().level());
        assertEquals(SupportbotConfig.LogFormat.TEXT, config.logging().format());
        assertEquals(Duration.ofSeconds(10), config.slack().timeout());
    }

    @Test
    void anOldSlackYamlStillLoadsWithTheDefaultsServeUsedBefore() {
        SupportbotConfig config = ConfigFile.load(Path.of("manifests", "slack.example.yaml"), Map.of());
        assertEquals(new SupportbotConfig.Server("0.0.0.0", 3000, 9090), config.server());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(Path.of("knowledge"), config.knowledge().dir());
        assertEquals(URI.create("https://slack.com/api/"), config.slack().apiUrl());
    }

    @Test
    void anUnknownKeyIsNamedWithItsPathAndTheFile(@TempDir Path dir) throws Exception {
        Path file = write(dir, MINIMAL + "server:\n  prot: 3000\n");
        assertEquals(file + ": unknown key 'server.prot'", problem(file, Map.of()));
    }

    @Test
    void aPortOutOfRangeNamesTheKey(@TempDir Path dir) throws Exception {
        Path file = write(dir, MINIMAL + "server:\n  management_port: 70000\n");
        assertEquals(file + ": server.management_port must be a port number 0..65535, got 70000",
                problem(file, Map.of()));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKey(@TempDir Path dir) throws Exception {
        Path file = write(dir, MINIMAL + "knowledge:\n  sources:\n    - dir: slurm\n      weight: heavy\n");
        String problem = problem(file, Map.of());
        assertTrue(problem.startsWith(file + ": key 'knowledge.sources[0].weight': "), problem);
        assertFalse(problem.contains("\n"), problem);
    }

    @Test
    void anUnknownLogLevelIsRefusedWithTheLevelsThereAre(@TempDir Path dir) throws Exception {
        Path file = write(dir, MINIMAL + "logging:\n  level: loud\n");
        assertEquals(file + ": logging.level must be error, warn, info, debug or trace, got 'loud'",
                problem(file, Map.of()));
    }

    @Test
    void logsAreTextUnlessTheFileOrTheEnvironmentSaysJsonAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        Path plain = write(dir, MINIMAL);
        assertEquals(new SupportbotConfig.Logging(SupportbotConfig.LogLevel.INFO, SupportbotConfig.LogFormat.TEXT),
                ConfigFile.load(plain, Map.of()).logging());
        assertEquals(SupportbotConfig.LogFormat.JSON,
                ConfigFile.load(plain, Map.of("SUPPORTBOT_LOG_FORMAT", "json")).logging().format());
        Path json = write(dir, MINIMAL + "logging:\n  format: JSON\n  level: debug\n");
        assertEquals(new SupportbotConfig.Logging(SupportbotConfig.LogLevel.DEBUG, SupportbotConfig.LogFormat.JSON),
                ConfigFile.load(json, Map.of()).logging());
        assertEquals(SupportbotConfig.LogFormat.TEXT,
                ConfigFile.load(json, Map.of("SUPPORTBOT_LOG_FORMAT", "text")).logging().format());
    }

    @Test
    void anUnknownLogFormatInTheFileOrTheEnvironmentIsRefusedWithTheFormatsThereAre(@TempDir Path dir)
            throws Exception {
        Path file = write(dir, MINIMAL + "logging:\n  format: xml\n");
        assertEquals(file + ": logging.format must be text or json, got 'xml'", problem(file, Map.of()));
        Path plain = write(dir, MINIMAL);
        assertEquals(plain + ": SUPPORTBOT_LOG_FORMAT must be text or json, got 'logfmt'",
                problem(plain, Map.of("SUPPORTBOT_LOG_FORMAT", "logfmt")));
    }

    @Test
    void aBrokenApiUrlNamesItsKey(@TempDir Path dir) throws Exception {
        Path file = write(dir, MINIMAL + "slack:\n  api_url: http://exa mple.com/\n");
        String problem = problem(file, Map.of());
        assertTrue(problem.startsWith(file + ": slack.api_url is not a URL: "), problem);
    }

    @Test
    void theSlackTimeoutIsReadInSecondsAndMustBePositive(@TempDir Path dir) throws Exception {
        assertEquals(Duration.ofMillis(1500), ConfigFile.load(write(dir, MINIMAL + "slack:\n  timeout_seconds: 1.5\n"),
                Map.of()).slack().timeout());
        Path file = write(dir, MINIMAL + "slack:\n  timeout_seconds: 0\n");
        assertEquals(file + ": slack.timeout_seconds must be positive, got PT0S", problem(file, Map.of()));
    }

    @Test
    void aMissingFileSaysHowToNameOne(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        assertEquals(file + ": no such file (set --config or SUPPORTBOT_CONFIG)", problem(file, Map.of()));
    }

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of("SUPPORTBOT_CONFIG", "/etc/supportbot/supportbot.yaml");
        assertEquals(Path.of("a.yaml"), ConfigFile.choose(Optional.of(Path.of("a.yaml")), environment));
        assertEquals(Path.of("/etc/supportbot/supportbot.yaml"), ConfigFile.choose(Optional.empty(), environment));
        assertEquals(Path.of("slack.yaml"), ConfigFile.choose(Optional.empty(), Map.of()));
    }

    @Test
    void secretsComeFromFilesTheKubernetesWayAndTheApiUrlFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("bot-token");
        Files.writeString(token, "xoxb-from-file\n");
        SupportbotConfig config = ConfigFile.load(write(dir, MINIMAL), Map.of("SLACK_BOT_TOKEN_FILE",
                token.toString(), "SLACK_SIGNING_SECRET", "secret", "SLACK_API_URL", "http://127.0.0.1:1/api/"));
        assertEquals(Optional.of("xoxb-from-file"), config.secrets().botToken());
        assertEquals(Optional.of("secret"), config.secrets().signingSecret());
        assertFalse(config.socketMode());
        assertEquals(URI.create("http://127.0.0.1:1/api/"), config.slack().apiUrl());
        assertFalse(config.toString().contains("xoxb-from-file"), "secrets never show in toString");
    }

    @Test
    void aTokenSetTwiceOrInAnUnreadableFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = write(dir, MINIMAL);
        assertEquals("both SLACK_APP_TOKEN and SLACK_APP_TOKEN_FILE are set: keep one", problem(file,
                Map.of("SLACK_APP_TOKEN", "xapp-1", "SLACK_APP_TOKEN_FILE", "/x")));
        assertTrue(problem(file, Map.of("SLACK_BOT_TOKEN_FILE", dir.resolve("none").toString()))
                .startsWith("SLACK_BOT_TOKEN_FILE names "));
    }
}
