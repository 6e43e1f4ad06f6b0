package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** How verbs print results: JSON with stable snake_case keys for scripts, or the same as indented text for people. */
final class CliJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliJson() {
    }

    /** Three decimals: enough for seconds and dB, and stable across platforms. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static void print(ObjectNode report, boolean json, PrintWriter out) throws java.io.IOException {
        if (json) {
            out.println(MAPPER.writeValueAsString(report));
        } else {
            printText(report, out, "");
        }
        out.flush();
    }

    private static void printText(JsonNode node, PrintWriter out, String indent) {
        node.fields().forEachRemaining(e -> {
            String key = e.getKey().replace('_', ' ');
            JsonNode v = e.getValue();
            if (v.isArray()) {
                out.println(indent + key + ":" + (v.isEmpty() ? " none" : ""));
                for (JsonNode item : v) {
                    out.println(indent + "  - " + inline(item));
                }
            } else if (v.isObject()) {
                out.println(indent + key + ":");
                printText(v, out, indent + "  ");
            } else {
                out.println(indent + key + ": " + v.asText());
            }
        });
    }

    private static String inline(JsonNode item) {
        if (!item.isObject()) {
            return item.asText();
        }
        StringBuilder text = new StringBuilder();
        item.fields().forEachRemaining(e -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(e.getKey().replace('_', ' ')).append(' ').append(e.getValue().asText());
        });
        return text.toString();
    }
}
