package fermata.core.analysis.tonal;

import java.util.List;

/**
 * Key, key changes and chords of a piece.
 *
 * @param key the overall key; null when nothing tonal was heard
 * @param keySegments the key over time (one segment when it never changes)
 * @param chords chord timeline
 * @param tuningCents estimated tuning offset from A = 440 Hz (0 for MIDI)
 */
public record TonalReport(KeyEstimate key, List<KeySegment> keySegments, List<ChordSegment> chords,
                          double tuningCents) {
    public TonalReport {
        keySegments = List.copyOf(keySegments);
        chords = List.copyOf(chords);
    }

    public static TonalReport of(Chromagram chromagram, double durationSeconds) {
        return new TonalReport(KeyDetector.estimate(chromagram.total()),
                KeyDetector.segments(chromagram, durationSeconds),
                ChordRecognizer.recognize(chromagram, durationSeconds), chromagram.tuningCents());
    }
}
