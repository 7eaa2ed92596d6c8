package dev.supportbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Splits an HTML page into passages at its h1–h4 headings, keeping only the page's main content (site headers,
 * navigation and footers are dropped). A section links to {@code pageUrl#id} when its heading has an id or a
 * named anchor. Long sections are cut into chunks at block boundaries. Thread-safe.
 */
final class HtmlPassages {
    private static final int MAX_PASSAGE_CHARS = 1_500;
    private static final Set<String> BLOCKS = Set.of("p", "li", "pre", "tr", "dt", "dd", "div", "br", "table",
            "ul", "ol", "dl", "blockquote");

    List<Passage> split(String name, String html, String pageUrl, double weight) {
        Document page = Jsoup.parse(html);
        page.select("script, style, nav, header, footer, noscript").remove();
        Element content = page.selectFirst("[role=main], main, div.content, article");
        if (content == null) {
            content = page.body();
        }
        Element firstHeading = content.selectFirst("h1");
        String title = firstHeading != null ? firstHeading.text().strip() : page.title().strip();
        if (title.isEmpty()) {
            title = name;
        }
        Sections sections = new Sections(name, title, pageUrl, weight);
        NodeTraversor.traverse(sections, content);
        return sections.finish();
    }

    /** Walks the content in document order; one per page, not thread-safe. */
    private static final class Sections implements NodeVisitor {
        private final String name;
        private final String title;
        private final String pageUrl;
        private final double weight;
        private final List<Passage> passages = new ArrayList<>();
        private final String[] path = new String[5];
        private final StringBuilder body = new StringBuilder();
        private String anchor = "";
        private Element insideHeading;

        Sections(String name, String title, String pageUrl, double weight) {
            this.name = name;
            this.title = title;
            this.pageUrl = pageUrl;
            this.weight = weight;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element && headingLevel(element) > 0 && insideHeading == null) {
                flush();
                int level = headingLevel(element);
                path[level] = element.text().strip();
                for (int deeper = level + 1; deeper < path.length; deeper++) {
                    path[deeper] = null;
                }
                anchor = anchorOf(element);
                insideHeading = element;
            } else if (node instanceof TextNode text && insideHeading == null) {
                body.append(text.text());
            } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                body.append('\n');
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == insideHeading) {
                insideHeading = null;
            } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                body.append('\n');
                if (body.length() > MAX_PASSAGE_CHARS) {
                    flush();
                }
            }
        }

        private static int headingLevel(Element element) {
            return switch (element.normalName()) {
                case "h1" -> 1;
                case "h2" -> 2;
                case "h3" -> 3;
                case "h4" -> 4;
                default -> 0;
            };
        }

        /** The heading's id, or the name of an anchor inside it or just before it. */
        private static String anchorOf(Element heading) {
            if (!heading.id().isEmpty()) {
                return heading.id();
            }
            for (Element child : heading.children()) {
                if (child.normalName().equals("a") && child.hasAttr("name")) {
                    return child.attr("name");
                }
            }
            Element before = heading.previousElementSibling();
            return before != null && before.normalName().equals("a") ? before.attr("name") : "";
        }

        List<Passage> finish() {
            flush();
            return passages;
        }

        private void flush() {
            String text = body.toString().replaceAll("[ \\t\\u00A0]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
            body.setLength(0);
            if (text.isEmpty()) {
                return;
            }
            List<String> headings = new ArrayList<>();
            for (String heading : path) {
                if (heading != null && !heading.isEmpty()) {
                    headings.add(heading);
                }
            }
            passages.add(new Passage(name + "#" + passages.size(), title, headings,
                    Anchors.link(pageUrl, anchor), text, weight));
        }
    }
}
