package fermata.core.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to render offline.
 *
 * @param sampleRate 44100, 48000 or 96000
 * @param tailSeconds extra time after the last note or clip so releases and reverb can ring out
 * @param soundFont an SF2 to play MIDI tracks with; empty for the first one found on the system
 * @param blockFrames the engine block size (the real-time engine uses the same graph and size)
 * @param ceilingDbtp the master limiter's ceiling in dBTP; {@link #LIMITER_OFF} to bypass it
 * @param synth the SoundFont synthesizer MIDI tracks play through
 */
public record RenderOptions(int sampleRate, double tailSeconds, Optional<Path> soundFont, int blockFrames,
                            double ceilingDbtp, SynthEngine synth) {
    public static final int DEFAULT_BLOCK_FRAMES = 512;
    public static final double DEFAULT_CEILING_DBTP = -1.0;
    public static final double LIMITER_OFF = Double.POSITIVE_INFINITY;

    public RenderOptions {
        if (sampleRate != 44_100 && sampleRate != 48_000 && sampleRate != 96_000) {
            throw new IllegalArgumentException("sample rate must be 44100, 48000 or 96000, was " + sampleRate);
        }
        if (!(tailSeconds >= 0 && tailSeconds <= 600)) {
            throw new IllegalArgumentException("tail must be 0..600 seconds, was " + tailSeconds);
        }
        if (blockFrames < 16 || blockFrames > 8192) {
            throw new IllegalArgumentException("block size must be 16..8192 frames, was " + blockFrames);
        }
        if (Double.isNaN(ceilingDbtp) || ceilingDbtp > 0 && ceilingDbtp != LIMITER_OFF) {
            throw new IllegalArgumentException("limiter ceiling must be <= 0 dBTP, was " + ceilingDbtp);
        }
        soundFont = soundFont == null ? Optional.empty() : soundFont;
        if (synth == null) {
            throw new IllegalArgumentException("a synthesizer must be chosen");
        }
    }

    /** 48 kHz, two seconds of tail, the system SoundFont, 512-frame blocks, -1 dBTP ceiling, Fermata's synthesizer. */
    public static RenderOptions defaults() {
        return new RenderOptions(48_000, 2.0, Optional.empty(), DEFAULT_BLOCK_FRAMES, DEFAULT_CEILING_DBTP,
                SynthEngine.FERMATA);
    }

    public RenderOptions withSampleRate(int rate) {
        return new RenderOptions(rate, tailSeconds, soundFont, blockFrames, ceilingDbtp, synth);
    }

    public RenderOptions withTailSeconds(double seconds) {
        return new RenderOptions(sampleRate, seconds, soundFont, blockFrames, ceilingDbtp, synth);
    }

    public RenderOptions withSoundFont(Path sf2) {
        return new RenderOptions(sampleRate, tailSeconds, Optional.ofNullable(sf2), blockFrames, ceilingDbtp, synth);
    }

    public RenderOptions withCeilingDbtp(double ceiling) {
        return new RenderOptions(sampleRate, tailSeconds, soundFont, blockFrames, ceiling, synth);
    }

    public RenderOptions withSynth(SynthEngine engine) {
        return new RenderOptions(sampleRate, tailSeconds, soundFont, blockFrames, ceilingDbtp, engine);
    }
}
