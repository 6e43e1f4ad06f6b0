package fermata.core.preset;

import fermata.core.error.BadInputException;
import fermata.core.mix.DenoiseSettings;

import java.util.List;
import java.util.Locale;

/**
 * A named set of denoiser options. File format (UTF-8 JSON, every field optional, missing ones
 * take {@link DenoiseSettings#defaults()}): {@code description}, {@code method} (lsa, stsa or
 * gate), {@code reduction_db}, {@code sensitivity_db}, {@code attack_ms}, {@code release_ms},
 * {@code frequency_smoothing_bins}, {@code remove_hum}, {@code remove_clicks}.
 */
public record DenoisePreset(String name, String description, DenoiseSettings settings) {
    public static final PresetLibrary<DenoisePreset> LIBRARY = new PresetLibrary<>("denoise",
            List.of(DenoisePreset.STANDARD, "gentle", "voice", "strong", "hum-only", "vinyl"), DenoisePreset::parse);
    /** The shipped preset that holds {@link DenoiseSettings#defaults()}: what Denoise uses unless told otherwise. */
    public static final String STANDARD = "standard";

    static DenoisePreset parse(String name, PresetJson json) throws BadInputException {
        DenoiseSettings d = DenoiseSettings.defaults();
        String methodName = json.text("method", "lsa");
        DenoiseSettings.Method method = switch (methodName.toLowerCase(Locale.ROOT)) {
            case "lsa" -> DenoiseSettings.Method.MMSE_LSA;
            case "stsa" -> DenoiseSettings.Method.MMSE_STSA;
            case "gate" -> DenoiseSettings.Method.SPECTRAL_GATE;
            default -> throw new BadInputException(json.file(), "field method", "'" + methodName
                    + "' is not a denoise method", "Write \"method\": \"lsa\", \"stsa\" or \"gate\"");
        };
        DenoiseSettings settings = new DenoiseSettings(method, json.number("reduction_db", d.reductionDb()),
                json.number("sensitivity_db", d.sensitivityDb()), json.number("attack_ms", d.attackMs()),
                json.number("release_ms", d.releaseMs()), json.integer("frequency_smoothing_bins", d.frequencySmoothingBins()),
                json.bool("remove_hum", d.removeHum()), json.bool("remove_clicks", d.removeClicks()));
        return new DenoisePreset(name, json.text("description", ""), settings);
    }
}
