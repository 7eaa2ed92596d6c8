package dev.supportbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A section of a document: the text under one heading, with the document title, the heading path that leads to
 * it and the address of the section. {@code weight} ranks sources against each other (our own docs over
 * general reference material).
 */
public record Passage(String id, String title, List<String> headings, String url, String body, double weight) {
    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        headings = List.copyOf(headings);
        url = url == null ? "" : url;
        Objects.requireNonNull(body, "body");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("passage " + id + " needs a positive weight, got " + weight);
        }
    }

    /** The heading path below the document title, e.g. "SLA › Severity 1"; the title when there is none. */
    public String section() {
        List<String> below = headings.isEmpty() || !headings.get(0).equals(title) ? headings
                : headings.subList(1, headings.size());
        return below.isEmpty() ? title : String.join(" › ", below);
    }

    public Citation citation() {
        return new Citation(title, section(), url);
    }
}
