package fermata.core.engine;

import fermata.core.engine.synth.FermataSynth;
import fermata.core.engine.synth.SynthException;
import fermata.core.engine.synth.TrackSynth;

import javax.sound.midi.Soundbank;
import java.util.Locale;
import java.util.Optional;

/**
 * Which SoundFont synthesizer plays MIDI tracks: Fermata's own voice engine (the default: fast
 * and allocation-free on the audio thread) or the JDK's Gervill (the reference, for its exact sound).
 */
public enum SynthEngine {
    FERMATA,
    GERVILL;

    /** Opens one track's synthesizer. Off the audio thread. */
    TrackSynth open(int sampleRate, int blockFrames, Optional<Soundbank> bank) throws EngineException {
        return switch (this) {
            case FERMATA -> {
                try {
                    yield FermataSynth.open(sampleRate, blockFrames, bank);
                } catch (SynthException e) {
                    throw new EngineException(e.getMessage(), e);
                }
            }
            case GERVILL -> GervillSynth.open(sampleRate, blockFrames, bank);
        };
    }

    /** "fermata" or "gervill", as the CLI and settings spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine named {@code id} ("fermata", "gervill"; any case). */
    public static SynthEngine of(String id) {
        for (SynthEngine e : values()) {
            if (e.id().equalsIgnoreCase(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown synthesizer " + id + "; use fermata or gervill");
    }
}
