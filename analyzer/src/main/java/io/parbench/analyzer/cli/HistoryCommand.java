package io.parbench.analyzer.cli;

import io.parbench.analyzer.io.HistoryStore;
import io.parbench.analyzer.io.RunReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history add | list}: keep runs to compare against later ({@code compare latest|median:K}). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Keeps past runs, indexed by time, git commit and machine type, for 'compare latest' and "
                + "'compare median:K'.",
        subcommands = {HistoryCommand.Add.class, HistoryCommand.ListRuns.class},
        footer = {"", "Examples:", "  parbench history add reports/20261123-0812Z-myhost", "  parbench history list",
                "  parbench compare median:5 reports/20261124-0812Z-myhost"})
public final class HistoryCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    /** The history folder: --history, else history/ under parbench's home (-Dparbench.home), else ./history. */
    static Path defaultRoot(Path given) {
        return given != null ? given : Path.of(System.getProperty("parbench.home", "."), "history");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Copies a run folder into the history.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "RUN", description = "A run folder (with results.json and environment.json).")
        Path run;

        @Option(names = "--history", paramLabel = "DIR", description = "The history folder (default: history/).")
        Path history;

        @Override
        public Integer call() {
            HistoryStore store = new HistoryStore(defaultRoot(history));
            HistoryStore.Entry e = store.add(new RunReader().read(run));
            System.out.println(store.root().resolve(e.path()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the runs in the history, oldest first.")
    static final class ListRuns implements Callable<Integer> {
        @Option(names = "--history", paramLabel = "DIR", description = "The history folder (default: history/).")
        Path history;

        @Override
        public Integer call() {
            HistoryStore store = new HistoryStore(defaultRoot(history));
            for (HistoryStore.Entry e : store.entries()) {
                System.out.printf("%s  %-14s %-8s %4d benchmarks  %s  %s%n", e.time(), e.commit() == null ? "-"
                        : e.commit().substring(0, Math.min(12, e.commit().length())) + (Boolean.TRUE.equals(e.dirty()) ? "+" : ""),
                        e.profile(), e.benchmarks(), e.machine(), e.path());
            }
            return 0;
        }
    }
}
