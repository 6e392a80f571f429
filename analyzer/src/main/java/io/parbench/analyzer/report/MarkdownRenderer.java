package io.parbench.analyzer.report;

import java.util.List;
import java.util.Map;

/** Renders a report as GitHub-flavoured Markdown; text from input files is escaped so it cannot become markup. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(ReportDocument doc) {
        return render(doc.blocks());
    }

    public static String render(List<Block> blocks) {
        StringBuilder sb = new StringBuilder(32 * 1024);
        Map<Integer, List<Integer>> longSections = Contents.longSections(blocks);
        String[] anchors = longSections.isEmpty() ? null : Contents.markdownAnchors(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            switch (blocks.get(i)) {
                case Block.Heading h -> {
                    sb.append("#".repeat(h.level())).append(' ').append(esc(h.text())).append("\n\n");
                    List<Integer> subs = longSections.get(i);
                    if (subs != null) {
                        sb.append("In this section (").append(subs.size()).append("): ");
                        for (int k = 0; k < subs.size(); k++) {
                            int j = subs.get(k);
                            sb.append(k == 0 ? "" : " · ").append('[').append(esc(((Block.Heading) blocks.get(j)).text()))
                                    .append("](#").append(anchors[j]).append(')');
                        }
                        sb.append("\n\n");
                    }
                }
                case Block.Paragraph p -> sb.append(esc(p.text())).append("\n\n");
                case Block.Note n -> sb.append("> ").append(n.kind().equals("warning") ? "**Warning:** " : "")
                        .append(esc(n.text())).append("\n\n");
                case Block.Bullets l -> {
                    l.items().forEach(item -> sb.append("- ").append(esc(item)).append('\n'));
                    sb.append('\n');
                }
                case Block.Table t -> table(sb, t);
                case Block.Figure f -> sb.append("![").append(esc(f.alt())).append("](charts/").append(f.name())
                        .append(".png)\n\n*").append(esc(f.caption())).append("*\n\n");
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Block.Table t) {
        List<String> headers = t.headers();
        sb.append('|');
        headers.forEach(h -> sb.append(' ').append(esc(h)).append(" |"));
        sb.append("\n|");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(i < t.numeric().length && t.numeric()[i] ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<String> row : t.rows()) {
            sb.append('|');
            row.forEach(c -> sb.append(' ').append(esc(c)).append(" |"));
            sb.append('\n');
        }
        sb.append('\n');
    }

    /**
     * Escapes Markdown and HTML: a name like {@code <script>} or {@code |} stays text, and line breaks, carriage
     * returns and other control characters become spaces, so a table row stays one row.
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        s = io.parbench.analyzer.io.Text.oneLine(s);
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|' -> sb.append("\\|");
                case '\\', '`', '*', '_', '[', ']', '#' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
