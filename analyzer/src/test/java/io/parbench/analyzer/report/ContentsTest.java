package io.parbench.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.io.RunReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A long section's own contents list, and the anchors its links point at. */
class ContentsTest {

    /** A level-2 section with {@code subs} level-3 subsections, each with a paragraph. */
    private static List<Block> section(String id, int subs) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Section " + id, id));
        for (int i = 0; i < subs; i++) {
            blocks.add(new Block.Heading(3, "Part " + i, null));
            blocks.add(new Block.Paragraph("text " + i));
        }
        return blocks;
    }

    @Test
    void onlySectionsWithManySubheadingsGetAList() {
        List<Block> blocks = new ArrayList<>(section("short", Contents.MIN_ENTRIES - 1));
        blocks.addAll(section("long", Contents.MIN_ENTRIES));
        blocks.add(new Block.Heading(4, "A level-4 heading counts too", null));
        blocks.add(new Block.Heading(1, "A level-1 heading ends the section", null));
        blocks.add(new Block.Heading(3, "outside any section", null));
        Map<Integer, List<Integer>> longSections = Contents.longSections(blocks);
        int longAt = 2 * (Contents.MIN_ENTRIES - 1) + 1;
        assertEquals(Set.of(longAt), longSections.keySet());
        List<Integer> subs = longSections.get(longAt);
        assertEquals(Contents.MIN_ENTRIES + 1, subs.size());
        assertEquals(longAt + 1, subs.get(0));
        assertEquals("A level-4 heading counts too", ((Block.Heading) blocks.get(subs.get(subs.size() - 1))).text());
    }

    @Test
    void htmlIdsKeepTheirOwnAndMakeTheRestUnique() {
        List<Block> blocks = List.of(new Block.Heading(2, "Findings", "s-part"), new Block.Heading(3, "Part", null),
                new Block.Heading(3, "Part", null), new Block.Paragraph("p"), new Block.Heading(3, "Part!", null));
        String[] ids = Contents.htmlIds(blocks);
        assertArrayEquals(new String[] {"s-part", "s-part-2", "s-part-3", null, "s-part-4"}, ids);
    }

    /** github-slugger's own cases: punctuation dropped, case folded, repeats numbered, a taken "-1" skipped. */
    @Test
    void markdownAnchorsFollowGithubsRules() {
        List<Block> blocks = List.of(new Block.Heading(3, "Amdahl's law", null), new Block.Heading(3, "foo", null),
                new Block.Heading(3, "foo", null), new Block.Heading(3, "foo-2", null), new Block.Heading(3, "foo", null),
                new Block.Heading(3, "Workload0Benchmark.run size=1000", null), new Block.Heading(3, "Größe (µs/op)", null),
                new Block.Heading(3, "snake_case - ok", null));
        assertArrayEquals(new String[] {"amdahls-law", "foo", "foo-1", "foo-2", "foo-3", "workload0benchmarkrun-size1000",
            "größe-µsop", "snake_case---ok"}, Contents.markdownAnchors(blocks));
    }

    /** Every link of a real report's HTML page (the bar and the contents lists) reaches an id of that page. */
    @Test
    void everyInternalLinkOfTheHtmlPageReachesAnId() throws IOException {
        ReportDocument doc = new ReportDocument(Analysis.of(new RunReader().read(Fixtures.path("smoke-run"))), "t");
        String html = HtmlRenderer.render(doc);
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "id used twice: " + m.group(1));
        }
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            assertTrue(ids.contains(links.group(1)), "a link to a missing id: " + links.group(1));
            count++;
        }
        assertTrue(html.contains("<div class=\"contents\">"), "no section of the smoke run is long enough: pick another");
        assertTrue(count > Contents.MIN_ENTRIES, "links " + count);
    }

    /** The Markdown's contents links use the anchors the headings get, and short reports get none. */
    @Test
    void markdownContentsLinkToTheHeadingsAnchors() {
        List<Block> blocks = section("long", Contents.MIN_ENTRIES);
        String md = MarkdownRenderer.render(blocks);
        assertTrue(md.contains("In this section (8): [Part 0](#part-0) · [Part 1](#part-1)"), md);
        assertFalse(MarkdownRenderer.render(section("short", 2)).contains("In this section"));
    }
}
