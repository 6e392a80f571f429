package io.parbench.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.io.RunReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Markdown report of each fixture must equal its golden file, in every locale (numbers never take a comma,
 * ids never meet the Turkish dotless i). Regenerate after a deliberate change with
 * {@code mvn -pl analyzer test -Dtest=ReportGoldenTest -Dparbench.updateGolden=true} and review the diff.
 */
class ReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/io/parbench/analyzer/report/golden");

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"smoke-run, en-US", "smoke-run, de-DE", "smoke-run, tr-TR", "plain-jmh.json, en-US",
            "plain-jmh.json, de-DE", "plain-jmh.json, tr-TR", "jmh-1.37-sample-gc.json, en-US",
            "jmh-1.37-sample-gc.json, de-DE"})
    void markdownMatchesTheGoldenFile(String fixture, String locale) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(locale));
            Analysis analysis = Analysis.of(new RunReader().read(Fixtures.path(fixture)));
            String markdown = MarkdownRenderer.render(new ReportDocument(analysis, "parbench report: " + fixture));
            Path golden = GOLDEN.resolve(fixture.replace(".json", "") + ".md");
            if (Boolean.getBoolean("parbench.updateGolden") && locale.equals("en-US")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, markdown, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), markdown);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
