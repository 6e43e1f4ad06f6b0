package fermata.core.analysis.advice;

import fermata.core.analysis.DynamicsReport;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.analysis.spectrum.Band;
import fermata.core.analysis.spectrum.SpectrumAnalyzer;
import fermata.core.analysis.spectrum.StereoBand;
import fermata.core.analysis.spectrum.StereoReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mixing and mastering advice from measured figures: each rule fires past a limit and says by how
 * much and what to do. The limits are the common delivery targets: -1 dBTP true-peak ceiling
 * (EBU R128, streaming services' guidance), -14 LUFS integrated for streaming, correlation
 * above 0 for mono compatibility.
 */
public final class Advisor {
    public static final double TRUE_PEAK_CEILING_DBTP = -1.0;
    public static final double STREAMING_TARGET_LUFS = -14.0;
    /** Louder than target by more than this: platforms will turn it down. */
    static final double LOUD_TOLERANCE_LU = 1.0;
    /** Quieter than target by more than this: platforms without gain-up will play it quiet. */
    static final double QUIET_TOLERANCE_LU = 4.0;
    static final double MIN_PLR_DB = 8.0;
    static final double BAND_CORRELATION_LIMIT = -0.2;
    /** Bands this far below the loudest octave are too quiet for their stereo figures to matter. */
    static final double RELEVANT_BAND_DB = 30;
    static final double BASS_EDGE_HZ = 125;
    static final double BASS_SIDE_LIMIT_DB = -10;
    static final double DC_LIMIT = 0.002;
    /** Two stems overlap in a band when both are within this of their own loudest band. */
    static final double OVERLAP_DB = 6;

    private Advisor() {
    }

    /** Advice on a finished mix, ranked. Stereo may be null (mono material). */
    public static List<Advice> advise(LoudnessResult loudness, StereoReport stereo, DynamicsReport dynamics) {
        List<Advice> out = new ArrayList<>();
        truePeak(loudness, out);
        clipping(loudness, out);
        loudnessTarget(loudness, out);
        compression(loudness, dynamics, out);
        if (stereo != null) {
            monoCompatibility(stereo, out);
            stereoBass(stereo, out);
        }
        dcOffset(dynamics, out);
        out.sort(Advice.RANKING);
        return out;
    }

    private static void truePeak(LoudnessResult l, List<Advice> out) {
        double tp = l.truePeakDbtp();
        if (tp > TRUE_PEAK_CEILING_DBTP) {
            double lower = Math.ceil((tp - TRUE_PEAK_CEILING_DBTP) * 2) / 2;
            out.add(new Advice(tp > 0 ? Severity.ERROR : Severity.WARNING, "true-peak",
                    format("True peak %+.1f dBTP: lower the master %.1f dB or enable a true-peak limiter at %.0f dBTP",
                            tp, lower, TRUE_PEAK_CEILING_DBTP), tp - TRUE_PEAK_CEILING_DBTP));
        }
    }

    private static void clipping(LoudnessResult l, List<Advice> out) {
        if (l.clippedSamples() > 0) {
            out.add(new Advice(Severity.ERROR, "clipping",
                    format("%d clipped samples (sample peak %.1f dBFS): lower the gain before the stage that clips; "
                            + "a limiter afterwards cannot undo it", l.clippedSamples(), l.samplePeakDbfs()),
                    l.clippedSamples()));
        }
    }

    private static void loudnessTarget(LoudnessResult l, List<Advice> out) {
        double i = l.integratedLufs();
        if (!Double.isFinite(i)) {
            return;
        }
        double over = i - STREAMING_TARGET_LUFS;
        if (over > LOUD_TOLERANCE_LU) {
            out.add(new Advice(Severity.WARNING, "loudness-target",
                    format("%.1f LU above the streaming target (%.0f LUFS): services will turn it down %.1f dB, "
                            + "so the extra limiting only costs punch", over, STREAMING_TARGET_LUFS, over), over));
        } else if (-over > QUIET_TOLERANCE_LU) {
            out.add(new Advice(Severity.INFO, "loudness-target",
                    format("%.1f LU below the streaming target (%.0f LUFS): raise the master %.1f dB if it is meant "
                            + "for streaming, watching the true peak", -over, STREAMING_TARGET_LUFS, -over), -over));
        }
    }

    private static void compression(LoudnessResult l, DynamicsReport d, List<Advice> out) {
        if (Double.isFinite(d.plrDb()) && d.plrDb() < MIN_PLR_DB) {
            out.add(new Advice(Severity.WARNING, "over-compressed",
                    format("Peak-to-loudness ratio %.1f dB (loudness range %.1f LU): heavily limited; back off the "
                            + "limiter or compressor for more punch", d.plrDb(), l.rangeLu()), MIN_PLR_DB - d.plrDb()));
        }
    }

    private static void monoCompatibility(StereoReport s, List<Advice> out) {
        if (s.correlation() < 0) {
            out.add(new Advice(Severity.ERROR, "mono-compatibility",
                    format("Phase correlation %.2f overall: the mix largely cancels in mono; check for a channel "
                            + "with inverted polarity", s.correlation()), -s.correlation()));
            return;
        }
        double loudest = loudestBand(s);
        for (StereoBand b : s.octaves()) {
            if (b.levelDb() >= loudest - RELEVANT_BAND_DB && b.correlation() < BAND_CORRELATION_LIMIT) {
                out.add(new Advice(Severity.WARNING, "mono-compatibility",
                        format("Correlation %.1f between %s and %s Hz: check mono compatibility (a widener, chorus "
                                + "or polarity-flipped double in that range)", b.correlation(), hz(b.lowHz()),
                                hz(b.highHz())), -b.correlation()));
            }
        }
    }

    private static void stereoBass(StereoReport s, List<Advice> out) {
        double loudest = loudestBand(s);
        double side = 0;
        double mid = 0;
        boolean relevant = false;
        for (StereoBand b : s.octaves()) {
            if (b.highHz() <= BASS_EDGE_HZ && !Double.isNaN(b.sideToMidDb())) {
                double total = Math.pow(10, b.levelDb() / 10);
                double ratio = Math.pow(10, b.sideToMidDb() / 10);
                double m = Double.isInfinite(ratio) ? 0 : total / (1 + ratio);
                mid += m;
                side += total - m;
                relevant |= b.levelDb() >= loudest - RELEVANT_BAND_DB;
            }
        }
        if (relevant && side > 0) {
            double ratio = mid > 0 ? 10 * Math.log10(side / mid) : Double.POSITIVE_INFINITY;
            if (ratio > BASS_SIDE_LIMIT_DB) {
                out.add(new Advice(Severity.WARNING, "stereo-bass",
                        format("Wide stereo below %s Hz (side %s relative to mid): keep the low end mono for "
                                + "clubs, vinyl and mono speakers", hz(BASS_EDGE_HZ),
                                Double.isInfinite(ratio) ? "only, nothing" : format("%+.1f dB", ratio)),
                        Math.min(100, ratio - BASS_SIDE_LIMIT_DB)));
            }
        }
    }

    private static double loudestBand(StereoReport s) {
        double loudest = Double.NEGATIVE_INFINITY;
        for (StereoBand b : s.octaves()) {
            loudest = Math.max(loudest, b.levelDb());
        }
        return loudest;
    }

    private static void dcOffset(DynamicsReport d, List<Advice> out) {
        double[] dc = d.dcOffsets();
        for (int c = 0; c < dc.length; c++) {
            if (Math.abs(dc[c]) > DC_LIMIT) {
                out.add(new Advice(Severity.WARNING, "dc-offset",
                        format("DC offset %.2f %% of full scale on channel %d: it eats headroom; apply a 20 Hz "
                                + "high-pass", 100 * dc[c], c + 1), Math.abs(dc[c]) * 100));
            }
        }
    }

    /**
     * Where named stems (kick, bass, vocals ...) compete for the same frequencies: bands where two
     * stems are each within {@value #OVERLAP_DB} dB of their own loudest third-octave band.
     *
     * @param stems planar samples per stem name, all at one sample rate
     */
    public static List<Advice> adviseStems(Map<String, float[][]> stems, int sampleRate) {
        Map<String, List<Band>> spectra = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> stem : stems.entrySet()) {
            spectra.put(stem.getKey(), SpectrumAnalyzer.of(stem.getValue(), sampleRate).spectrum().thirdOctaves());
        }
        return adviseStemSpectra(spectra);
    }

    /**
     * The same from each stem's third-octave spectrum, so a caller can render and measure one stem
     * at a time. Silent stems are left out.
     */
    public static List<Advice> adviseStemSpectra(Map<String, List<Band>> stemSpectra) {
        List<String> names = new ArrayList<>();
        List<List<Band>> spectra = new ArrayList<>();
        for (Map.Entry<String, List<Band>> stem : stemSpectra.entrySet()) {
            if (Double.isFinite(maxLevel(stem.getValue()))) {
                names.add(stem.getKey());
                spectra.add(stem.getValue());
            }
        }
        List<Advice> out = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                overlap(names.get(a), spectra.get(a), names.get(b), spectra.get(b), out);
            }
        }
        out.sort(Advice.RANKING);
        return out;
    }

    private static void overlap(String nameA, List<Band> a, String nameB, List<Band> b, List<Advice> out) {
        double maxA = maxLevel(a);
        double maxB = maxLevel(b);
        int n = Math.min(a.size(), b.size());
        int i = 0;
        while (i < n) {
            if (!dominant(a.get(i), maxA) || !dominant(b.get(i), maxB)) {
                i++;
                continue;
            }
            int first = i;
            while (i < n && dominant(a.get(i), maxA) && dominant(b.get(i), maxB)) {
                i++;
            }
            Band lo = a.get(first);
            Band hi = a.get(i - 1);
            String range = lo == hi ? hz(lo.centreHz()) : hz(lo.centreHz()) + "-" + hz(hi.centreHz());
            out.add(new Advice(Severity.WARNING, "stem-overlap",
                    format("%s and %s overlap at %s Hz: cut one of them there (EQ, or sidechain it to the other)",
                            capitalise(nameA), nameB, range), i - first));
        }
    }

    private static boolean dominant(Band band, double max) {
        return band.levelDb() >= max - OVERLAP_DB;
    }

    private static double maxLevel(List<Band> bands) {
        double max = Double.NEGATIVE_INFINITY;
        for (Band b : bands) {
            max = Math.max(max, b.levelDb());
        }
        return max;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String hz(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : format("%.1f", hz);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
