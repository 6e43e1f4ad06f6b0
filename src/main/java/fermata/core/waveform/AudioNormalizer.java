package fermata.core.waveform;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.edit.ChangeAudioGain;
import fermata.core.engine.AudioTrackReader;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

/**
 * Normalize, non-destructively: measures the edited audio of a range and returns the gain edit
 * that brings it to a peak level (dBFS) or an integrated loudness (LUFS, BS.1770 with the project's
 * one loudness meter, gated as R128 asks). The edit is a {@link ChangeAudioGain}, so it undoes and
 * the media stay untouched.
 */
public final class AudioNormalizer {
    private static final int BLOCK = 8192;

    private AudioNormalizer() {
    }

    /** The largest absolute sample of {@code [from, to)} over all channels. */
    public static double peak(AudioTrackReader reader, long from, long to, Progress progress) throws CancelledException {
        float[][] block = new float[reader.channels()][BLOCK];
        double peak = 0;
        for (long at = from; at < to; at += BLOCK) {
            progress.checkCancelled();
            int n = (int) Math.min(BLOCK, to - at);
            reader.read(at, block, 0, n);
            for (float[] channel : block) {
                for (int i = 0; i < n; i++) {
                    peak = Math.max(peak, Math.abs(channel[i]));
                }
            }
            progress.update((double) (at - from) / (to - from), "measuring peak");
        }
        return peak;
    }

    /** Integrated loudness of {@code [from, to)} in LUFS. */
    public static double loudness(AudioTrackReader reader, long from, long to, Progress progress)
            throws CancelledException {
        LoudnessMeter meter = new LoudnessMeter(reader.channels(), reader.sampleRate());
        float[][] block = new float[reader.channels()][BLOCK];
        for (long at = from; at < to; at += BLOCK) {
            progress.checkCancelled();
            int n = (int) Math.min(BLOCK, to - at);
            reader.read(at, block, 0, n);
            meter.process(block, 0, n);
            progress.update((double) (at - from) / (to - from), "measuring loudness");
        }
        return meter.integratedLufs();
    }

    /** The edit that makes the peak of {@code [from, to)} equal {@code targetDbfs}. */
    public static ChangeAudioGain toPeak(AudioTrackReader reader, String trackId, long from, long to,
                                         double targetDbfs, Progress progress) throws CancelledException {
        double peak = peak(reader, from, to, progress);
        if (peak == 0) {
            throw new IllegalArgumentException("nothing to normalize: the selection is silent");
        }
        return new ChangeAudioGain(trackId, from, to, targetDbfs - 20 * Math.log10(peak),
                String.format(java.util.Locale.ROOT, "Normalize to %.1f dBFS", targetDbfs));
    }

    /** The edit that makes the integrated loudness of {@code [from, to)} equal {@code targetLufs}. */
    public static ChangeAudioGain toLoudness(AudioTrackReader reader, String trackId, long from, long to,
                                             double targetLufs, Progress progress) throws CancelledException {
        double lufs = loudness(reader, from, to, progress);
        if (!Double.isFinite(lufs) || lufs <= -70) {
            throw new IllegalArgumentException("nothing to normalize: the selection is silent or shorter than"
                    + " the 400 ms loudness needs");
        }
        return new ChangeAudioGain(trackId, from, to, targetLufs - lufs,
                String.format(java.util.Locale.ROOT, "Normalize to %.1f LUFS", targetLufs));
    }
}
