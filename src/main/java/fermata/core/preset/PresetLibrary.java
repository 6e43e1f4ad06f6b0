package fermata.core.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.error.BadInputException;
import fermata.core.project.UserData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The presets of one kind: the ones shipped in the repository's {@code presets/KIND/} folder
 * (packaged as class-path resources {@code /presets/KIND/NAME.json}) and the user's own in
 * {@code presets/KIND/} of the user-data folder, which add presets or replace shipped ones of the
 * same name. A preset's name is its file name without {@code .json}.
 *
 * @param <T> what a preset file describes
 */
public final class PresetLibrary<T> {
    /** Turns one preset file's JSON into a preset; {@code file} is null for shipped presets. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String name, PresetJson json) throws BadInputException;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String kind;
    private final List<String> builtIn;
    private final Parser<T> parser;

    /**
     * @param kind the folder name, e.g. {@code denoise}
     * @param builtIn the shipped presets in the order menus list them; the jar must hold each
     */
    public PresetLibrary(String kind, List<String> builtIn, Parser<T> parser) {
        this.kind = kind;
        this.builtIn = List.copyOf(builtIn);
        this.parser = parser;
    }

    public String kind() {
        return kind;
    }

    public List<String> builtInNames() {
        return builtIn;
    }

    /** Where the user's presets of this kind live. */
    public Path userFolder(UserData userData) {
        return userData.root().resolve("presets").resolve(kind);
    }

    /** The shipped presets by name, in menu order: what is offered when the user's cannot be read. */
    public Map<String, T> shipped() {
        Map<String, T> presets = new LinkedHashMap<>();
        for (String name : builtIn) {
            presets.put(name, builtIn(name));
        }
        return presets;
    }

    /** Every preset by name: the shipped ones in menu order, then the user's (which win on equal names). */
    public Map<String, T> all(UserData userData) throws IOException, BadInputException {
        Map<String, T> presets = shipped();
        Path folder = userFolder(userData);
        if (Files.isDirectory(folder)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*.json")) {
                listing.forEach(files::add);
            }
            files.sort(null);
            for (Path file : files) {
                presets.put(nameOf(file), read(file));
            }
        }
        return presets;
    }

    /**
     * The preset called {@code name}; a name that is neither shipped nor the user's is bad input
     * whose message lists the names there are.
     */
    public T require(String name, UserData userData) throws IOException, BadInputException {
        Map<String, T> presets = all(userData);
        T preset = presets.get(name.toLowerCase(Locale.ROOT));
        if (preset == null) {
            throw new BadInputException(null, null, "there is no " + kind + " preset called '" + name + "'",
                    "Use one of: " + String.join(", ", presets.keySet()) + " (or add " + name + ".json to "
                            + userFolder(userData) + ")");
        }
        return preset;
    }

    /** A shipped preset; a missing or broken one is a defect of the build, not bad input. */
    public T builtIn(String name) {
        String resource = "/presets/" + kind + "/" + name + ".json";
        try (InputStream in = PresetLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped preset " + resource + " is missing from the build");
            }
            return parser.parse(name, new PresetJson(MAPPER.readTree(in), null));
        } catch (IOException | BadInputException e) {
            throw new IllegalStateException("the shipped preset " + resource + " is broken: " + e.getMessage(), e);
        }
    }

    /** Reads one user preset file; anything wrong with it is bad input naming the file. */
    public T read(Path file) throws IOException, BadInputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "line " + e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage(), "Fix the preset file or delete it");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file, null, "a preset file holds one JSON object", "Fix the preset file or delete it");
        }
        try {
            return parser.parse(nameOf(file), new PresetJson(root, file));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, null, e.getMessage(), "Fix the preset file or delete it", e);
        }
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".json".length()).toLowerCase(Locale.ROOT);
    }
}
