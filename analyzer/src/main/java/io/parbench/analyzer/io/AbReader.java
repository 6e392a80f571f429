package io.parbench.analyzer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.model.AbDesign;
import io.parbench.analyzer.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an A/B folder ({@code parbench ab}'s output): ab.json and the base/ and candidate/ run folders. */
public final class AbReader {

    public static final String FILE = "ab.json";

    /** The folder's design and both runs. */
    public record Ab(Path folder, AbDesign design, Run base, Run candidate) {
    }

    public Ab read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder, "is not a folder (ab takes the folder 'parbench ab' wrote)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(folder, "has no " + FILE + ": it is not a folder written by 'parbench ab'");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject() || !root.path("benchmarks").isArray() || !root.path("seed").canConvertToLong()) {
            throw new InputException(file, "is not a parbench ab record (it needs 'seed' and a 'benchmarks' array)");
        }
        Map<String, List<AbDesign.Pair>> pairs = new LinkedHashMap<>();
        for (JsonNode b : root.path("benchmarks")) {
            String key = b.path("key").asText(null);
            if (key == null || !b.path("pairs").isArray()) {
                throw new InputException(file, "has a benchmark without 'key' or 'pairs'");
            }
            List<AbDesign.Pair> list = new ArrayList<>();
            for (JsonNode p : b.path("pairs")) {
                if (!p.path("base").canConvertToInt() || !p.path("candidate").canConvertToInt()
                        || p.path("base").asInt() < 0 || p.path("candidate").asInt() < 0) {
                    throw new InputException(file, "has a pair of " + Text.oneLine(key) + " without fork indexes");
                }
                list.add(new AbDesign.Pair(p.path("round").asInt(), p.path("base").asInt(), p.path("candidate").asInt(),
                        "base".equals(p.path("first").asText())));
            }
            pairs.put(key, List.copyOf(list));
        }
        RunReader reader = new RunReader();
        Run base = reader.read(folder.resolve(side(file, root, "base")));
        Run candidate = reader.read(folder.resolve(side(file, root, "candidate")));
        AbDesign design = new AbDesign(root.path("status").asText("unknown"), root.path("seed").asLong(),
                root.path("rounds").asInt(0), root.path("base").path("name").asText(""),
                root.path("candidate").path("name").asText(""), jvmArgs(root, "base"), jvmArgs(root, "candidate"),
                base.environment().number("durationSeconds").orElse(Double.NaN), pairs);
        return new Ab(folder, design, base, candidate);
    }

    /** The JVM arguments a side's forks got, as ab.json lists them. */
    private static List<String> jvmArgs(JsonNode root, String side) {
        List<String> args = new ArrayList<>();
        root.path(side).path("forkJvmArgs").forEach(a -> args.add(a.asText()));
        return List.copyOf(args);
    }

    /** A side's folder: a plain name inside the A/B folder, nothing that leads out of it. */
    private static String side(Path file, JsonNode root, String side) {
        String name = root.path(side).path("folder").asText(side);
        if (!name.matches("[A-Za-z0-9._-]+") || name.equals("..") || name.equals(".")) {
            throw new InputException(file, "names the " + side + "'s folder '" + Text.oneLine(name) + "', which is not a "
                    + "folder inside the A/B folder");
        }
        return name;
    }
}
