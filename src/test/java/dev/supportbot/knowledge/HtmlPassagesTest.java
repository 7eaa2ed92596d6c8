package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPassagesTest {
    private static final String PAGE = """
            <html><head><title>Slurm Workload Manager - Quick Start</title></head><body>
            <header><h1>Site banner</h1><nav><h2>Navigation</h2><a href="x">menu</a></nav></header>
            <div class="content" role="main">
              <h1>Quick Start User Guide</h1>
              <h2 id="overview">Overview<a class="slurm_link" href="#overview"></a></h2>
              <p>Slurm is a <b>workload manager</b>.</p>
              <h3><a name="cmds"></a>Commands</h3>
              <ul><li>sinfo reports state</li><li>squeue lists jobs</li></ul>
            </div>
            <footer>copyright</footer></body></html>
            """;

    @Test
    void mainContentIsSplitAtHeadingsWithAnchorsAndNavigationDropped() {
        List<Passage> passages = new HtmlPassages().split("quickstart.html", PAGE,
                "https://slurm.example/quickstart.html", 0.6);
        assertEquals(2, passages.size());
        Passage overview = passages.get(0);
        assertEquals("Quick Start User Guide", overview.title());
        assertEquals("Overview", overview.section());
        assertEquals("https://slurm.example/quickstart.html#overview", overview.url());
        assertEquals("Slurm is a workload manager.", overview.body());
        Passage commands = passages.get(1);
        assertEquals("Overview › Commands", commands.section());
        assertEquals("https://slurm.example/quickstart.html#cmds", commands.url());
        assertTrue(commands.body().contains("sinfo reports state\nsqueue lists jobs"), commands.body());
        assertFalse(passages.stream().anyMatch(passage -> passage.body().contains("menu")
                || passage.body().contains("copyright")));
    }

    @Test
    void longSectionsAreCutIntoSeveralPassages() {
        String page = "<div role=main><h1>T</h1><h2 id=a>A</h2>" + "<p>word and more words here.</p>".repeat(200)
                + "</div>";
        List<Passage> passages = new HtmlPassages().split("long.html", page, "", 0.6);
        assertTrue(passages.size() > 2, "passages: " + passages.size());
        assertTrue(passages.stream().allMatch(passage -> passage.body().length() < 2_000));
    }
}
