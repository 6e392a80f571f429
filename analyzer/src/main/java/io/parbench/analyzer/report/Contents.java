package io.parbench.analyzer.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A long section's own list of contents. The page's bar lists the sections; in a report of a thousand benchmarks a
 * section holds dozens of subsections (a finding per workload, a sweep per benchmark, the plain results per class),
 * which a reader otherwise reaches only by scrolling. A section (from one level-2 heading to the next) with at least
 * {@link #MIN_ENTRIES} subheadings gets a list of links to them under its heading, in the HTML page and in the
 * Markdown.
 */
final class Contents {

    /** A section with this many subheadings (levels 3 and 4) or more gets its own contents list. */
    static final int MIN_ENTRIES = 8;

    private Contents() {
    }

    /** The block index of each level-2 heading that opens a long section, with the indexes of its subheadings. */
    static Map<Integer, List<Integer>> longSections(List<Block> blocks) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        int open = -1;
        List<Integer> subs = new ArrayList<>();
        for (int i = 0; i <= blocks.size(); i++) {
            Block b = i < blocks.size() ? blocks.get(i) : null;
            boolean sectionEnds = b == null || b instanceof Block.Heading h && h.level() <= 2;
            if (sectionEnds) {
                if (open >= 0 && subs.size() >= MIN_ENTRIES) {
                    out.put(open, List.copyOf(subs));
                }
                subs.clear();
                open = b instanceof Block.Heading h && h.level() == 2 ? i : -1;
            } else if (open >= 0 && b instanceof Block.Heading h && h.level() <= 4) {
                subs.add(i);
            }
        }
        return out;
    }

    /**
     * Each heading's id in the HTML page (null for other blocks): its own, else "s-" and a slug of its text, made
     * unique in the page with a number.
     */
    static String[] htmlIds(List<Block> blocks) {
        String[] ids = new String[blocks.size()];
        Set<String> taken = new HashSet<>();
        for (Block b : blocks) {
            if (b instanceof Block.Heading h && h.id() != null) {
                taken.add(h.id());
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.Heading h) {
                if (h.id() != null) {
                    ids[i] = h.id();
                } else {
                    String base = "s-" + ReportDocument.slug(h.text());
                    String id = base;
                    for (int n = 2; !taken.add(id); n++) {
                        id = base + "-" + n;
                    }
                    ids[i] = id;
                }
            }
        }
        return ids;
    }

    /**
     * Each heading's anchor as GitHub (and GitLab) make it from the heading's text, so a Markdown link reaches it:
     * lower case, punctuation dropped (letters, digits, spaces, hyphens and underscores kept), spaces to hyphens, and
     * the second of two equal anchors suffixed "-1", the third "-2", skipping any suffixed anchor already taken
     * (github-slugger's rules). Null for other blocks.
     */
    static String[] markdownAnchors(List<Block> blocks) {
        String[] anchors = new String[blocks.size()];
        Map<String, Integer> occurrences = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.Heading h) {
                String base = h.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String anchor = base;
                while (occurrences.containsKey(anchor)) {
                    anchor = base + "-" + occurrences.merge(base, 1, Integer::sum);
                }
                occurrences.put(anchor, 0);
                anchors[i] = anchor;
            }
        }
        return anchors;
    }
}
