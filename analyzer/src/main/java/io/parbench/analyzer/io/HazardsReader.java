package io.parbench.analyzer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the hazards.json that {@code parbench hazards} (or a run of the sync suite) writes into a run folder. */
public final class HazardsReader {

    /** One demo's outcome: the hazard, what was measured, the lesson. */
    public record Hazard(String hazard, String outcome, String lesson) {
    }

    /** The demos' results and the JDK they ran on. */
    public record Hazards(String jdk, List<Hazard> hazards) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HazardsReader() {
    }

    /** hazards.json in {@code dir}, if there is one; a corrupt one is an error naming the file. */
    public static Optional<Hazards> read(Path dir) {
        Path file = dir.resolve("hazards.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("hazards").isArray()) {
            throw new InputException(file, "has no 'hazards' array (not written by parbench hazards)");
        }
        List<Hazard> list = new ArrayList<>();
        for (JsonNode h : root.path("hazards")) {
            list.add(new Hazard(h.path("hazard").asText("?"), h.path("outcome").asText(""), h.path("lesson").asText("")));
        }
        return Optional.of(new Hazards(root.path("jdk").asText(null), list));
    }
}
