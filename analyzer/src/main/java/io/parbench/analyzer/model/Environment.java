package io.parbench.analyzer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@code environment.json}, read leniently: every accessor copes with a missing field, because the file
 * may come from an older parbench or be absent altogether (then {@link #none()}).
 */
public final class Environment {

    private final JsonNode root;

    private Environment(JsonNode root) {
        this.root = root;
    }

    public static Environment of(JsonNode root) {
        return new Environment(root);
    }

    public static Environment none() {
        return new Environment(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    public boolean present() {
        return !root.isMissingNode();
    }

    public JsonNode json() {
        return root;
    }

    public String text(String... path) {
        JsonNode n = at(path);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    public Optional<Integer> integer(String... path) {
        JsonNode n = at(path);
        return n.isNumber() ? Optional.of(n.asInt()) : Optional.empty();
    }

    public Optional<Double> number(String... path) {
        JsonNode n = at(path);
        return n.isNumber() ? Optional.of(n.asDouble()) : Optional.empty();
    }

    private JsonNode at(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    public Optional<Integer> physicalCores() {
        return integer("machine", "cpu", "physicalCores");
    }

    public Optional<Integer> logicalCpus() {
        return integer("machine", "cpu", "logicalCpus");
    }

    public Optional<Integer> numaNodes() {
        return integer("machine", "cpu", "numaNodes");
    }

    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        root.path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }
}
