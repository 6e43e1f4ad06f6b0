package fermata.core.engine.synth;

/**
 * One SoundFont sample converted to float once, at load: the voices read it without any
 * per-read conversion. {@code data} holds {@link #GUARD} zero samples after the last one, so
 * linear interpolation may read one past the end without a bounds branch.
 */
final class SampleData {
    static final int GUARD = 4;

    final float[] data;
    final int length;
    final int loopStart;
    final int loopEnd;
    final int sampleRate;
    final int originalPitch;
    final int pitchCorrection;

    SampleData(float[] data, int length, int loopStart, int loopEnd, int sampleRate, int originalPitch,
               int pitchCorrection) {
        this.data = data;
        this.length = length;
        this.loopStart = loopStart;
        this.loopEnd = loopEnd;
        this.sampleRate = sampleRate;
        // SF2.04 7.10: 255 marks an unpitched sample, which plays at its own rate on key 60.
        this.originalPitch = originalPitch > 127 ? 60 : originalPitch;
        this.pitchCorrection = pitchCorrection;
    }
}
