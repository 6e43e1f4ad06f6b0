package fermata.core.library.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.error.BadInputException;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the objects of a JSON history file: a top-level array (read token by token, so a
 * million records never sit in memory at once) or JSON lines. A record that is not an object, or
 * a JSON line that does not parse, is malformed; a syntax error inside an array ends the reading
 * there (everything before it is kept) and is reported with its line and column.
 */
final class JsonRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    interface RecordHandler {
        void record(String where, JsonNode node) throws Exception;
    }

    private JsonRecords() {
    }

    static void forEach(Path file, HistorySink sink, RecordHandler handler) throws Exception {
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 1)) {
            int first;
            do {
                first = in.read();
            } while (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xEF || first == 0xBB || first == 0xBF);
            if (first == -1) {
                throw new BadInputException(file, null, "the file is empty", "export your history again");
            }
            in.unread(first);
            if (first == '[') {
                array(file, in, sink, handler);
            } else {
                lines(in, sink, handler);
            }
        }
    }

    private static void array(Path file, InputStream in, HistorySink sink, RecordHandler handler) throws Exception {
        try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
            parser.nextToken();
            int record = 0;
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                } catch (JsonProcessingException e) {
                    sink.malformed(position(e.getLocation()), "JSON syntax error (" + e.getOriginalMessage()
                            + "); the rest of the file could not be read");
                    return;
                }
                if (token == null || token == JsonToken.END_ARRAY) {
                    return;
                }
                record++;
                String where = "record " + record + " (" + position(parser.currentLocation()) + ")";
                JsonNode node;
                try {
                    node = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    sink.malformed(where, "JSON syntax error (" + e.getOriginalMessage() + "); the rest of the file could not be read");
                    return;
                }
                if (node == null || !node.isObject()) {
                    sink.malformed(where, "not a JSON object");
                    continue;
                }
                handler.record(where, node);
            }
        }
    }

    private static void lines(InputStream in, HistorySink sink, RecordHandler handler) throws Exception {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                sink.malformed("line " + number, "not valid JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            if (!node.isObject()) {
                sink.malformed("line " + number, "not a JSON object");
                continue;
            }
            handler.record("line " + number, node);
        }
    }

    private static String position(JsonLocation location) {
        return "line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    /** A text field, or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
