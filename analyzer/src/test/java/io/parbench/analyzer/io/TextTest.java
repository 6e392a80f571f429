package io.parbench.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.report.MarkdownRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    private static final String EVIL = "a.B.c\r\n| x \u001b]0;pwned\u0007\u001b[2J\u0085end";

    @Test
    void theTerminalSeesNoControlCharacter() {
        String t = Text.terminal(EVIL);
        assertFalse(t.chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 7 || c == 0x85), t);
        assertTrue(t.contains("\\u001b]0;pwned\\u0007"), "shown, not obeyed: " + t);
        assertEquals("plain text", Text.terminal("plain text"));
    }

    @Test
    void aMarkdownCellStaysOneCell() {
        String cell = MarkdownRenderer.esc(EVIL);
        assertFalse(cell.contains("\n") || cell.contains("\r") || cell.contains("\u001b"), cell);
        assertTrue(cell.contains("\\|"), "the pipe cannot end the cell: " + cell);
    }

    @Test
    void csvGuardsEveryFormulaLeadButKeepsSignedNumbers() {
        String csv = CsvWriter.write(List.of("a", "b", "c", "d", "e", "f"),
                List.of(List.of("-cmd|' /C calc'!A0", "=1+1", "+1", "-1.5", "-2e-3", "@SUM(A1)")));
        String row = csv.lines().toList().get(1);
        assertEquals("'-cmd|' /C calc'!A0,'=1+1,+1,-1.5,-2e-3,'@SUM(A1)", row);
        assertTrue(CsvWriter.write(List.of("x"), List.of(List.of("\tcmd"))).contains("'\tcmd"));
    }

    @Test
    void shorteningKeepsSurrogatePairsAndSaysHowLong() {
        String s = Text.shorten("\uD83D\uDE00".repeat(200), 50);
        assertTrue(s.length() <= 50, s);
        assertTrue(s.endsWith("(400 chars)"), s);
        assertFalse(Character.isHighSurrogate(s.charAt(s.indexOf('\u2026') - 1)), "no pair split");
        assertEquals("short", Text.shorten("short", 50));
    }

    @Test
    void xmlLosesOnlyWhatXmlForbids() {
        assertEquals("a\uFFFDb\tc\u00e9", Text.xmlSafe("a\u0001b\tc\u00e9"));
    }
}
