package org.caseflow.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated requests for a route, property-based and bounded: each starts from the route's documented request
 * example and applies one to three random mutations — a field dropped, a value of the wrong type, odd or huge
 * unicode, impossible dates, an unknown field, deep nesting, duplicate keys, a body cut short — and a random
 * path variable. Seeded, so a failure names the seed and body that reproduce it.
 */
public final class RequestFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a careless or hostile client sends: control characters, bidi overrides, lone surrogates, emoji, long runs. */
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\u202Eevil\u202C", "\u200B\u200D\uFEFF", "\uD83D\uDE00\uD83C\uDDF5\uD83C\uDDE6",
            "\uD800", "e\u0301\u0301\u0301", "null", "true", "-0", "1e309", "NaN", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --",
            "ven", "VEN ", "v\u0435n", "%00", "\\", "\"", "2026-13-45T99:99:99Z", "yesterday", "0000-00-00", "+999999999-12-31T23:59:59Z");

    /** Path variables: ordinary, odd, long, encoded separators. */
    private static final List<String> PATH_VARIABLES = List.of("fuzz-1", "FL-VEN-00000000", "%F0%9F%98%80", "%2F..%2F", "..", "a%00b",
            "x".repeat(300), "%E2%80%AE", "-", "0");

    private final Random random;

    public RequestFuzz(long seed) {
        this.random = new Random(seed);
    }

    /** A path with every {@code {variable}} replaced by a random one. */
    public String path(String template) {
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(template);
        while (m.find()) {
            m.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(pick(PATH_VARIABLES)));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** Query parameters for an operation's declared ones: each left out or given an odd, negative, huge or malformed value. */
    public String query(JsonNode operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) || random.nextInt(3) == 0) {
                continue;
            }
            String value = switch (random.nextInt(4)) {
                case 0 -> pick(List.of("-1", "0", "1", "501", "2147483648", "99999999999999999999", "1.5", "NaN"));
                case 1 -> pick(ODD_STRINGS);
                case 2 -> longString();
                default -> pick(List.of("AWAITING_SCREENING", "VEN", "2026-01-01T00:00:00Z", "officer-1", "LAJAS_BLANCAS"));
            };
            pairs.add(parameter.path("name").asText() + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A mutated body from {@code example} (an object, or null when the route documents none). */
    public String body(JsonNode example) {
        JsonNode body = example == null || example.isMissingNode() ? NODES.objectNode() : example.deepCopy();
        int depth = 0;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            switch (random.nextInt(9)) {
                case 0 -> dropField(body);
                case 1 -> replaceValue(body, wrongType());
                case 2 -> replaceValue(body, NODES.textNode(pick(ODD_STRINGS)));
                case 3 -> replaceValue(body, NODES.textNode(longString()));
                case 4 -> {
                    if (body instanceof ObjectNode object) {
                        object.set("unknown" + random.nextInt(100), wrongType());
                    }
                }
                case 5 -> {
                    // written as text: Jackson itself refuses to write what the service must refuse to read
                    depth = 1 + random.nextInt(2_000);
                    replaceValue(body, NODES.textNode(NESTED));
                }
                case 6 -> body = random.nextBoolean() ? NODES.arrayNode().add(body) : wrongType();
                case 7 -> {
                    return duplicateKeys(body);
                }
                default -> {
                    String text = body.toString();
                    return text.substring(0, random.nextInt(Math.max(1, text.length())));
                }
            }
        }
        String text = body.toString();
        return depth == 0 ? text : text.replace("\"" + NESTED + "\"", "[".repeat(depth) + "\"bottom\"" + "]".repeat(depth));
    }

    private static final String NESTED = "@@nested@@";

    private void dropField(JsonNode node) {
        Field field = randomField(node);
        if (field != null && field.name() != null) {
            field.object().remove(field.name());
        }
    }

    private void replaceValue(JsonNode node, JsonNode value) {
        Field field = randomField(node);
        if (field != null) {
            field.object().set(field.name() == null ? "field" : field.name(), value);
        }
    }

    /** A field of some object in the body (its name null when the object is empty); null when the body has no object. */
    private Field randomField(JsonNode node) {
        List<ObjectNode> objects = objects(node);
        if (objects.isEmpty()) {
            return null;
        }
        ObjectNode object = pick(objects);
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return new Field(object, names.isEmpty() ? null : pick(names));
    }

    private record Field(ObjectNode object, String name) {
    }

    private JsonNode wrongType() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(1).add("two").addNull();
            case 5 -> NODES.objectNode().put("nested", pick(ODD_STRINGS));
            case 6 -> NODES.numberNode(-random.nextInt(1_000_000));
            default -> NODES.textNode(pick(ODD_STRINGS));
        };
    }

    private String longString() {
        int length = List.of(201, 1_001, 10_001, 70_000).get(random.nextInt(4));
        String unit = pick(List.of("x", "\uD83D\uDE00", "\u00E9", "\u202E"));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private String duplicateKeys(JsonNode body) {
        String text = body.toString();
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return text;
        }
        String first = object.fieldNames().next();
        try {
            return "{" + JSON.writeValueAsString(first) + ":" + wrongType() + "," + text.substring(1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ObjectNode> objects(JsonNode node) {
        List<ObjectNode> found = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            found.add(object);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> found.addAll(objects(child)));
        }
        return found;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The documented request example of an operation: in the media type, its schema, or the schema it refers to. */
    public static JsonNode example(JsonNode docs, JsonNode operation) {
        JsonNode media = operation.path("requestBody").path("content").path("application/json");
        if (media.has("example")) {
            return parsed(media.get("example"));
        }
        JsonNode schema = media.path("schema");
        if (schema.has("example")) {
            return parsed(schema.get("example"));
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return parsed(docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())).path("example"));
        }
        return null;
    }

    /** An example given as a JSON string is read as JSON. */
    private static JsonNode parsed(JsonNode example) {
        if (example.isTextual()) {
            try {
                return JSON.readTree(example.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return example;
            }
        }
        return example;
    }
}
