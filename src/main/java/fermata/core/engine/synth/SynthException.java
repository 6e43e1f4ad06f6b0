package fermata.core.engine.synth;

/** A synthesizer could not load what it was asked to: an instrument, a SoundFont's sample data. */
public class SynthException extends Exception {
    public SynthException(String message) {
        super(message);
    }

    public SynthException(String message, Throwable cause) {
        super(message, cause);
    }
}
