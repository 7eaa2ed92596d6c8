package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTextTest {
    @Test
    void mentionsAndBroadcastsAreRemovedAndLinksKeepTheirLabel() {
        String plain = ChatText.plain("<@U123ABC> <!channel> see <https://docs.example/x|the docs> and <#C42|ops>");
        assertEquals("see the docs and ops", plain);
    }

    @Test
    void bareLinksKeepTheirAddressAndEntitiesAreDecoded() {
        assertEquals("look at https://x.example/a?b=1 & <this>",
                ChatText.plain("look at <https://x.example/a?b=1> &amp; &lt;this&gt;"));
    }

    @Test
    void controlCharactersAndOddSpacesAreFolded() {
        assertEquals("cluster is down", ChatText.plain("cluster\u200B\u0007 is\u00A0\u00A0down\u202E"));
    }

    @Test
    void hugeTextIsCutToTheAnalysedLength() {
        String plain = ChatText.plain("down ".repeat(1_000_000));
        assertTrue(plain.length() <= ChatText.MAX_ANALYSED_CHARS);
        assertTrue(plain.startsWith("down down"));
    }

    @Test
    void plainAsciiTextComesBackAsItIsAndAnythingElseIsStillCleaned() {
        String question = "What is the initial response time for Severity 1?\nAnd for P2?";
        assertSame(question, ChatText.plain(question));
        assertEquals("a b", ChatText.plain("a  b"));
        assertEquals("a b", ChatText.plain("a\tb"));
        assertEquals("ab", ChatText.plain("a\u007Fb"));
        assertEquals("ab", ChatText.plain("a\rb"));
        assertEquals("a", ChatText.plain(" a"));
        assertEquals("a", ChatText.plain("a\n"));
        assertEquals("x & y", ChatText.plain("x &amp; y"));
        assertEquals("hi", ChatText.plain("<@U1> hi"));
        assertEquals("it's down", ChatText.plain("it\u2019s down"));
    }

    @Test
    void cleaningTwiceGivesWhatCleaningOnceGives() {
        for (String text : List.of("<@U1> the cluster is down", "what is sev 1?", "a \u00A0 b", "x &lt;y&gt;",
                "fullwidth \uFF24\uFF2F\uFF37\uFF2E", "tab\there", "line\n\nbreaks", "emoji \uD83D\uDD25 only")) {
            String once = ChatText.plain(text);
            assertEquals(once, ChatText.plain(once), text);
        }
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertEquals("", ChatText.plain(null));
        assertEquals("", ChatText.plain(" \t\n "));
        assertFalse(ChatText.plain("fullwidth ＤＯＷＮ").contains("Ｄ"));
    }
}
