package fermata.core.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A node of a parsed project file together with where it sits, so every problem can be reported
 * as a JSON path such as {@code tracks[3].clips[0].notes[12]}. The path text is built only when a
 * problem is reported, which keeps reading 100,000 notes cheap.
 */
final class JsonCursor {
    private final JsonNode node;
    private final JsonCursor parent;
    private final String field;
    private final int index;

    private JsonCursor(JsonNode node, JsonCursor parent, String field, int index) {
        this.node = node;
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    static JsonCursor root(JsonNode node) {
        return new JsonCursor(node, null, null, -1);
    }

    JsonNode node() {
        return node;
    }

    /** "tracks[3].clips[0]"; "the top level" for the root. */
    String path() {
        if (parent == null) {
            return "the top level";
        }
        StringBuilder text = new StringBuilder();
        appendPath(text);
        return text.toString();
    }

    private void appendPath(StringBuilder text) {
        if (parent == null) {
            return;
        }
        parent.appendPath(text);
        if (field != null) {
            if (!text.isEmpty()) {
                text.append('.');
            }
            text.append(field);
        } else {
            text.append('[').append(index).append(']');
        }
    }

    FormatProblem problem(String message) {
        return new FormatProblem(path(), message);
    }

    /** Runs a model constructor, reporting its complaint as a problem at this node. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    /** Requires an object with exactly these fields: a misspelt or unknown field is an error, not silently lost. */
    JsonCursor object(Set<String> fields) {
        if (!node.isObject()) {
            throw problem("expected an object {...}, found " + describe(node));
        }
        for (String name : fields) {
            if (!node.has(name)) {
                throw problem("the field \"" + name + "\" is missing");
            }
        }
        if (node.size() != fields.size()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.contains(name)) {
                    throw problem("unknown field \"" + name + "\"");
                }
            }
        }
        return this;
    }

    JsonCursor field(String name) {
        JsonNode child = node.get(name);
        if (child == null) {
            throw problem("the field \"" + name + "\" is missing");
        }
        return new JsonCursor(child, this, name, -1);
    }

    /** The elements of an array. */
    List<JsonCursor> elements() {
        if (!node.isArray()) {
            throw problem("expected an array [...], found " + describe(node));
        }
        List<JsonCursor> children = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            children.add(new JsonCursor(node.get(i), this, null, i));
        }
        return children;
    }

    /** A compact array such as a note, "[pitch, start, length, velocity, channel]", of exactly {@code size} whole numbers. */
    JsonCursor tuple(int size, String layout) {
        if (!node.isArray() || node.size() != size) {
            throw problem("expected " + layout + ", found " + describe(node));
        }
        return this;
    }

    JsonCursor element(int i) {
        return new JsonCursor(node.get(i), this, null, i);
    }

    String text() {
        if (!node.isTextual()) {
            throw problem("expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw problem("expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    long longValue() {
        if (!node.isIntegralNumber()) {
            throw problem("expected a whole number, found " + describe(node));
        }
        if (!node.canConvertToLong()) {
            throw problem("the number " + abbreviate(node.asText()) + " is far too large");
        }
        return node.longValue();
    }

    int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw problem("the number " + value + " is far too large");
        }
        return (int) value;
    }

    double doubleValue() {
        if (!node.isNumber()) {
            throw problem("expected a number, found " + describe(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw problem("the number " + abbreviate(node.asText()) + " is out of range");
        }
        return value;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array of " + node.size();
            case OBJECT -> "an object";
            case STRING -> "the string \"" + abbreviate(node.textValue()) + "\"";
            case NULL -> "null";
            case BOOLEAN -> String.valueOf(node.booleanValue());
            case NUMBER -> "the number " + abbreviate(node.asText());
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
