package dev.supportbot.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder of documents to index: Markdown ({@code .md}) and HTML ({@code .html}, {@code .htm}) files, found
 * recursively. {@code citationBaseUrl} is prefixed to a file's name to link its sections when the file itself
 * names no url (empty for none); {@code weight} ranks this source against the others.
 */
public record DocSource(Path dir, String citationBaseUrl, double weight) {
    public DocSource {
        Objects.requireNonNull(dir, "dir");
        citationBaseUrl = citationBaseUrl == null ? "" : citationBaseUrl;
        if (!(weight > 0)) {
            throw new IllegalArgumentException("source " + dir + " needs a positive weight, got " + weight);
        }
    }

    /** Parses the command-line form {@code DIR[,base=URL][,weight=W]}. */
    public static DocSource parse(String spec) {
        String[] parts = spec.split(",");
        String base = "";
        double weight = 0.6;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.startsWith("base=")) {
                base = part.substring("base=".length());
            } else if (part.startsWith("weight=")) {
                try {
                    weight = Double.parseDouble(part.substring("weight=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("source '" + spec + "': weight must be a number", e);
                }
            } else {
                throw new IllegalArgumentException(
                        "source '" + spec + "': expected DIR[,base=URL][,weight=W], not '" + part + "'");
            }
        }
        if (parts[0].isBlank()) {
            throw new IllegalArgumentException("source '" + spec + "' names no folder");
        }
        return new DocSource(Path.of(parts[0].strip()), base, weight);
    }
}
