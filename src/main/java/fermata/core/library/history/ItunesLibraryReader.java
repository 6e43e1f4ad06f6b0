package fermata.core.library.history;

import fermata.core.error.BadInputException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Apple Music / iTunes {@code Library.xml} (a property list): for each entry of the {@code Tracks}
 * dictionary with plays or skips, its {@code Name}, {@code Artist}, {@code Album}, {@code Total
 * Time}, {@code Play Count}, {@code Skip Count}, {@code Play Date UTC} and {@code Location} (a
 * file URL, matched to library files by path). The file holds counts, not individual listens.
 * Read with StAX, DTDs and external entities off.
 */
final class ItunesLibraryReader implements HistoryReader {
    @Override
    public void read(Path file, HistorySink sink) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                // Find <key>Tracks</key> at depth 2 (plist > dict > key), then walk its dict.
                int depth = 0;
                String lastKey = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String name = xml.getLocalName();
                        if (depth == 3 && name.equals("key")) {
                            lastKey = xml.getElementText();
                            depth--;
                        } else if (depth == 3 && name.equals("dict") && "Tracks".equals(lastKey)) {
                            tracks(xml, sink);
                            depth--;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } catch (XMLStreamException e) {
                sink.malformed("line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()),
                        "XML error (" + e.getMessage().lines().reduce((x, y) -> y).orElse("") + "); the rest of the file could not be read");
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new BadInputException(file, null, "not an XML property list: " + e.getMessage(), "export the library again");
        }
    }

    /** Reads the Tracks dict: alternating key (track id) and dict (its fields) until the dict ends. */
    private static void tracks(XMLStreamReader xml, HistorySink sink) throws Exception {
        String id = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("dict")) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (xml.getLocalName().equals("key")) {
                id = xml.getElementText();
            } else if (xml.getLocalName().equals("dict")) {
                int line = xml.getLocation().getLineNumber();
                track("track " + id + " (line " + line + ")", fields(xml), sink);
            }
        }
    }

    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        String key = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("dict")) {
                return fields;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.equals("key")) {
                key = xml.getElementText();
            } else if (name.equals("true") || name.equals("false")) {
                fields.put(key, name);
                xml.next();
            } else if (name.equals("dict") || name.equals("array")) {
                skip(xml);
            } else {
                fields.put(key, xml.getElementText());
            }
        }
        return fields;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void track(String where, Map<String, String> f, HistorySink sink) throws Exception {
        Integer plays = integer(f.get("Play Count"));
        Integer skips = integer(f.get("Skip Count"));
        if ((plays == null || plays == 0) && (skips == null || skips == 0)) {
            return;
        }
        String title = f.get("Name");
        String artist = f.get("Artist");
        if (title == null || title.isBlank()) {
            sink.malformed(where, "no Name");
            return;
        }
        if (artist == null || artist.isBlank()) {
            artist = f.getOrDefault("Album Artist", "Unknown artist");
        }
        Long lastPlayed = null;
        if (f.get("Play Date UTC") != null) {
            try {
                lastPlayed = Instant.parse(f.get("Play Date UTC").strip()).toEpochMilli();
            } catch (DateTimeParseException e) {
                sink.malformed(where, "Play Date UTC \"" + f.get("Play Date UTC") + "\" is not an ISO time");
                return;
            }
        }
        Integer millis = integer(f.get("Total Time"));
        sink.playCount(new PlayCount(artist, title, f.get("Album"), millis == null ? null : millis.longValue(),
                plays == null ? 0 : plays, skips == null ? 0 : skips, lastPlayed, location(f.get("Location"))));
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String location(String url) {
        if (url == null || !url.startsWith("file:")) {
            return null;
        }
        try {
            URI uri = URI.create(url.replace("file://localhost/", "file:///"));
            return Path.of(uri).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
