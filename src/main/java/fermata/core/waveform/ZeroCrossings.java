package fermata.core.waveform;

import fermata.core.engine.AudioTrackReader;

/**
 * Snaps an edit point to the nearest zero crossing so a cut does not click: the nearest frame
 * within a radius where the first channel is exactly zero or changes sign from the frame before.
 */
public final class ZeroCrossings {
    private ZeroCrossings() {
    }

    /** The zero crossing nearest {@code frame} within {@code radius} frames, or {@code frame} when there is none. */
    public static long nearest(AudioTrackReader reader, long frame, int radius) {
        long from = Math.max(0, frame - radius);
        long to = frame + radius + 1;
        float[] s = reader.read(from, to)[0];
        long best = frame;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < s.length; i++) {
            boolean crossing = s[i] == 0 || i > 0 && (s[i - 1] < 0) != (s[i] < 0);
            long distance = Math.abs(from + i - frame);
            if (crossing && distance < bestDistance) {
                best = from + i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
