package fermata.core.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import fermata.core.project.AtomicFiles;
import fermata.core.project.UserData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mix presets: the ones shipped in the repository's {@code presets/} folder (packaged as
 * class-path resources {@code /presets/NAME.json}) and the user's own in the user-data folder's
 * {@code presets/}, which may add presets or replace shipped ones of the same name.
 *
 * <p>File format (UTF-8 JSON): {@code name}, {@code description}, {@code integrated_lufs},
 * {@code true_peak_dbtp}, {@code mono_safe}, {@code tonal_target: {low_db, high_db}},
 * {@code glue: {ratio, gain_reduction_db}}, {@code role_loudness_lu: {drums, bass, lead, keys,
 * guitars, other}}.
 */
public final class MixPresets {
    /** The presets that ship with Fermata, in the order menus list them. */
    public static final List<String> BUILT_IN = List.of("streaming", "apple-music", "ebu-r128", "club", "podcast");
    public static final String DEFAULT = "streaming";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MixPresets() {
    }

    /** Where the user's presets live. */
    public static Path userFolder(UserData userData) {
        return userData.root().resolve("presets");
    }

    /** Every preset by name: the shipped ones, then the user's (which win on equal names). */
    public static Map<String, MixPreset> all(UserData userData) throws IOException, BadInputException {
        Map<String, MixPreset> presets = shipped();
        Path folder = userFolder(userData);
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                for (Path file : files) {
                    MixPreset preset = read(file);
                    presets.put(preset.name(), preset);
                }
            }
        }
        return presets;
    }

    /** The shipped presets by name, in menu order: what is offered when the user's cannot be read. */
    public static Map<String, MixPreset> shipped() {
        Map<String, MixPreset> presets = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            presets.put(name, builtIn(name));
        }
        return presets;
    }

    /** The preset called {@code name}, or empty. */
    public static Optional<MixPreset> find(String name, UserData userData) throws IOException, BadInputException {
        return Optional.ofNullable(all(userData).get(name));
    }

    public static MixPreset builtIn(String name) {
        try (InputStream in = MixPresets.class.getResourceAsStream("/presets/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the shipped preset " + name + " is missing from the build");
            }
            return parse(MAPPER.readTree(in), null);
        } catch (IOException | BadInputException e) {
            throw new IllegalStateException("the shipped preset " + name + " is broken: " + e.getMessage(), e);
        }
    }

    public static MixPreset read(Path file) throws IOException, BadInputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(file, "line " + e.getLocation().getLineNr(), "not valid JSON: "
                    + e.getOriginalMessage(), "Fix the preset file or delete it");
        }
        return parse(root, file);
    }

    /** Saves a user preset as {@code NAME.json} in the user's folder, atomically. */
    public static Path save(MixPreset preset, UserData userData) throws IOException {
        Path folder = userFolder(userData);
        Files.createDirectories(folder);
        Path file = folder.resolve(preset.name() + ".json");
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson(preset)), false);
        return file;
    }

    static ObjectNode toJson(MixPreset p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", p.name());
        root.put("description", p.description());
        root.put("integrated_lufs", p.integratedLufs());
        root.put("true_peak_dbtp", p.truePeakDbtp());
        root.put("mono_safe", p.monoSafe());
        ObjectNode tonal = root.putObject("tonal_target");
        tonal.put("low_db", p.lowTiltDb());
        tonal.put("high_db", p.highTiltDb());
        ObjectNode glue = root.putObject("glue");
        glue.put("ratio", p.glueRatio());
        glue.put("gain_reduction_db", p.glueReductionDb());
        ObjectNode roles = root.putObject("role_loudness_lu");
        p.roleLoudnessLu().forEach((role, lu) -> roles.put(role.key(), lu));
        return root;
    }

    private static MixPreset parse(JsonNode root, Path file) throws BadInputException {
        try {
            Map<StemRole, Double> roles = new EnumMap<>(StemRole.class);
            JsonNode roleNode = root.path("role_loudness_lu");
            var names = roleNode.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                roles.put(StemRole.parse(key), number(roleNode, key, file));
            }
            return new MixPreset(text(root, "name", file), root.path("description").asText(""),
                    number(root, "integrated_lufs", file), number(root, "true_peak_dbtp", file),
                    root.path("mono_safe").asBoolean(false),
                    number(root.path("tonal_target"), "low_db", file), number(root.path("tonal_target"), "high_db", file),
                    number(root.path("glue"), "ratio", file), number(root.path("glue"), "gain_reduction_db", file), roles);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, null, e.getMessage(), "Fix the preset file");
        }
    }

    private static String text(JsonNode node, String field, Path file) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new BadInputException(file, "field " + field, "missing or not a string", "Add \"" + field + "\": \"...\"");
        }
        return v.asText().toLowerCase(Locale.ROOT);
    }

    private static double number(JsonNode node, String field, Path file) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new BadInputException(file, "field " + field, "missing or not a number", "Add \"" + field + "\": a number");
        }
        return v.asDouble();
    }
}
