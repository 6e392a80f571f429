package io.parbench.analyzer.report;

import java.util.List;

/**
 * A piece of a report, independent of the output format: the document is built once as blocks, then rendered as
 * HTML and as Markdown. Every string is plain text; renderers escape it.
 */
public sealed interface Block {

    record Heading(int level, String text, String id) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** A paragraph set apart: a warning (noise, missing data) or a definition. */
    record Note(String kind, String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    /** A table; {@code numeric} marks right-aligned columns. */
    record Table(List<String> headers, List<List<String>> rows, boolean[] numeric) implements Block {
    }

    /** A chart: {@code name}.png and {@code name}.svg under charts/. */
    record Figure(String name, String alt, String caption) implements Block {
    }
}
