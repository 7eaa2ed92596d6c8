package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownPassagesTest {
    private final MarkdownPassages markdown = new MarkdownPassages(new ObjectMapper(new YAMLFactory()));

    @Test
    void passagesSplitAtHeadingsKeepTitlePathAndSectionLink() {
        String doc = """
                ---
                title: Guide
                url: https://docs.example/guide/
                ---
                # Guide
                Intro text.
                ## Access
                ### Login node {#login}
                Use the login node.
                ## Lambda's Slurm
                Table here.
                """;
        List<Passage> passages = markdown.split("guide.md", doc, "", 1.0);
        assertEquals(3, passages.size());
        assertEquals("Guide", passages.get(0).section());
        Passage login = passages.get(1);
        assertEquals("Guide", login.title());
        assertEquals("Access › Login node", login.section());
        assertEquals("https://docs.example/guide/#login", login.url());
        assertEquals("Use the login node.", login.body());
        assertEquals("https://docs.example/guide/#lambdas-slurm", passages.get(2).url());
    }

    @Test
    void headingsInsideCodeFencesAreText() {
        String doc = "# Doc\n```\n# not a heading\n```\nafter\n";
        List<Passage> passages = markdown.split("doc.md", doc, "", 1.0);
        assertEquals(1, passages.size());
        assertTrue(passages.get(0).body().contains("# not a heading"));
    }

    @Test
    void withoutFrontMatterTheFirstHeadingIsTheTitleAndThereIsNoLink() {
        List<Passage> passages = markdown.split("x.md", "# Title\nbody\n## Empty\n## Next\ntext\n", "", 1.0);
        assertEquals(List.of("Title", "Title"), passages.stream().map(Passage::title).toList());
        assertEquals("Next", passages.get(1).section());
        assertEquals("", passages.get(1).url());
    }

    @Test
    void brokenFrontMatterNamesTheFile() {
        KnowledgeException error = assertThrows(KnowledgeException.class,
                () -> markdown.split("bad.md", "---\ntitle: [unclosed\n---\n# x\ny\n", "", 1.0));
        assertTrue(error.getMessage().startsWith("bad.md"), error.getMessage());
    }
}
