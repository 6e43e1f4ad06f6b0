package fermata.core.engine;

import fermata.core.dsp.AudioProcessor;
import fermata.core.dsp.Compressor;
import fermata.core.dsp.FilterChain;
import fermata.core.dsp.GainStage;
import fermata.core.dsp.StereoWidth;
import fermata.core.dsp.TruePeakLimiter;
import fermata.core.model.InsertSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the model's insert settings (type name plus numeric parameters) to processors. Missing
 * parameters take the defaults below; a type the engine does not know is bypassed with a warning
 * rather than failing the render, since projects may come from newer versions.
 */
public final class InsertFactory {
    /** The insert types this engine plays. */
    public static final List<String> TYPES = List.of("gain", "eq", "highpass", "compressor", "limiter", "width");

    private InsertFactory() {
    }

    /** A processor for an enabled insert, or empty (with a warning added for unknown types). */
    public static Optional<AudioProcessor> create(InsertSettings insert, String where, List<String> warnings) {
        if (!insert.enabled()) {
            return Optional.empty();
        }
        Map<String, Double> p = insert.parameters();
        return switch (insert.type()) {
            case "gain" -> Optional.of(new GainStage(p.getOrDefault("gainDb", 0.0)));
            case "eq" -> Optional.of(FilterChain.threeBandEq(
                    p.getOrDefault("lowHz", 100.0), p.getOrDefault("lowDb", 0.0),
                    p.getOrDefault("midHz", 1000.0), p.getOrDefault("midQ", 0.7), p.getOrDefault("midDb", 0.0),
                    p.getOrDefault("highHz", 8000.0), p.getOrDefault("highDb", 0.0)));
            case "highpass" -> Optional.of(FilterChain.highPass(p.getOrDefault("frequencyHz", 80.0)));
            case "compressor" -> Optional.of(new Compressor(p.getOrDefault("thresholdDb", -18.0),
                    p.getOrDefault("ratio", 4.0), p.getOrDefault("attackMs", 10.0),
                    p.getOrDefault("releaseMs", 120.0), p.getOrDefault("makeupDb", 0.0)));
            case "limiter" -> Optional.of(new TruePeakLimiter(Math.min(0.0, p.getOrDefault("ceilingDb", -1.0)),
                    p.getOrDefault("releaseMs", 50.0)));
            case "width" -> Optional.of(new StereoWidth(p.getOrDefault("width", 1.0)));
            default -> {
                warnings.add(where + ": insert type '" + insert.type() + "' is not known to this engine and is bypassed");
                yield Optional.empty();
            }
        };
    }
}
