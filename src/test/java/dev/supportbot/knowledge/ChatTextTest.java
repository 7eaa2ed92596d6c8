package dev.supportbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void nullAndBlankBecomeEmpty() {
        assertEquals("", ChatText.plain(null));
        assertEquals("", ChatText.plain(" \t\n "));
        assertFalse(ChatText.plain("fullwidth ＤＯＷＮ").contains("Ｄ"));
    }
}
