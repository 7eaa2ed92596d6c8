package dev.supportbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.supportbot.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadConfigTest {
    @TempDir
    private Path dir;

    /** Runs a command on a config file with {@code yaml} in it; returns the run and the file. */
    private record Run(CommandRun run, Path file) {
        void failsWith(String problem) {
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("supportbot: " + file + ": " + problem + System.lineSeparator(), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace");
        }
    }

    private Run run(String yaml, String... command) throws Exception {
        Path file = dir.resolve("supportbot.yaml");
        Files.writeString(file, yaml);
        String[] args = Stream.concat(Stream.of(command), Stream.of("--config", file.toString()))
                .toArray(String[]::new);
        return new Run(CommandRun.of(args), file);
    }

    @Test
    void serveWithAnOutOfRangePortExitsTwoWithOneLineNamingTheKeyAndFile() throws Exception {
        run("triage_channel: C0123TRIAGE\nserver:\n  port: 99999\n", "serve")
                .failsWith("server.port must be a port number 0..65535, got 99999");
    }

    @Test
    void configCheckWithAMisspelledKeyExitsTwoWithOneLine() throws Exception {
        run("triage_chanel: C0123TRIAGE\n", "config", "check").failsWith("unknown key 'triage_chanel'");
    }

    @Test
    void configCheckWithABadChannelIdNamesTheKey() throws Exception {
        run("triage_channel: triage\n", "config", "check")
                .failsWith("triage_channel must be a channel id like C0123ABCD, got 'triage'");
    }

    @Test
    void serveAndConfigCheckWithAnUnknownLogFormatExitTwoWithOneLine() throws Exception {
        for (String[] command : List.of(new String[] {"serve"}, new String[] {"config", "check"})) {
            run("triage_channel: C0123TRIAGE\nlogging:\n  format: logfmt\n", command)
                    .failsWith("logging.format must be text or json, got 'logfmt'");
        }
    }

    @Test
    void configCheckWithUnparseableYamlExitsTwoWithOneLine() throws Exception {
        CommandRun result = run("triage_channel: [C0123\n", "config", "check").run();
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }
}
