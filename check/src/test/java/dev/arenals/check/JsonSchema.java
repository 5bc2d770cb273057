package dev.arenals.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small JSON Schema validator: the draft-04 keywords that the SARIF 2.1.0 schema uses
 * ($ref to local definitions, type, enum, properties, required, additionalProperties, items,
 * minItems, uniqueItems, minimum, maximum, pattern, format uri / uri-reference / date-time,
 * anyOf, oneOf, allOf, not) plus annotations it ignores (description, default, title, id,
 * $schema). A schema with any other keyword is rejected, so nothing is silently skipped.
 * Values are those of {@link Jsonc}.
 */
final class JsonSchema {
    private static final Set<String> KEYWORDS = Set.of(
            "$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "minItems",
            "uniqueItems", "minimum", "maximum", "pattern", "format", "anyOf", "oneOf", "allOf", "not",
            "description", "default", "title", "id", "$schema", "definitions");

    private final Map<?, ?> root;
    private final Map<String, Pattern> patterns = new HashMap<>();

    JsonSchema(Object root) {
        this.root = (Map<?, ?>) root;
    }

    /** The violations, as "json/pointer: message"; empty when valid. */
    List<String> validate(Object instance) {
        List<String> errors = new ArrayList<>();
        validate(root, instance, "", errors);
        return errors;
    }

    private void validate(Object schemaObject, Object v, String path, List<String> errors) {
        if (schemaObject instanceof Boolean) {
            if (!(Boolean) schemaObject) errors.add(path + ": not allowed");
            return;
        }
        Map<?, ?> s = (Map<?, ?>) schemaObject;
        for (Object k : s.keySet()) {
            if (!KEYWORDS.contains(k)) throw new IllegalArgumentException("unsupported schema keyword '" + k + "' at " + path);
        }
        Object ref = s.get("$ref");
        if (ref != null) {
            validate(resolve((String) ref), v, path, errors);
            return;
        }
        Object type = s.get("type");
        if (type != null) {
            boolean ok = false;
            if (type instanceof String) ok = hasType(v, (String) type);
            else for (Object t : (List<?>) type) ok |= hasType(v, (String) t);
            if (!ok) {
                errors.add(path + ": expected " + type + ", found " + describe(v));
                return;
            }
        }
        Object en = s.get("enum");
        if (en != null && !((List<?>) en).contains(v)) errors.add(path + ": " + v + " is not one of " + en);
        if (v instanceof Map) object(s, (Map<?, ?>) v, path, errors);
        if (v instanceof List) array(s, (List<?>) v, path, errors);
        if (v instanceof Long || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            Object min = s.get("minimum");
            if (min != null && d < ((Number) min).doubleValue()) errors.add(path + ": " + v + " is below the minimum " + min);
            Object max = s.get("maximum");
            if (max != null && d > ((Number) max).doubleValue()) errors.add(path + ": " + v + " is above the maximum " + max);
        }
        if (v instanceof String) string(s, (String) v, path, errors);
        Object anyOf = s.get("anyOf");
        if (anyOf != null && count((List<?>) anyOf, v, path) == 0) errors.add(path + ": matches none of anyOf");
        Object oneOf = s.get("oneOf");
        if (oneOf != null) {
            int n = count((List<?>) oneOf, v, path);
            if (n != 1) errors.add(path + ": matches " + n + " of oneOf (exactly 1 wanted)");
        }
        Object allOf = s.get("allOf");
        if (allOf != null) for (Object sub : (List<?>) allOf) validate(sub, v, path, errors);
        Object not = s.get("not");
        if (not != null) {
            List<String> sub = new ArrayList<>();
            validate(not, v, path, sub);
            if (sub.isEmpty()) errors.add(path + ": matches 'not'");
        }
    }

    private int count(List<?> schemas, Object v, String path) {
        int n = 0;
        for (Object sub : schemas) {
            List<String> e = new ArrayList<>();
            validate(sub, v, path, e);
            if (e.isEmpty()) n++;
        }
        return n;
    }

    private void object(Map<?, ?> s, Map<?, ?> v, String path, List<String> errors) {
        Object req = s.get("required");
        if (req != null) for (Object r : (List<?>) req) if (!v.containsKey(r)) errors.add(path + ": missing required '" + r + "'");
        Map<?, ?> props = (Map<?, ?>) s.get("properties");
        Object additional = s.get("additionalProperties");
        for (Map.Entry<?, ?> e : v.entrySet()) {
            String child = path + "/" + e.getKey();
            if (props != null && props.containsKey(e.getKey())) {
                validate(props.get(e.getKey()), e.getValue(), child, errors);
            } else if (additional instanceof Boolean) {
                if (!(Boolean) additional) errors.add(path + ": property '" + e.getKey() + "' is not allowed");
            } else if (additional != null) {
                validate(additional, e.getValue(), child, errors);
            }
        }
    }

    private void array(Map<?, ?> s, List<?> v, String path, List<String> errors) {
        Object min = s.get("minItems");
        if (min != null && v.size() < ((Number) min).intValue()) errors.add(path + ": fewer than " + min + " items");
        if (Boolean.TRUE.equals(s.get("uniqueItems")) && new HashSet<>(v).size() != v.size()) errors.add(path + ": items are not unique");
        Object items = s.get("items");
        if (items != null) for (int i = 0; i < v.size(); i++) validate(items, v.get(i), path + "/" + i, errors);
    }

    private void string(Map<?, ?> s, String v, String path, List<String> errors) {
        Object pattern = s.get("pattern");
        if (pattern != null) {
            Pattern p = patterns.computeIfAbsent((String) pattern, Pattern::compile);
            if (!p.matcher(v).find()) errors.add(path + ": '" + v + "' does not match " + pattern);
        }
        Object format = s.get("format");
        if (format != null) {
            switch ((String) format) {
                case "uri":
                    try {
                        if (!new URI(v).isAbsolute()) errors.add(path + ": '" + v + "' is not an absolute URI");
                    } catch (URISyntaxException e) {
                        errors.add(path + ": '" + v + "' is not a URI");
                    }
                    break;
                case "uri-reference":
                    try {
                        new URI(v);
                    } catch (URISyntaxException e) {
                        errors.add(path + ": '" + v + "' is not a URI reference");
                    }
                    break;
                case "date-time":
                    try {
                        OffsetDateTime.parse(v);
                    } catch (DateTimeParseException e) {
                        errors.add(path + ": '" + v + "' is not a date-time");
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unsupported format " + format);
            }
        }
    }

    private Object resolve(String ref) {
        if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local $ref supported: " + ref);
        Object node = root;
        for (String part : ref.substring(2).split("/")) {
            node = ((Map<?, ?>) node).get(part.replace("~1", "/").replace("~0", "~"));
            if (node == null) throw new IllegalArgumentException("unresolvable $ref " + ref);
        }
        return node;
    }

    private static boolean hasType(Object v, String type) {
        switch (type) {
            case "object": return v instanceof Map;
            case "array": return v instanceof List;
            case "string": return v instanceof String;
            case "integer": return v instanceof Long || (v instanceof Double && ((Double) v) == Math.rint((Double) v));
            case "number": return v instanceof Long || v instanceof Double;
            case "boolean": return v instanceof Boolean;
            case "null": return v == Jsonc.NULL;
            default: throw new IllegalArgumentException("unknown type " + type);
        }
    }

    private static String describe(Object v) {
        if (v instanceof Map) return "object";
        if (v instanceof List) return "array";
        if (v instanceof String) return "string";
        if (v instanceof Long) return "integer";
        if (v instanceof Double) return "number";
        if (v instanceof Boolean) return "boolean";
        return "null";
    }
}
