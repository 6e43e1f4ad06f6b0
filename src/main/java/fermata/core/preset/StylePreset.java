package fermata.core.preset;

import fermata.core.compose.MusicalKey;
import fermata.core.error.BadInputException;

import java.util.List;

/**
 * A composition style: the settings {@code fermata generate} starts from. File format (UTF-8
 * JSON): {@code description}, {@code key} (e.g. "D minor"; absent = free), {@code tempo} (BPM),
 * {@code meter} ("3/4"), {@code bars}, {@code density} (0..1), {@code temperature},
 * {@code model} (a file name in the bundled {@code assets/models/}; absent = the default model),
 * {@code voices}. Missing fields take {@code fermata generate}'s defaults.
 *
 * @param key null when the style leaves the key free
 * @param model null when the style uses the default model
 */
public record StylePreset(String name, String description, String key, double tempo, String meter, int bars,
                          double density, double temperature, String model, int voices) {
    public static final PresetLibrary<StylePreset> LIBRARY = new PresetLibrary<>("styles",
            List.of("chorale", "hymn", "minuet", "lullaby", "sketch"), StylePreset::parse);

    public StylePreset {
        if (!(tempo >= 20 && tempo <= 400)) {
            throw new IllegalArgumentException("tempo must be 20..400 BPM, was " + tempo);
        }
        if (bars < 1 || bars > 512) {
            throw new IllegalArgumentException("bars must be 1..512, was " + bars);
        }
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be 0..1, was " + density);
        }
        if (!(temperature >= 0 && temperature <= 5)) {
            throw new IllegalArgumentException("temperature must be 0..5, was " + temperature);
        }
        if (voices < 1 || voices > 16) {
            throw new IllegalArgumentException("voices must be 1..16, was " + voices);
        }
        if (model != null && (model.contains("/") || model.contains("\\") || model.contains(".."))) {
            throw new IllegalArgumentException("model must be a file name in assets/models, was " + model);
        }
    }

    static StylePreset parse(String name, PresetJson json) throws BadInputException {
        String key = json.text("key", null);
        if (key != null) {
            try {
                MusicalKey.parse(key);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(json.file(), "field key", e.getMessage(),
                        "Write a key such as \"D minor\" or \"F# major\", or leave the field out for a free key");
            }
        }
        return new StylePreset(name, json.text("description", ""), key, json.number("tempo", 120),
                json.text("meter", "4/4"), json.integer("bars", 8), json.number("density", 0.5),
                json.number("temperature", 1.0), json.text("model", null), json.integer("voices", 1));
    }
}
