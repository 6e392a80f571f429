package io.parbench.analyzer.report;

import java.util.List;
import java.util.Map;

/**
 * Renders a report as one self-contained HTML page: inline CSS, no script, no network; the charts are PNG files
 * beside it (each linking to its SVG). Readable on a phone (tables scroll sideways) and printable. Every string
 * is escaped.
 */
public final class HtmlRenderer {

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1a1a1a;
                   max-width: 1000px; margin: 0 auto; padding: 1rem; background: #fff; }
            h1 { font-size: 1.7rem; margin-top: 0.5rem; } h2 { font-size: 1.35rem; border-bottom: 1px solid #ddd;
                 padding-bottom: .2rem; margin-top: 2.2rem; } h3 { font-size: 1.15rem; margin-top: 1.6rem; }
            h4 { font-size: 1.05rem; margin-top: 1.4rem; }
            nav { font-size: .95rem; background: #f6f6f6; padding: .5rem .8rem; border-radius: 6px; }
            nav a { margin-right: .9rem; white-space: nowrap; }
            .table-wrap { overflow-x: auto; margin: .8rem 0; }
            table { border-collapse: collapse; font-size: .9rem; min-width: 60%; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .55rem; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: .88rem; color: #555; }
            .note { padding: .45rem .7rem; border-left: 4px solid #999; background: #f7f7f7; margin: .5rem 0; }
            .note.warning { border-color: #d55e00; background: #fff4ec; }
            footer { margin-top: 3rem; font-size: .85rem; color: #666; }
            .contents { font-size: .9rem; margin: .3rem 0 1rem; }
            .contents ul { columns: 15rem; margin: .2rem 0; padding-left: 1.2rem; }
            .contents li.sub { margin-left: 1rem; list-style: circle; }
            @media print { nav, .contents { display: none; } figure, table { page-break-inside: avoid; }
                           body { max-width: none; } }
            """;

    private HtmlRenderer() {
    }

    public static String render(ReportDocument doc) {
        return render(doc.title(), doc.blocks());
    }

    public static String render(String title, List<Block> blocks) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        sb.append(nav(blocks));
        String[] ids = Contents.htmlIds(blocks);
        Map<Integer, List<Integer>> longSections = Contents.longSections(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            switch (blocks.get(i)) {
                case Block.Heading h -> {
                    sb.append("<h").append(h.level()).append(" id=\"").append(esc(ids[i])).append("\">")
                            .append(esc(h.text())).append("</h").append(h.level()).append(">\n");
                    List<Integer> subs = longSections.get(i);
                    if (subs != null) {
                        contents(sb, blocks, ids, subs);
                    }
                }
                case Block.Paragraph p -> sb.append("<p>").append(esc(p.text())).append("</p>\n");
                case Block.Note n -> sb.append("<p class=\"note ").append(esc(n.kind())).append("\">")
                        .append(n.kind().equals("warning") ? "<strong>Warning:</strong> " : "").append(esc(n.text()))
                        .append("</p>\n");
                case Block.Bullets l -> {
                    sb.append("<ul>\n");
                    l.items().forEach(item -> sb.append("<li>").append(esc(item)).append("</li>\n"));
                    sb.append("</ul>\n");
                }
                case Block.Table t -> table(sb, t);
                case Block.Figure f -> sb.append("<figure><a href=\"charts/").append(esc(f.name())).append(".svg\">")
                        .append("<img src=\"charts/").append(esc(f.name())).append(".png\" alt=\"").append(esc(f.alt()))
                        .append("\" loading=\"lazy\"></a><figcaption>").append(esc(f.caption()))
                        .append(" (<a href=\"charts/").append(esc(f.name())).append(".svg\">SVG</a>)</figcaption></figure>\n");
            }
        }
        sb.append("<footer>Written by parbench's analyzer. Tables: <a href=\"tables/\">tables/</a>; findings as data: "
                + "<a href=\"summary.json\">summary.json</a>.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** A long section's list of links to its subsections (level 4 indented under level 3). */
    private static void contents(StringBuilder sb, List<Block> blocks, String[] ids, List<Integer> subs) {
        sb.append("<div class=\"contents\">In this section (").append(subs.size()).append("):<ul>\n");
        int top = subs.stream().mapToInt(i -> ((Block.Heading) blocks.get(i)).level()).min().orElse(3);
        for (int i : subs) {
            Block.Heading h = (Block.Heading) blocks.get(i);
            sb.append(h.level() > top ? "<li class=\"sub\">" : "<li>").append("<a href=\"#").append(esc(ids[i])).append("\">")
                    .append(esc(h.text())).append("</a></li>\n");
        }
        sb.append("</ul></div>\n");
    }

    private static String nav(List<Block> blocks) {
        StringBuilder sb = new StringBuilder("<nav>");
        for (Block b : blocks) {
            if (b instanceof Block.Heading h && h.level() == 2 && h.id() != null) {
                sb.append("<a href=\"#").append(esc(h.id())).append("\">").append(esc(h.text())).append("</a>\n"); // the newline lets the bar wrap between links
            }
        }
        return sb.append("</nav>\n").toString();
    }

    private static void table(StringBuilder sb, Block.Table t) {
        boolean headerless = t.headers().stream().allMatch(String::isEmpty);
        sb.append("<div class=\"table-wrap\"><table>\n");
        if (!headerless) {
            sb.append("<thead><tr>");
            t.headers().forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
            sb.append("</tr></thead>\n");
        }
        sb.append("<tbody>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean num = i < t.numeric().length && t.numeric()[i];
                if (headerless && i == 0) {
                    sb.append("<th scope=\"row\">").append(esc(row.get(i))).append("</th>");
                } else {
                    sb.append(num ? "<td class=\"num\">" : "<td>").append(esc(row.get(i))).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
