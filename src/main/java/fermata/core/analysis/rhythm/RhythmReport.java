package fermata.core.analysis.rhythm;

import java.util.List;

/**
 * Tempo, beats and onsets of a piece.
 *
 * @param tempo the overall tempo
 * @param tempoCurve local tempo every {@link TempoEstimator#CURVE_HOP_SECONDS} s over
 *     {@link TempoEstimator#CURVE_WINDOW_SECONDS} s windows
 * @param beats beat times in seconds
 * @param downbeats the beats that start a bar (4/4 assumed), chosen by accent
 * @param onsets onset times in seconds
 * @param onsetsPerSecond onset density over the whole piece
 */
public record RhythmReport(TempoEstimate tempo, List<TempoPoint> tempoCurve, List<Double> beats,
                           List<Double> downbeats, List<Double> onsets, double onsetsPerSecond) {
    public RhythmReport {
        tempoCurve = List.copyOf(tempoCurve);
        beats = List.copyOf(beats);
        downbeats = List.copyOf(downbeats);
        onsets = List.copyOf(onsets);
    }
}
