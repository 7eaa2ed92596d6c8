package dev.supportbot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown document into passages at its headings. Front matter gives {@code title} and {@code url};
 * a heading may end with {@code {#anchor}} to set its anchor, otherwise the anchor is the heading's slug.
 * Headings inside fenced code are text. Thread-safe.
 */
final class MarkdownPassages {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*(?:\\{#([\\w-]+)\\})?\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private final ObjectMapper yaml;

    MarkdownPassages(ObjectMapper yaml) {
        this.yaml = yaml;
    }

    List<Passage> split(String name, String markdown, String fallbackUrl, double weight) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        int start = 0;
        String title = "";
        String url = fallbackUrl;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            int end = 1;
            while (end < lines.size() && !lines.get(end).strip().equals("---")) {
                end++;
            }
            JsonNode front = frontMatter(name, String.join("\n", lines.subList(1, Math.min(end, lines.size()))));
            title = front.path("title").asText("");
            url = front.path("url").asText(fallbackUrl);
            start = Math.min(end + 1, lines.size());
        }
        Builder builder = new Builder(name, title, url, weight);
        boolean fenced = false;
        for (String line : lines.subList(start, lines.size())) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            }
            Matcher heading = fenced ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                String text = heading.group(2).strip();
                builder.heading(heading.group(1).length(), text,
                        heading.group(3) != null ? heading.group(3) : Anchors.slug(text));
            } else {
                builder.line(line);
            }
        }
        return builder.finish();
    }

    private JsonNode frontMatter(String name, String block) {
        try {
            JsonNode node = yaml.readTree(block);
            return node == null ? yaml.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            throw new KnowledgeException(name + ": front matter is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Collects lines under the current heading path; not thread-safe, one per document. */
    private static final class Builder {
        private final String name;
        private final String url;
        private final double weight;
        private final List<Passage> passages = new ArrayList<>();
        private final String[] path = new String[7];
        private String title;
        private String anchor = "";
        private final StringBuilder body = new StringBuilder();

        Builder(String name, String title, String url, double weight) {
            this.name = name;
            this.title = title;
            this.url = url;
            this.weight = weight;
        }

        void heading(int level, String text, String headingAnchor) {
            flush();
            if (title.isEmpty() && level == 1) {
                title = text;
            }
            path[level] = text;
            for (int deeper = level + 1; deeper < path.length; deeper++) {
                path[deeper] = null;
            }
            anchor = headingAnchor;
        }

        void line(String line) {
            body.append(line).append('\n');
        }

        List<Passage> finish() {
            flush();
            return passages;
        }

        private void flush() {
            String text = body.toString().strip();
            body.setLength(0);
            if (text.isEmpty()) {
                return;
            }
            List<String> headings = new ArrayList<>();
            for (String heading : path) {
                if (heading != null) {
                    headings.add(heading);
                }
            }
            String docTitle = title.isEmpty() ? name : title;
            passages.add(new Passage(name + "#" + passages.size(), docTitle, headings,
                    Anchors.link(url, anchor), text, weight));
        }
    }
}
