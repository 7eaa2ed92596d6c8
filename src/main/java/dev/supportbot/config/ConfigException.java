package dev.supportbot.config;

import java.nio.file.Path;

/** The configuration is unreadable or wrong; the message names the file and the key, on one line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ConfigException(String problem) {
        super(problem);
    }
}
