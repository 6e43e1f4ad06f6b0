package fermata.core.analysis.rhythm;

import java.util.ArrayList;
import java.util.List;

/** Tempo, tempo curve, beats, downbeats and onsets of a mono signal (see {@link fermata.core.analysis.Signals}). */
public final class RhythmAnalyzer {
    /** Onsets closer than this are one onset (a flam, not two events). */
    private static final double MIN_ONSET_GAP_SECONDS = 0.05;
    private static final double ONSET_THRESHOLD_SD = 1.0;

    private RhythmAnalyzer() {
    }

    public static RhythmReport analyze(float[] mono, int sampleRate) {
        OnsetEnvelope envelope = OnsetEnvelope.compute(mono, sampleRate);
        double seconds = (double) mono.length / sampleRate;
        List<Double> onsets = onsets(envelope);
        if (envelope.length() < 4) {
            return new RhythmReport(new TempoEstimate(0, 0), List.of(), List.of(), List.of(), onsets, 0);
        }
        TempoEstimate tempo = TempoEstimator.estimate(envelope, 0, envelope.length());
        List<TempoPoint> curve = sameMetricalLevel(TempoEstimator.curve(envelope), tempo);
        List<Double> beats = new ArrayList<>();
        List<Double> downbeats = new ArrayList<>();
        if (tempo.bpm() > 0) {
            double[] period = periodPerFrame(envelope, curve, tempo);
            double[] beatFrames = BeatTracker.track(envelope, period);
            for (double f : beatFrames) {
                beats.add(envelope.timeOf(f));
            }
            for (double f : BeatTracker.downbeats(envelope, beatFrames)) {
                downbeats.add(envelope.timeOf(f));
            }
        }
        return new RhythmReport(tempo, curve, beats, downbeats, onsets, seconds > 0 ? onsets.size() / seconds : 0);
    }

    /**
     * The curve's points moved by octaves to the metrical level of the overall tempo. An 8 s
     * window holds too few bars for the comb to settle the octave the way the whole piece does,
     * so a window may count eighth notes where the piece counts quarters; beats that followed it
     * would fall on the off-beats too.
     */
    static List<TempoPoint> sameMetricalLevel(List<TempoPoint> curve, TempoEstimate overall) {
        if (overall.bpm() <= 0) {
            return curve;
        }
        List<TempoPoint> out = new ArrayList<>();
        for (TempoPoint p : curve) {
            double bpm = p.bpm();
            while (bpm > 0 && bpm > overall.bpm() * Math.sqrt(2)) {
                bpm /= 2;
            }
            while (bpm > 0 && bpm < overall.bpm() / Math.sqrt(2)) {
                bpm *= 2;
            }
            out.add(new TempoPoint(p.timeSeconds(), bpm, p.confidence()));
        }
        return out;
    }

    /**
     * The beat period the tracker expects at each frame: the tempo curve, interpolated, where its
     * confidence is at least half the overall one; the overall tempo elsewhere.
     */
    private static double[] periodPerFrame(OnsetEnvelope envelope, List<TempoPoint> curve, TempoEstimate tempo) {
        double fps = envelope.frameRate();
        double[] period = new double[envelope.length()];
        List<TempoPoint> trusted = new ArrayList<>();
        for (TempoPoint p : curve) {
            if (p.bpm() > 0 && p.confidence() >= 0.5 * tempo.confidence()) {
                trusted.add(p);
            }
        }
        for (int f = 0; f < period.length; f++) {
            double bpm = trusted.isEmpty() ? tempo.bpm() : interpolate(trusted, envelope.timeOf(f));
            period[f] = fps * 60 / bpm;
        }
        return period;
    }

    private static double interpolate(List<TempoPoint> points, double time) {
        if (time <= points.get(0).timeSeconds()) {
            return points.get(0).bpm();
        }
        for (int i = 1; i < points.size(); i++) {
            TempoPoint b = points.get(i);
            if (time <= b.timeSeconds()) {
                TempoPoint a = points.get(i - 1);
                double u = (time - a.timeSeconds()) / (b.timeSeconds() - a.timeSeconds());
                return a.bpm() + u * (b.bpm() - a.bpm());
            }
        }
        return points.get(points.size() - 1).bpm();
    }

    /** Peaks of the envelope that stand out: local maxima within 50 ms, above the mean plus one deviation. */
    private static List<Double> onsets(OnsetEnvelope envelope) {
        double[] e = envelope.strength();
        double mean = 0;
        for (double v : e) {
            mean += v;
        }
        mean /= Math.max(1, e.length);
        double threshold = mean + ONSET_THRESHOLD_SD;
        int reach = Math.max(1, (int) Math.round(MIN_ONSET_GAP_SECONDS * envelope.frameRate()));
        List<Double> out = new ArrayList<>();
        int lastFrame = -reach - 1;
        for (int i = 0; i < e.length; i++) {
            if (e[i] < threshold || i - lastFrame <= reach) {
                continue;
            }
            boolean peak = true;
            for (int j = Math.max(0, i - reach); j <= Math.min(e.length - 1, i + reach) && peak; j++) {
                peak = e[j] < e[i] || (e[j] == e[i] && j >= i);
            }
            if (peak) {
                out.add(envelope.timeOf(envelope.refinePeak(i)));
                lastFrame = i;
            }
        }
        return out;
    }
}
