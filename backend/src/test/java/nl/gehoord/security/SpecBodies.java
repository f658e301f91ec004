package nl.gehoord.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hostile bodies made from the contract: for every request body the spec shows an example of, the example with
 * one field at a time replaced by a value the field's schema forbids (wrong type, control characters, one
 * character too long, above its maximum, nested too deep, a look-alike or injected value where only listed or
 * patterned values are allowed). A route added later with an example in the spec is covered at once, down to
 * its fields' own checks.
 */
final class SpecBodies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode spec;

    SpecBodies(Path specFile) {
        try {
            this.spec = new YAMLMapper().readTree(specFile.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + specFile, e);
        }
    }

    /** Whether the contract gives the operation a request body; one without takes an empty body as normal. */
    boolean hasRequestBody(String method, String pathTemplate) {
        return !spec.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT)).path("requestBody")
                .isMissingNode();
    }

    /** Each hostile variant of the route's example body, by a name that says what was changed. */
    Map<String, ObjectNode> variants(String method, String pathTemplate, String mark) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        JsonNode content = spec.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT))
                .path("requestBody").path("content").path("application/json");
        Optional<ObjectNode> example = example(content);
        if (example.isEmpty()) {
            return out;
        }
        JsonNode properties = resolve(content.path("schema")).path("properties");
        example.get().fieldNames().forEachRemaining(field -> {
            JsonNode schema = resolve(properties.path(field));
            for (Map.Entry<String, JsonNode> bad : forbidden(schema, mark).entrySet()) {
                ObjectNode body = example.get().deepCopy();
                body.set(field, bad.getValue());
                out.put(field + " " + bad.getKey(), body);
            }
        });
        return out;
    }

    /** The contract's example body of the operation, if it has one (a valid request to start from). */
    Optional<ObjectNode> example(String method, String pathTemplate) {
        return example(spec.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT))
                .path("requestBody").path("content").path("application/json")).map(ObjectNode::deepCopy);
    }

    private Optional<ObjectNode> example(JsonNode content) {
        if (content.path("example").isObject()) {
            return Optional.of((ObjectNode) content.path("example"));
        }
        for (JsonNode example : content.path("examples")) {
            JsonNode value = example.has("$ref") ? resolve(example).path("value") : example.path("value");
            if (value.isObject()) {
                return Optional.of((ObjectNode) value);
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asText();
            JsonNode target = spec;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    /** Values the schema does not allow, each with a short name. */
    private static Map<String, JsonNode> forbidden(JsonNode schema, String mark) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                bad.put("as a number", NODES.numberNode(12345));
                bad.put("as an array", NODES.arrayNode().add(mark));
                bad.put("with control characters", NODES.textNode("\u0000\u0007\u001b[2J" + mark));
                if (schema.has("maxLength")) {
                    bad.put("one too long", NODES.textNode("a".repeat(schema.path("maxLength").asInt() + 1)));
                }
                if (schema.has("enum") || schema.has("pattern")) {
                    bad.put("with injection", NODES.textNode("' OR 1=1; DROP TABLE cases; -- " + mark));
                    bad.put("with a look-alike letter", NODES.textNode("\u0430" + mark));
                }
            }
            case "integer", "number" -> {
                bad.put("as a string", NODES.textNode("5"));
                bad.put("huge", NODES.numberNode(new BigDecimal("1e400")));
                if (schema.has("maximum")) {
                    bad.put("above its maximum", NODES.numberNode(schema.path("maximum").asLong() + 1));
                }
                if (schema.has("minimum")) {
                    bad.put("below its minimum", NODES.numberNode(schema.path("minimum").asLong() - 1));
                }
            }
            case "boolean" -> bad.put("as a string", NODES.textNode("true"));
            case "array" -> bad.put("as an object", NODES.objectNode().put("x", mark));
            default -> bad.put("as a number", NODES.numberNode(7));
        }
        ObjectNode deep = NODES.objectNode();
        ObjectNode at = deep;
        for (int i = 0; i < 20; i++) {
            at = at.putObject("a");
        }
        bad.put("nested too deep", deep);
        return bad;
    }
}
