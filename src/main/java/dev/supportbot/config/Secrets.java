package dev.supportbot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets and per-environment overrides, read once from the environment: each of {@code SLACK_BOT_TOKEN},
 * {@code SLACK_SIGNING_SECRET} and {@code SLACK_APP_TOKEN} may instead name a file with {@code NAME_FILE}
 * (a mounted Kubernetes Secret); the file's content, trimmed, is the value. Setting both is an error.
 * {@link #toString()} never shows a secret.
 */
public record Secrets(Optional<String> botToken, Optional<String> signingSecret, Optional<String> appToken) {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";

    public Secrets {
        botToken = present(botToken);
        signingSecret = present(signingSecret);
        appToken = present(appToken);
    }

    public static Secrets fromEnvironment(Map<String, String> environment) {
        return new Secrets(read(environment, BOT_TOKEN), read(environment, SIGNING_SECRET),
                read(environment, APP_TOKEN));
    }

    private static Optional<String> read(Map<String, String> environment, String name) {
        Optional<String> direct = present(Optional.ofNullable(environment.get(name)));
        Optional<String> file = present(Optional.ofNullable(environment.get(name + "_FILE")));
        if (direct.isPresent() && file.isPresent()) {
            throw new ConfigException("both " + name + " and " + name + "_FILE are set: keep one");
        }
        if (file.isEmpty()) {
            return direct;
        }
        try {
            return present(Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigException(name + "_FILE names " + file.get() + ", which cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    private static Optional<String> present(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(text -> !text.isEmpty());
    }

    @Override
    public String toString() {
        return "Secrets[botToken=" + (botToken.isPresent() ? "set" : "unset") + ", signingSecret="
                + (signingSecret.isPresent() ? "set" : "unset") + ", appToken="
                + (appToken.isPresent() ? "set" : "unset") + "]";
    }
}
