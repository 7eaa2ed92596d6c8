package dev.supportbot.knowledge;

import java.util.Objects;

/**
 * Where an answer came from: the document title, the section's heading path, and a link to the section. The url
 * is empty when the document has no public address.
 */
public record Citation(String title, String section, String url) {
    public Citation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        url = url == null ? "" : url;
    }

    public boolean hasUrl() {
        return !url.isEmpty();
    }
}
