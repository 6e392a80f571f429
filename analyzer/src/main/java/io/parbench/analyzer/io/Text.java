package io.parbench.analyzer.io;

/**
 * Text that comes from input files (benchmark names, params, host names, CPU models) on its way out. Each output kind
 * has one escaping rule, applied in one place: HTML in {@code HtmlRenderer.esc}, Markdown in
 * {@code MarkdownRenderer.esc} (which uses {@link #oneLine}), CSV in {@link CsvWriter}, XML (JUnit, SVG text) with
 * {@link #xmlSafe}, and the terminal with {@link #terminal}.
 */
public final class Text {

    /** Longest name shown whole in a chart title or label; tables keep the whole text. */
    public static final int LABEL_MAX = 160;

    private Text() {
    }

    /** {@code s} cut to at most {@code max} characters, the cut marked with an ellipsis and the full length. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        String suffix = "\u2026 (" + s.length() + " chars)";
        int keep = Math.max(1, max - suffix.length());
        if (Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--; // do not split a surrogate pair
        }
        return s.substring(0, keep) + suffix;
    }

    /** True for characters that move the cursor or start an escape: C0 and C1 controls, DEL, line and paragraph separators. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /**
     * For a terminal: every control character (ESC, carriage return, BEL, ...) shown as a visible {@code \\uXXXX},
     * so a name cannot clear the screen, move the cursor, set the window title or overwrite a line.
     */
    public static String terminal(String s) {
        return replaceControls(s, true, c -> String.format("\\u%04x", (int) c));
    }

    /** One line: line breaks and other control characters become a space (for table cells and headings). */
    public static String oneLine(String s) {
        return replaceControls(s, false, c -> " ");
    }

    private static String replaceControls(String s, boolean keepNewline,
            java.util.function.Function<Character, String> replacement) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) && !(keepNewline && c == '\n')) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(replacement.apply(c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Without the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF). */
    public static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
