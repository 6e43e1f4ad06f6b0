package fermata.core.engine;

/**
 * Wraps a clip source so that it reads at another sample rate. The media package's
 * band-limited resampler implements this; linear interpolation is not good enough for export
 * (audible aliasing and high-frequency loss), so the engine ships none of its own.
 */
@FunctionalInterface
public interface SampleRateConverter {
    /** Accepts only sources already at the target rate and says clearly what is missing otherwise. */
    SampleRateConverter MATCHING_RATES_ONLY = (source, targetRate) -> {
        if (source.sampleRate() != targetRate) {
            throw new EngineException("a clip's media is at " + source.sampleRate() + " Hz but the engine runs at "
                    + targetRate + " Hz, and no sample-rate converter is wired in; render at "
                    + source.sampleRate() + " Hz or use a build with the media package");
        }
        return source;
    };

    /** A source that reads {@code source}'s signal at {@code targetRate}; {@code source} itself when the rates match. */
    ClipSource convert(ClipSource source, int targetRate) throws EngineException;
}
