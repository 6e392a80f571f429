package io.parbench.analyzer;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the test fixtures under src/test/resources/io/parbench/analyzer/fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    /** A real run folder from the smoke profile (results.json + environment.json). */
    public static Path smokeRun() {
        return path("smoke-run");
    }

    /** A JMH file without parbench's params: every mode, a histogram, secondary metrics, a single-shot NaN error. */
    public static Path plainJmh() {
        return path("plain-jmh.json");
    }
}
