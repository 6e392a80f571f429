package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class JsonForksTest {

    /** One fork of a benchmark as JMH writes it with -f 1 (a secondary metric included). */
    static String fork(double... raw) {
        StringBuilder r = new StringBuilder();
        for (double v : raw) {
            r.append(r.isEmpty() ? "" : ",").append(v);
        }
        return "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"p.B.run\",\"mode\":\"avgt\",\"threads\":1,\"forks\":1,"
                + "\"params\":{\"size\":\"10\",\"strategy\":\"pool\"},"
                + "\"primaryMetric\":{\"score\":1,\"scoreError\":\"NaN\",\"scoreConfidence\":[1,1],"
                + "\"scorePercentiles\":{},\"scoreUnit\":\"ms/op\",\"rawData\":[[" + r + "]]},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":5,\"scoreError\":\"NaN\",\"scoreUnit\":\"B/op\","
                + "\"rawData\":[[5,5]]}}}]";
    }

    @Test
    void forksJoinIntoOneEntryWithJmhsStatistics() throws IOException {
        JsonForks forks = new JsonForks();
        assertEquals(Map.of("p.B.run|avgt|1|{size=10, strategy=pool}", 0), forks.add(fork(10, 11, 12)));
        assertEquals(Map.of("p.B.run|avgt|1|{size=10, strategy=pool}", 1), forks.add(fork(13, 14, 15)));
        JsonNode all = Json.MAPPER.readTree(forks.json());
        assertEquals(1, all.size());
        JsonNode e = all.get(0);
        assertEquals(2, e.get("forks").asInt());
        JsonNode m = e.get("primaryMetric");
        assertEquals(2, m.get("rawData").size());
        assertEquals(12.5, m.get("score").asDouble(), 1e-12);
        SummaryStatistics s = new SummaryStatistics();
        List.of(10.0, 11.0, 12.0, 13.0, 14.0, 15.0).forEach(s::addValue);
        double error = new TDistribution(5).inverseCumulativeProbability(0.9995) * s.getStandardDeviation() / Math.sqrt(6);
        assertEquals(error, m.get("scoreError").asDouble(), 1e-9); // JMH: Student t at 99.9% over every iteration
        assertEquals(12.5 - error, m.get("scoreConfidence").get(0).asDouble(), 1e-9);
        assertEquals(10, m.get("scorePercentiles").get("0.0").asDouble());
        assertEquals(15, m.get("scorePercentiles").get("100.0").asDouble());
        assertEquals(12.5, m.get("scorePercentiles").get("50.0").asDouble(), 1e-12);
        assertEquals(2, e.get("secondaryMetrics").get("gc.alloc.rate.norm").get("rawData").size());
    }

    @Test
    void histogramsJoinToo() throws IOException {
        JsonForks forks = new JsonForks();
        String h = "[{\"benchmark\":\"p.B.s\",\"mode\":\"sample\",\"threads\":1,\"params\":{},\"primaryMetric\":{\"score\":1,"
                + "\"scoreUnit\":\"ms/op\",\"rawDataHistogram\":[[[[1.0,3],[2.0,1]]]]}}]";
        forks.add(h);
        forks.add(h);
        JsonNode m = Json.MAPPER.readTree(forks.json()).get(0).get("primaryMetric");
        assertEquals(2, m.get("rawDataHistogram").size());
        assertEquals(1.25, m.get("score").asDouble(), 1e-12);
        assertEquals(1.0, m.get("scorePercentiles").get("50.0").asDouble());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IOException.class, () -> new JsonForks().add("{\"not\":\"an array\"}"));
    }

    /** The warm-ups come from JMH's text, one benchmark block at a time. */
    @Test
    void warmupsAreReadFromJmhsOutput() {
        String out = """
                # Benchmark: p.B.run
                # Parameters: (size = 10)
                # Warmup Iteration   1: 41,123 ms/op
                # Warmup Iteration   2: 20.500 ms/op
                Iteration   1: 19.000 ms/op
                Iteration   2: 18.500 ms/op
                # Benchmark: p.B.run
                # Warmup Iteration   1: ≈ 10⁻⁴ ms/op
                Iteration   1: 3.000 ms/op
                """;
        var blocks = AbSide.iterations(out);
        assertEquals(2, blocks.size());
        assertEquals(List.of(41.123, 20.5), blocks.get(0)[0]);
        assertEquals(List.of(19.0, 18.5), blocks.get(0)[1]);
        assertTrue(blocks.get(1)[0].isEmpty(), "an unreadable score is no score");
        assertEquals(List.of(3.0), blocks.get(1)[1]);
    }
}
