package fermata.core.preset;

import com.fasterxml.jackson.databind.JsonNode;
import fermata.core.error.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One object of a preset file with typed reads whose errors name the file and the field.
 *
 * @param file the preset file, null for shipped presets
 */
public record PresetJson(JsonNode node, Path file) {
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String text(String field, String fallback) throws BadInputException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw wrong(field, "not a string", "\"" + field + "\": \"...\"");
        }
        return v.asText();
    }

    public double number(String field, double fallback) throws BadInputException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw wrong(field, "not a number", "\"" + field + "\": a number");
        }
        return v.asDouble();
    }

    public int integer(String field, int fallback) throws BadInputException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw wrong(field, "not a whole number", "\"" + field + "\": a whole number");
        }
        return v.asInt();
    }

    public boolean bool(String field, boolean fallback) throws BadInputException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw wrong(field, "not true or false", "\"" + field + "\": true or false");
        }
        return v.asBoolean();
    }

    /** The objects of an array field; the field must be there. */
    public List<PresetJson> objects(String field) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw wrong(field, "missing or not a list", "\"" + field + "\": [ {...}, ... ]");
        }
        List<PresetJson> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw wrong(field + "[" + i + "]", "not an object", "{ ... }");
            }
            items.add(new PresetJson(v.get(i), file));
        }
        return items;
    }

    private BadInputException wrong(String field, String problem, String example) {
        return new BadInputException(file, "field " + field, problem, "Write " + example);
    }
}
