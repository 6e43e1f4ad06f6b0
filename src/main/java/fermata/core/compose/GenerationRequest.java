package fermata.core.compose;

import fermata.core.model.TimeSignature;

/**
 * What to generate.
 *
 * @param bars length of the new music in bars of {@code meter}
 * @param key the key to stay in (out-of-scale pitches are never sampled); null lets the model roam
 * @param tempoBpm tempo of the resulting project
 * @param meter bar length and time signature of the resulting project
 * @param temperature divides the logits before sampling: below 1 safer, above 1 wilder; 0 picks
 *     every cell whose probability is at least one half (no sampling)
 * @param density 0..1, 0.5 neutral: shifts every logit by 8 (density - 0.5), so higher values play
 *     more notes and lower values fewer
 * @param seed seed of the sampler; the same request and model give the same music
 * @param voices for a one-track model, split each step's chord into this many tracks by pitch
 *     order (highest to the first track, as soprano, alto, tenor, bass); 1 keeps one track
 * @param primer music to continue, in the model's roll format; null starts from silence
 * @param lowPitch lowest MIDI pitch a generated note may have (the model's own range applies too)
 * @param highPitch highest MIDI pitch a generated note may have
 */
public record GenerationRequest(int bars, MusicalKey key, double tempoBpm, TimeSignature meter, double temperature,
                                double density, long seed, int voices, PianoRoll primer, int lowPitch, int highPitch) {
    public GenerationRequest {
        if (lowPitch < 0 || highPitch > 127 || lowPitch > highPitch) {
            throw new IllegalArgumentException("pitch range must be within 0..127 and low <= high, was " + lowPitch + ".." + highPitch);
        }
        if (bars < 1 || bars > 1024) {
            throw new IllegalArgumentException("bars must be in 1..1024, was " + bars);
        }
        if (!(tempoBpm >= 10 && tempoBpm <= 400)) {
            throw new IllegalArgumentException("tempo must be in 10..400 BPM, was " + tempoBpm);
        }
        if (!(temperature >= 0 && temperature <= 10)) {
            throw new IllegalArgumentException("temperature must be in 0..10, was " + temperature);
        }
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in 0..1, was " + density);
        }
        if (voices < 1 || voices > 16) {
            throw new IllegalArgumentException("voices must be in 1..16, was " + voices);
        }
    }

    /** Bars of 4/4 at 120 BPM, no key, temperature 1, neutral density, seed 1, one voice, any pitch. */
    public static GenerationRequest bars(int bars) {
        return new GenerationRequest(bars, null, 120, TimeSignature.COMMON, 1, 0.5, 1, 1, null, 0, 127);
    }

    public GenerationRequest withKey(MusicalKey k) {
        return new GenerationRequest(bars, k, tempoBpm, meter, temperature, density, seed, voices, primer, lowPitch, highPitch);
    }

    public GenerationRequest withTempo(double bpm) {
        return new GenerationRequest(bars, key, bpm, meter, temperature, density, seed, voices, primer, lowPitch, highPitch);
    }

    public GenerationRequest withMeter(TimeSignature m) {
        return new GenerationRequest(bars, key, tempoBpm, m, temperature, density, seed, voices, primer, lowPitch, highPitch);
    }

    public GenerationRequest withTemperature(double t) {
        return new GenerationRequest(bars, key, tempoBpm, meter, t, density, seed, voices, primer, lowPitch, highPitch);
    }

    public GenerationRequest withDensity(double d) {
        return new GenerationRequest(bars, key, tempoBpm, meter, temperature, d, seed, voices, primer, lowPitch, highPitch);
    }

    public GenerationRequest withSeed(long s) {
        return new GenerationRequest(bars, key, tempoBpm, meter, temperature, density, s, voices, primer, lowPitch, highPitch);
    }

    public GenerationRequest withVoices(int v) {
        return new GenerationRequest(bars, key, tempoBpm, meter, temperature, density, seed, v, primer, lowPitch, highPitch);
    }

    /** Generated notes stay within low..high (MIDI pitches, inclusive). */
    public GenerationRequest withPitchRange(int low, int high) {
        return new GenerationRequest(bars, key, tempoBpm, meter, temperature, density, seed, voices, primer, low, high);
    }

    /** Whether a generated note of this pitch is within the requested range. */
    public boolean inRange(int pitch) {
        return pitch >= lowPitch && pitch <= highPitch;
    }

    public GenerationRequest withPrimer(PianoRoll p) {
        return new GenerationRequest(bars, key, tempoBpm, meter, temperature, density, seed, voices, p, lowPitch, highPitch);
    }
}
