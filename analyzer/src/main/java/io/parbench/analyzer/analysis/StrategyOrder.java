package io.parbench.analyzer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.analyzer.model.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order strategies are listed in: the scaling tables and charts, "Which strategy to use". It comes from the
 * launcher's own registries, as environment.json's {@code benchmarks} record each benchmark's {@code strategies} (its
 * {@code strategy} @Param, in the registry's order), so a strategy added to parbench takes its place in every report
 * without the analyzer knowing its name. The lists are merged keeping each one's order: a strategy not yet placed
 * goes right after the one before it in its own list (the io suite's {@code forkjoin-managed} after
 * {@code forkjoin}), or at the end when it heads its list. {@link #KNOWN} is merged last, for run folders written
 * before that record and for users' files whose strategies bear parbench's names; any other strategy comes after,
 * by name.
 */
public final class StrategyOrder implements Comparator<String> {

    /** parbench's strategies in the order its registries held them when run folders did not record it. */
    public static final List<String> KNOWN = List.of("sequential", "platform", "pool", "virtual", "forkjoin",
            "forkjoin-managed", "stream", "process", "process-cold", "async", "virtual-forkjoin",
            // the python suite's (CPython): threading, concurrent.futures, asyncio, multiprocessing
            "thread", "threadpool", "asyncio", "mp-pool", "process-fork", "process-spawn", "process-forkserver", "hybrid",
            "asyncio-hybrid");

    /** The built-in order alone: a run without recorded strategies. */
    public static final StrategyOrder DEFAULT = new StrategyOrder(List.of());

    private final List<String> order;

    private StrategyOrder(List<List<String>> recorded) {
        List<List<String>> lists = new ArrayList<>(recorded);
        lists.add(KNOWN);
        this.order = List.copyOf(merge(lists));
    }

    /** The order of a run's environment.json (every benchmark's recorded strategies), then {@link #KNOWN}. */
    public static StrategyOrder of(Environment env) {
        List<List<String>> recorded = new ArrayList<>();
        JsonNode benchmarks = env.json().path("benchmarks");
        if (benchmarks.isObject()) {
            for (JsonNode b : benchmarks) {
                List<String> list = new ArrayList<>();
                b.path("strategies").forEach(s -> list.add(s.asText()));
                if (!list.isEmpty()) {
                    recorded.add(list);
                }
            }
        }
        return recorded.isEmpty() ? DEFAULT : new StrategyOrder(recorded);
    }

    /** The lists merged, each one's order kept: a new item right after its predecessor in its list, else at the end. */
    static List<String> merge(List<List<String>> lists) {
        List<String> out = new ArrayList<>();
        for (List<String> list : lists) {
            int at = out.size();
            for (String s : list) {
                int i = out.indexOf(s);
                if (i >= 0) {
                    at = i + 1;
                } else {
                    out.add(at++, s);
                }
            }
        }
        return out;
    }

    /** The strategy's place: its index, or after every listed one. */
    public int rank(String strategy) {
        int i = order.indexOf(strategy);
        return i < 0 ? order.size() : i;
    }

    @Override
    public int compare(String a, String b) {
        int c = Integer.compare(rank(a), rank(b));
        return c != 0 ? c : a.compareTo(b);
    }
}
