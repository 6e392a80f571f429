package io.parbench.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.Claims;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's "The claims, checked" section: one row per claim of the course (its wording and source), CPython's
 * measured figure, the JVM's counterpart from the same run, the verdict and a one-line lesson. Only for runs with
 * the python suite.
 */
final class ClaimsSection {

    private ClaimsSection() {
    }

    static List<Block> of(Analysis a) {
        List<Claims.Checked> checked = Claims.check(a);
        if (checked.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "The claims, checked", "claims"));
        List<String> interpreters = new ArrayList<>();
        for (JsonNode r : a.run().environment().json().path("python").path("runtimes")) {
            JsonNode info = r.path("info");
            interpreters.add(String.format(Locale.ROOT, "%s %s (%s build; start methods %s; benchmarks %s.*)",
                    info.path("implementation").asText("python").replace("cpython", "CPython"), info.path("version").asText("?"),
                    info.path("build").asText("?"), String.join(", ", texts(info.path("startMethods"))),
                    r.path("prefix").asText("python")));
        }
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "What Python courses teach about threads, processes "
                + "and asyncio, measured on this machine%s, beside the JVM in the same run. Figures are ratios of mean "
                + "times with 95%% intervals, as the speedups have them (see the method). A verdict needs the interval to clear the "
                + "claim's threshold: no speedup means below %.1fx, parallelism at least %.1fx on two or more cores, a "
                + "pool worth having saves at least %.0f round trips per process started, overlapped waits half the "
                + "ideal (at most %.0fx), many connections %d or more in flight; otherwise the claim is \"not shown here\".",
                interpreters.isEmpty() ? "" : " with " + String.join(" and ", interpreters), Claims.NO_SPEEDUP,
                Claims.PARALLEL, Claims.POOL_SAVING, Claims.IO_OVERLAP, Claims.MANY)));
        List<List<String>> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Claims.Checked c : checked) {
            String source = c.claim().source() + (c.claim().url() == null ? "" : ": " + c.claim().url());
            int n = sources.indexOf(source) + 1;
            if (n == 0) {
                sources.add(source);
                n = sources.size();
            }
            rows.add(List.of(c.claim().wording() + " [" + n + "]", orDash(c.python()), orDash(c.jvm()),
                    c.verdict().text(), c.lesson()));
        }
        blocks.add(new Block.Table(List.of("Claim [source]", "CPython, measured", "The JVM, same run", "Verdict", "Lesson"),
                rows, new boolean[] {false, false, false, false, false}));
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            numbered.add("[" + (i + 1) + "] " + sources.get(i));
        }
        blocks.add(new Block.Bullets(numbered));
        return blocks;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
