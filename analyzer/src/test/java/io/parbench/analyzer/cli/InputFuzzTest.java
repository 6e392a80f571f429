package io.parbench.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parbench.analyzer.ConsoleCapture;
import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.SyntheticJmh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the readers a corpus of hostile but well-formed shapes (zero, subnormal and huge values, histogram weights
 * near Long.MAX_VALUE, 100 KB names, control characters) and random mutations of a real run, and asserts for each
 * input: exit 0 or 2 (never an internal error), within a time bound for its size, no stack trace, and no file outside
 * {@code --out} touched. The mutations come from a fixed seed, so a failure is reproducible.
 */
class InputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values that broke something once, or are at the edges of a double or a long. */
    private static final List<JsonNode> NASTY = List.of(NODES.numberNode(0), NODES.numberNode(-1.0),
            NODES.numberNode(5e-324), NODES.numberNode(1.7e308), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(Long.MIN_VALUE), NODES.textNode("NaN"), NODES.textNode("Infinity"), NODES.textNode(""),
            NODES.textNode("---"), NODES.textNode("\u001b]0;title\u0007\r\n|x"), NODES.nullNode(), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(1e-300), NODES.numberNode(3));

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String entry(String name, String mode, String unit, String params, String raw) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + name + "\",\"mode\":\"" + mode + "\",\"threads\":1,\"forks\":2,"
                + "\"warmupIterations\":1,\"measurementIterations\":3,\"params\":" + params + ",\"primaryMetric\":{\"score\":1,"
                + "\"scoreError\":0.1,\"scoreUnit\":\"" + unit + "\"," + raw + "},\"secondaryMetrics\":{}}";
    }

    private static String scaling(double seq, double p1, double p2) {
        String f = "{\"strategy\":\"%s\",\"threads\":\"%d\",\"size\":\"1\"}";
        return "[" + entry("x.Primes.run", "avgt", "ms/op", String.format(f, "sequential", 1), raw(seq)) + ","
                + entry("x.Primes.run", "avgt", "ms/op", String.format(f, "pool", 1), raw(p1)) + ","
                + entry("x.Primes.run", "avgt", "ms/op", String.format(f, "pool", 2), raw(p2)) + "]";
    }

    private static String raw(double v) {
        return "\"rawData\":[[" + v + "," + v + "," + v + "],[" + v + "," + v + "," + v + "]]";
    }

    /** The corpus: name -> JSON text. */
    private static Map<String, String> corpus() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("zero-scores", "[" + entry("a.B.c", "avgt", "ms/op", "{}", raw(0)) + "]");
        c.put("zero-scaling", scaling(0, 0, 0));
        c.put("zero-in-scaling", scaling(5, 0, 0));
        c.put("huge", "[" + entry("a.B.c", "avgt", "ms/op", "{}", raw(1.7e308)) + "]");
        c.put("huge-scaling", scaling(1.7e308, 1e308, 1.7e308));
        c.put("subnormal", "[" + entry("a.B.c", "avgt", "ms/op", "{}", raw(5e-324)) + "]");
        c.put("subnormal-scaling", scaling(5e-324, 5e-324, 1e-323));
        c.put("histogram-overflow", "[" + entry("a.B.c", "sample", "ms/op", "{}",
                "\"rawDataHistogram\":[[[[1.0," + Long.MAX_VALUE + "],[2.0," + Long.MAX_VALUE + "]],[[1.0,"
                        + (Long.MAX_VALUE - 1) + "]]]]") + "]");
        c.put("name-100k", "[" + entry("a.B." + "y".repeat(100_000), "avgt", "ms/op", "{}", raw(2)) + "]");
        c.put("control-characters", "[" + entry("a.B.c\\r\\n|x\\u001b]0;pwned\\u0007\\u001b[2J", "avgt", "ms/op",
                "{\"p\":\"-cmd\\r| z\"}", raw(2)) + "]");
        c.put("empty-array", "[]");
        c.put("not-an-array", "{\"benchmark\":\"a\"}");
        c.put("truncated", "[{\"benchmark\": \"x.Y.z\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1");
        c.put("unknown-unit", "[" + entry("a.B.c", "avgt", "parsecs", "{}", raw(2)) + "]");
        return c;
    }

    @Test
    void theCorpusGetsAnAnswerForEveryShape() throws Exception {
        for (var e : corpus().entrySet()) {
            check(e.getKey(), e.getValue());
        }
    }

    @Test
    void randomMutationsOfARealRunGetAnAnswer() throws Exception {
        JsonNode original = JSON.readTree(Fixtures.smokeRun().resolve("results.json").toFile());
        // Two forks of three samples each, so that compare has something to test as well.
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < 40; i++) {
            JsonNode mutant = original.deepCopy();
            for (int m = 0, n = 1 + random.nextInt(3); m < n; m++) {
                mutate(mutant, random);
            }
            check("mutant-" + i, JSON.writeValueAsString(mutant));
        }
    }

    @Test
    void compareAnswersHostileCandidates() throws Exception {
        Path base = Files.writeString(tmp.resolve("base.json"), new SyntheticJmh(1)
                .avgt("a.B.c", Map.of(), 1, 0.01).avgt("a.B.d", Map.of(), 2, 0.01).json());
        for (var e : corpus().entrySet()) {
            Path cand = Files.writeString(tmp.resolve("cand-" + e.getKey() + ".json"), e.getValue());
            Path out = tmp.resolve("cmp-" + e.getKey());
            console.reset();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> AnalyzerMain.execute("compare",
                    base.toString(), cand.toString(), "--out", out.toString()), e.getKey());
            assertTrue(code == 0 || code == 1 || code == 2, e.getKey() + ": exit " + code + "\n" + console.err());
            assertFalse(console.err().contains("internal error") || console.err().contains("\tat "), console.err());
        }
    }

    /** One random change somewhere in the tree: a value replaced, a field removed, an array element dropped. */
    private static void mutate(JsonNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                o.remove(name);
            } else {
                o.set(name, NASTY.get(random.nextInt(NASTY.size())));
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int index = random.nextInt(a.size());
            if (random.nextInt(3) == 0) {
                a.remove(index);
            } else {
                a.set(index, NASTY.get(random.nextInt(NASTY.size())));
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }

    private void check(String name, String json) throws Exception {
        Path in = tmp.resolve("in-" + name + ".json");
        Files.writeString(in, json);
        Path out = tmp.resolve("out-" + name);
        List<String> before = listing();
        console.reset();
        // A bound per input size: 30 s plus 1 s per 100 KB, far above the ~1 s these take, far below a hang.
        Duration bound = Duration.ofSeconds(30 + json.length() / 100_000);
        int code = assertTimeoutPreemptively(bound, () -> AnalyzerMain.execute("report", in.toString(), "--out",
                out.toString()), name + " did not finish within " + bound);
        String err = console.err();
        assertTrue(code == 0 || code == 2, name + ": exit " + code + "\n" + err);
        assertFalse(err.contains("\tat "), name + ": a stack trace without --verbose\n" + err);
        if (code == 2) {
            assertEquals(1, err.strip().lines().count(), name + ": one sentence\n" + err);
            assertFalse(Files.exists(out), name + ": nothing written on bad input");
        } else {
            assertTrue(Files.exists(out.resolve("index.html")), name);
        }
        List<String> after = listing();
        after.removeIf(p -> p.startsWith("out-" + name));
        before.removeIf(p -> p.startsWith("out-" + name));
        after.remove("in-" + name + ".json");
        before.remove("in-" + name + ".json");
        assertEquals(before, after, name + ": nothing outside --out was touched");
    }

    /** Every path under the test folder with its size and time, sorted. */
    private List<String> listing() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            return new ArrayList<>(walk.filter(p -> !p.equals(tmp)).map(p -> {
                try {
                    return tmp.relativize(p) + " " + (Files.isDirectory(p) ? "dir" : Files.size(p) + " "
                            + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    return tmp.relativize(p) + " gone";
                }
            }).sorted().toList());
        }
    }
}
