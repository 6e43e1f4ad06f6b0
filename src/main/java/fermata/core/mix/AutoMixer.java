package fermata.core.mix;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.dsp.AudioProcessor;
import fermata.core.dsp.Decibels;
import fermata.core.engine.InsertFactory;
import fermata.core.engine.PanLaw;
import fermata.core.model.InsertSettings;
import fermata.core.model.MixerSettings;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One-click mixing of stems. Each stem is measured ({@link StemAnalyzer}) and given a role
 * ({@link RoleClassifier}, or the user's correction); then, in this order: a high-pass where it
 * has no useful lows; unmasking EQ cuts where it competes with a more important stem in an
 * octave; compression by role; the fader to the preset's loudness balance between roles,
 * measured after the inserts; a pan by role and spectrum. On the master: glue compression, a
 * gentle tilt towards the preset's (or the reference's) tonal balance, width towards the
 * reference's, and a loudness gain found by measuring through the true-peak limiter until the
 * integrated loudness is within {@value #LOUDNESS_TOLERANCE_LU} LU of the target.
 *
 * <p>Every decision is an {@link InsertSettings} or fader/pan value in {@link MixerSettings}, so
 * the plan becomes one undoable command ({@link MixPlan#toEdit}) and the engine plays exactly
 * what was measured here: stems run through {@link InsertFactory}'s processors, fader and pan
 * gains as {@code ChannelStrip} computes them, summed in stem order, then the master inserts, with
 * the limiter's look-ahead dropped as the offline renderer does. Deterministic.
 */
public final class AutoMixer {
    static final double LOUDNESS_TOLERANCE_LU = 0.1;
    /** The loudness around which stems are balanced before the master brings the mix to its target. */
    static final double STEM_ANCHOR_LUFS = -20;
    private static final int MAX_LOUDNESS_PASSES = 5;
    private static final int MAX_EQ_CUTS = 2;
    /** What processors are prepared with as their largest block; automix hands them whole signals, which none of the insert processors minds. */
    private static final int BLOCK_HINT = 8192;

    /**
     * How to mix.
     *
     * @param roles the user's role corrections by track id; other stems are classified
     */
    public record Options(MixPreset preset, Optional<ReferenceProfile> reference, Map<String, StemRole> roles) {
        public Options {
            reference = reference == null ? Optional.empty() : reference;
            roles = Map.copyOf(roles);
        }

        public static Options of(MixPreset preset) {
            return new Options(preset, Optional.empty(), Map.of());
        }

        public Options withRoles(Map<String, StemRole> corrected) {
            return new Options(preset, reference, corrected);
        }

        public Options withReference(ReferenceProfile profile) {
            return new Options(preset, Optional.of(profile), roles);
        }
    }

    /** The plan and the mix it sounds like. */
    public record Result(MixPlan plan, float[][] mix, int sampleRate) {
    }

    /** Per-role compressor: ratio, attack, release and how far under the 80th-percentile peak the threshold sits. */
    private record RoleDynamics(double ratio, double attackMs, double releaseMs, double thresholdBelowPeaksDb) {
    }

    private static final Map<StemRole, RoleDynamics> DYNAMICS = new EnumMap<>(Map.of(
            StemRole.DRUMS, new RoleDynamics(4, 10, 120, 1),
            StemRole.BASS, new RoleDynamics(4, 25, 180, 4),
            StemRole.LEAD, new RoleDynamics(3, 5, 150, 6),
            StemRole.KEYS, new RoleDynamics(2, 20, 250, 3),
            StemRole.GUITARS, new RoleDynamics(3, 10, 150, 4),
            StemRole.OTHER, new RoleDynamics(2, 15, 200, 2)));

    private AutoMixer() {
    }

    /** Mixes {@code stems} (all at one sample rate) and returns the plan with the rendered mix. */
    public static Result mix(List<Stem> stems, Options options, Progress progress) throws CancelledException {
        if (stems.isEmpty()) {
            throw new IllegalArgumentException("automix needs at least one stem");
        }
        int rate = stems.get(0).sampleRate();
        for (Stem s : stems) {
            if (s.sampleRate() != rate) {
                throw new IllegalArgumentException("stem " + s.name() + " is at " + s.sampleRate() + " Hz, the first at "
                        + rate + " Hz: resample them to one rate first");
            }
        }
        int n = stems.size();
        MixPreset preset = options.preset();
        StemFeatures[] features = new StemFeatures[n];
        StemRole[] roles = new StemRole[n];
        String[] roleReasons = new String[n];
        for (int i = 0; i < n; i++) {
            progress.checkCancelled();
            progress.update(0.3 * i / n, "listening to " + stems.get(i).name());
            Stem stem = stems.get(i);
            features[i] = StemAnalyzer.analyse(stem);
            StemRole corrected = options.roles().get(stem.trackId());
            if (corrected != null) {
                roles[i] = corrected;
                roleReasons[i] = "set by the user";
            } else {
                RoleClassifier.Guess guess = RoleClassifier.classify(stem.name(), features[i]);
                roles[i] = guess.role();
                roleReasons[i] = guess.reason();
            }
        }
        double[] targets = roleTargets(roles, preset);
        double[] provisionalGain = new double[n];
        for (int i = 0; i < n; i++) {
            provisionalGain[i] = Double.isFinite(features[i].loudnessLufs()) ? targets[i] - features[i].loudnessLufs() : 0;
        }
        List<List<InsertSettings>> inserts = new ArrayList<>();
        List<List<Decision>> decisions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inserts.add(new ArrayList<>());
            decisions.add(new ArrayList<>());
            decisions.get(i).add(new Decision("role " + roles[i].key(), roleReasons[i]));
            highPass(features[i], roles[i], inserts.get(i), decisions.get(i));
        }
        unmask(features, roles, provisionalGain, inserts, decisions);
        for (int i = 0; i < n; i++) {
            compressor(features[i], roles[i], inserts.get(i), decisions.get(i));
        }
        double[] pans = pans(stems, features, roles, preset, decisions);

        int frames = stems.stream().mapToInt(Stem::frames).max().orElse(0);
        float[][] sum = new float[2][frames];
        List<StemDecision> stemDecisions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            progress.checkCancelled();
            progress.update(0.3 + 0.45 * i / n, "mixing " + stems.get(i).name());
            Stem stem = stems.get(i);
            float[][] processed = processStem(stem, inserts.get(i), rate);
            double processedLufs = loudnessAsStereo(processed, rate);
            double gain = Double.isFinite(processedLufs) ? targets[i] - processedLufs + PAN_LAW_DB : 0;
            gain = Math.max(MixerSettings.MIN_GAIN_DB, Math.min(MixerSettings.MAX_GAIN_DB, gain));
            gain = Math.round(gain * 100) / 100.0;
            decisions.get(i).add(new Decision(String.format(Locale.ROOT, "fader %+.1f dB", gain), String.format(Locale.ROOT,
                    "%s sits at %.1f LU against the other roles (%.1f LUFS after its inserts, %.1f LUFS as given)",
                    roles[i].key(), targets[i] - STEM_ANCHOR_LUFS, processedLufs, features[i].loudnessLufs())));
            addToMix(processed, gain, pans[i], sum);
            MixerSettings mixer = new MixerSettings(gain, pans[i], false, false, inserts.get(i));
            double mixLufs = Double.isFinite(processedLufs) ? processedLufs + gain - PAN_LAW_DB : Double.NEGATIVE_INFINITY;
            stemDecisions.add(new StemDecision(stem.trackId(), stem.name(), roles[i], roleReasons[i],
                    features[i].loudnessLufs(), mixLufs, mixer, orderDecisions(decisions.get(i))));
        }
        progress.update(0.75, "mastering");
        MasterOutcome master = master(sum, rate, options, progress.slice(0.75, 0.25));
        progress.update(1, "done");
        MixPlan plan = new MixPlan(preset.name(), master.target, master.ceiling,
                options.reference().map(ReferenceProfile::name), stemDecisions,
                new MasterDecision(master.mixer, master.decisions, master.loudness.integratedLufs(),
                        master.loudness.truePeakDbtp()));
        return new Result(plan, master.mix, rate);
    }

    /** Loudness change of a source through the constant-power pan law: a stereo pair at equal gains loses 3.01 dB. */
    private static final double PAN_LAW_DB = 10 * Math.log10(2);

    /** The role's loudness in the mix, shared by the stems of one role so that three drum stems are not three times the drums. */
    private static double[] roleTargets(StemRole[] roles, MixPreset preset) {
        Map<StemRole, Integer> counts = new EnumMap<>(StemRole.class);
        for (StemRole r : roles) {
            counts.merge(r, 1, Integer::sum);
        }
        double[] targets = new double[roles.length];
        for (int i = 0; i < roles.length; i++) {
            targets[i] = STEM_ANCHOR_LUFS + preset.roleLoudness(roles[i]) - 10 * Math.log10(counts.get(roles[i]));
        }
        return targets;
    }

    private static void highPass(StemFeatures f, StemRole role, List<InsertSettings> inserts, List<Decision> decisions) {
        double limit = switch (role) {
            case BASS -> 35;
            case DRUMS -> f.lowShare() < 0.05 ? 200 : 30;
            case LEAD -> 120;
            default -> 100;
        };
        double hz = Math.min(limit, 0.7 * f.usefulLowHz());
        if (hz < 25) {
            return;
        }
        hz = Math.round(hz);
        inserts.add(new InsertSettings("highpass", true, Map.of("frequencyHz", hz)));
        decisions.add(new Decision(String.format(Locale.ROOT, "high-pass at %.0f Hz", hz), String.format(Locale.ROOT,
                "less than 0.5%% of its energy lies below %.0f Hz; what is there only muddies the %s",
                f.usefulLowHz(), role == StemRole.BASS || role == StemRole.DRUMS ? "sub-bass" : "low end")));
    }

    /** How much a role owns an octave band (index into {@link OctaveBands#CENTRES}); higher wins. */
    static int priority(StemRole role, int band) {
        if (band <= 1) {
            return switch (role) { case DRUMS -> 5; case BASS -> 4; case LEAD -> 2; default -> 1; };
        }
        if (band == 2) {
            return switch (role) { case BASS -> 5; case DRUMS -> 4; case LEAD -> 3; case KEYS, GUITARS -> 2; default -> 1; };
        }
        if (band <= 4) {
            return switch (role) { case LEAD -> 5; case BASS -> band == 3 ? 4 : 2; case GUITARS -> 3; case KEYS, DRUMS -> 2; default -> 1; };
        }
        if (band <= 7) {
            return switch (role) { case LEAD -> 5; case DRUMS -> 4; case GUITARS -> 3; case KEYS -> 2; default -> 1; };
        }
        return switch (role) { case DRUMS -> 5; case LEAD -> 4; case GUITARS -> 3; case KEYS -> 2; default -> 1; };
    }

    /**
     * Unmasking: in each octave from 63 Hz to 8 kHz, the stem whose role owns the band keeps it; a
     * less important stem that is within 6 dB of it there, in a band that matters to both (within
     * 10 dB of their loudest band), gets a peaking cut of 2 to 4 dB. At most two cuts a stem, the
     * largest overlaps first. The lead gets +1.5 dB of presence at 3 kHz when it is buried there.
     */
    private static void unmask(StemFeatures[] f, StemRole[] roles, double[] gain, List<List<InsertSettings>> inserts,
                               List<List<Decision>> decisions) {
        int n = f.length;
        if (n < 2) {
            return;
        }
        double[][] level = new double[n][OctaveBands.CENTRES.length];
        double[] loudest = new double[n];
        for (int i = 0; i < n; i++) {
            loudest[i] = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < level[i].length; b++) {
                level[i][b] = f[i].band(b) + gain[i];
                loudest[i] = Math.max(loudest[i], level[i][b]);
            }
        }
        record Cut(int stem, int band, double overlapDb, int owner) {
        }
        List<Cut> cuts = new ArrayList<>();
        for (int b = 1; b <= 8; b++) {
            int owner = -1;
            for (int i = 0; i < n; i++) {
                if (level[i][b] >= loudest[i] - 10 && (owner < 0 || priority(roles[i], b) > priority(roles[owner], b)
                        || priority(roles[i], b) == priority(roles[owner], b) && level[i][b] > level[owner][b])) {
                    owner = i;
                }
            }
            if (owner < 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (i != owner && priority(roles[i], b) < priority(roles[owner], b) && level[i][b] >= loudest[i] - 10
                        && level[i][b] >= level[owner][b] - 6) {
                    cuts.add(new Cut(i, b, level[i][b] - (level[owner][b] - 6), owner));
                }
            }
        }
        cuts.sort(Comparator.comparingDouble(Cut::overlapDb).reversed().thenComparingInt(Cut::stem).thenComparingInt(Cut::band));
        int[] made = new int[n];
        for (Cut c : cuts) {
            if (made[c.stem] >= MAX_EQ_CUTS) {
                continue;
            }
            made[c.stem]++;
            double depth = Math.round(Math.max(2, Math.min(4, 2 + c.overlapDb / 4)) * 10) / 10.0;
            double hz = OctaveBands.CENTRES[c.band];
            inserts.get(c.stem).add(peak(hz, 1.0, -depth));
            decisions.get(c.stem).add(new Decision(String.format(Locale.ROOT, "EQ %.1f dB at %s", -depth, hz(hz)),
                    String.format(Locale.ROOT, "it competes with stem %d (%s), whose role owns the %s octave, within %.1f dB there",
                            c.owner + 1, roles[c.owner].key(), hz(hz), 6 - c.overlapDb)));
        }
        for (int i = 0; i < n; i++) {
            if (roles[i] != StemRole.LEAD) {
                continue;
            }
            double lead = Math.max(level[i][6], level[i][7]);
            double others = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others = Math.max(others, Math.max(level[j][6], level[j][7]));
                }
            }
            if (others > lead + 3) {
                inserts.get(i).add(peak(3000, 0.8, 1.5));
                decisions.get(i).add(new Decision("EQ +1.5 dB at 3 kHz", String.format(Locale.ROOT,
                        "the lead's presence octaves sit %.1f dB under the loudest other stem there", others - lead)));
            }
        }
    }

    private static String hz(double hz) {
        return hz >= 1000 ? String.format(Locale.ROOT, "%.0f kHz", hz / 1000) : String.format(Locale.ROOT, "%.0f Hz", hz);
    }

    /** The engine's three-band "eq" insert used as one peaking band (shelves flat). */
    private static InsertSettings peak(double hz, double q, double db) {
        return new InsertSettings("eq", true, Map.of("lowHz", 100.0, "lowDb", 0.0, "midHz", hz, "midQ", q, "midDb", db,
                "highHz", 8000.0, "highDb", 0.0));
    }

    private static void compressor(StemFeatures f, StemRole role, List<InsertSettings> inserts, List<Decision> decisions) {
        RoleDynamics d = DYNAMICS.get(role);
        if (f.peakP80Db() < -100) {
            return;
        }
        double threshold = Math.round((f.peakP80Db() - d.thresholdBelowPeaksDb()) * 10) / 10.0;
        inserts.add(new InsertSettings("compressor", true, Map.of("thresholdDb", threshold, "ratio", d.ratio(),
                "attackMs", d.attackMs(), "releaseMs", d.releaseMs(), "makeupDb", 0.0)));
        decisions.add(new Decision(String.format(Locale.ROOT, "compressor %.0f:1 from %.1f dBFS, attack %.0f ms, release %.0f ms",
                d.ratio(), threshold, d.attackMs(), d.releaseMs()), String.format(Locale.ROOT,
                "%s: %s; the threshold sits %.0f dB under the level its peaks exceed 20%% of the time (%.1f dBFS)",
                role.key(), switch (role) {
                    case DRUMS -> "fast attack and release to even out hits without dulling them";
                    case BASS -> "a steady level under the whole song";
                    case LEAD -> "a constant presence in front of the mix";
                    case KEYS -> "gentle, to keep the chords' dynamics";
                    case GUITARS -> "moderate, to keep strums even";
                    case OTHER -> "light, to tame the loudest moments";
                }, d.thresholdBelowPeaksDb(), f.peakP80Db())));
    }

    /**
     * Bass, kick, lead and anything mostly low stay centred; the other stems go left and right in
     * turn, ordered by spectral centroid so that neighbours in frequency end up on opposite sides,
     * at most 0.7 (0.3 for stereo stems, which are wide already) so the mono sum keeps them.
     */
    private static double[] pans(List<Stem> stems, StemFeatures[] f, StemRole[] roles, MixPreset preset,
                                 List<List<Decision>> decisions) {
        int n = f.length;
        double[] pans = new double[n];
        List<Integer> spread = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String why;
            if (preset.monoSafe()) {
                why = "the " + preset.name() + " preset is mono-safe";
            } else if (roles[i] == StemRole.BASS || roles[i] == StemRole.LEAD) {
                why = roles[i].key() + " stays in the centre";
            } else if (roles[i] == StemRole.DRUMS && (f[i].lowShare() >= 0.3 || f[i].centroidHz() < 3000)) {
                why = "kick, snare and full drum stems stay in the centre";
            } else if (f[i].centroidHz() < 200) {
                why = "its energy is mostly low, which belongs in the centre";
            } else {
                spread.add(i);
                continue;
            }
            decisions.get(i).add(new Decision("pan centre", why));
        }
        spread.sort(Comparator.comparingDouble((Integer i) -> f[i].centroidHz()).thenComparingInt(i -> i));
        double[] positions = {0.35, 0.55, 0.7};
        for (int k = 0; k < spread.size(); k++) {
            int i = spread.get(k);
            double position = positions[Math.min(positions.length - 1, k / 2)];
            if (stems.get(i).samples().length == 2) {
                position = Math.min(position, 0.3);
            }
            pans[i] = k % 2 == 0 ? -position : position;
            decisions.get(i).add(new Decision(String.format(Locale.ROOT, "pan %s %.0f%%", pans[i] < 0 ? "left" : "right",
                    100 * Math.abs(pans[i])), String.format(Locale.ROOT,
                    "width for %s (centroid %.0f Hz), opposite its neighbour in frequency, within 70%% for mono compatibility",
                    roles[i].key(), f[i].centroidHz())));
        }
        return pans;
    }

    /** Puts the decisions in the order the user reads a strip: role, filters, dynamics, fader, pan. */
    private static List<Decision> orderDecisions(List<Decision> decisions) {
        List<Decision> ordered = new ArrayList<>();
        for (String prefix : new String[] {"role", "high-pass", "EQ", "compressor", "fader", "pan"}) {
            for (Decision d : decisions) {
                if (d.what().startsWith(prefix)) {
                    ordered.add(d);
                }
            }
        }
        return ordered;
    }

    /**
     * The stem through its inserts as the engine plays it: mono plays on both sides, so a mono stem
     * is processed once (the processors treat identical channels identically) and both channels share it.
     */
    static float[][] processStem(Stem stem, List<InsertSettings> inserts, int rate) {
        float[][] x = new float[stem.samples().length][];
        for (int c = 0; c < x.length; c++) {
            x[c] = stem.samples()[c].clone();
        }
        List<String> warnings = new ArrayList<>();
        for (InsertSettings s : inserts) {
            Optional<AudioProcessor> p = InsertFactory.create(s, stem.name(), warnings);
            if (p.isPresent()) {
                p.get().prepare(rate, BLOCK_HINT, x.length);
                p.get().process(x, x[0].length);
            }
        }
        return x;
    }

    /** Integrated loudness of a processed stem as the engine's stereo strip carries it (mono doubled: +3.01 dB). */
    private static double loudnessAsStereo(float[][] x, int rate) {
        double lufs = LoudnessMeter.integratedLufs(x, rate);
        return x.length == 1 ? lufs + PAN_LAW_DB : lufs;
    }

    /** Adds a processed stem through fader and pan, with the float gains ChannelStrip uses. */
    private static void addToMix(float[][] x, double gainDb, double pan, float[][] sum) {
        float left = (float) (Decibels.toGain(gainDb) * PanLaw.left(pan));
        float right = (float) (Decibels.toGain(gainDb) * PanLaw.right(pan));
        float[] l = x[0];
        float[] r = x.length > 1 ? x[1] : x[0];
        for (int i = 0; i < l.length; i++) {
            sum[0][i] += l[i] * left;
            sum[1][i] += r[i] * right;
        }
    }

    private record MasterOutcome(MixerSettings mixer, List<Decision> decisions, float[][] mix, LoudnessResult loudness,
                                 double target, double ceiling) {
    }

    private static MasterOutcome master(float[][] sum, int rate, Options options, Progress progress)
            throws CancelledException {
        MixPreset preset = options.preset();
        Optional<ReferenceProfile> reference = options.reference();
        double target = reference.map(ReferenceProfile::integratedLufs).orElse(preset.integratedLufs());
        target = Math.max(-40, Math.min(-5, target));
        double ceiling = preset.truePeakDbtp();
        List<InsertSettings> inserts = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<InsertSettings> preGain = new ArrayList<>();

        if (preset.glueRatio() > 1.01) {
            double p80 = StemAnalyzer.peakPercentileDb(sum, rate, 0.8);
            double threshold = Math.round((p80 - preset.glueReductionDb() / (1 - 1 / preset.glueRatio())) * 10) / 10.0;
            preGain.add(new InsertSettings("compressor", true, Map.of("thresholdDb", threshold, "ratio", preset.glueRatio(),
                    "attackMs", 30.0, "releaseMs", 250.0, "makeupDb", 0.0)));
            decisions.add(new Decision(String.format(Locale.ROOT, "glue compressor %.1f:1 from %.1f dBFS, attack 30 ms, release 250 ms",
                    preset.glueRatio(), threshold), String.format(Locale.ROOT,
                    "about %.1f dB off the loudest passages binds the stems together (the %s preset)",
                    preset.glueReductionDb(), preset.name())));
        }
        float[][] glued = sum;
        if (!preGain.isEmpty()) {
            glued = runInserts(sum, preGain, rate);
        }
        double[] bands = OctaveBands.levels(OctaveBands.mono(glued), rate);
        double lowTarget = preset.lowTiltDb();
        double highTarget = preset.highTiltDb();
        String towards = "the " + preset.name() + " preset's tonal balance";
        if (reference.isPresent()) {
            double[] ref = reference.get().bandsDb();
            lowTarget = lowTilt(ref);
            highTarget = highTilt(ref);
            towards = "the reference " + reference.get().name() + "'s tonal balance";
        }
        double lowDb = clampHalf(lowTarget - lowTilt(bands));
        double highDb = clampHalf(highTarget - highTilt(bands));
        double midHz = 1000;
        double midDb = 0;
        if (reference.isPresent()) {
            double[] ref = reference.get().bandsDb();
            double mid = midLevel(bands);
            double refMid = midLevel(ref);
            int worst = -1;
            for (int b = 3; b <= 7; b++) {
                double deviation = (ref[b] - refMid) - (bands[b] - mid);
                if (worst < 0 || Math.abs(deviation) > Math.abs((ref[worst] - refMid) - (bands[worst] - mid))) {
                    worst = b;
                }
            }
            midHz = OctaveBands.CENTRES[worst];
            midDb = clampHalf((ref[worst] - refMid) - (bands[worst] - mid));
        }
        if (Math.abs(lowDb) >= 0.5 || Math.abs(highDb) >= 0.5 || Math.abs(midDb) >= 0.5) {
            InsertSettings eq = new InsertSettings("eq", true, Map.of("lowHz", 120.0, "lowDb", lowDb, "midHz", midHz,
                    "midQ", 0.7, "midDb", midDb, "highHz", 6000.0, "highDb", highDb));
            preGain.add(eq);
            glued = runInserts(glued, List.of(eq), rate);
            decisions.add(new Decision(String.format(Locale.ROOT, "tonal EQ low shelf %+.1f dB at 120 Hz, %+.1f dB at %s, high shelf %+.1f dB at 6 kHz",
                    lowDb, midDb, hz(midHz), highDb), String.format(Locale.ROOT,
                    "half the way towards %s (lows %+.1f dB, highs %+.1f dB against the mids; the mix had %+.1f and %+.1f)",
                    towards, lowTarget, highTarget, lowTilt(bands), highTilt(bands))));
        }
        if (reference.isPresent()) {
            double mixWidth = sideOverMid(glued);
            double refWidth = reference.get().stereoWidth();
            if (mixWidth > 1e-6) {
                double width = Math.round(Math.max(0.5, Math.min(1.5, Math.sqrt(refWidth / mixWidth))) * 100) / 100.0;
                if (Math.abs(width - 1) >= 0.05) {
                    InsertSettings w = new InsertSettings("width", true, Map.of("width", width));
                    preGain.add(w);
                    glued = runInserts(glued, List.of(w), rate);
                    decisions.add(new Decision(String.format(Locale.ROOT, "stereo width %.0f%%", 100 * width),
                            String.format(Locale.ROOT, "the reference's side-to-mid energy is %.3f, the mix's %.3f",
                                    refWidth, mixWidth)));
                }
            }
        }
        inserts.addAll(preGain);
        progress.update(0.3, "setting the loudness");
        double before = LoudnessMeter.integratedLufs(glued, rate);
        double gainDb = Double.isFinite(before) ? target - before + limiterLoss(glued, target - before, ceiling, rate) : 0;
        InsertSettings limiter = new InsertSettings("limiter", true, Map.of("ceilingDb", ceiling, "releaseMs", 50.0));
        float[][] out = null;
        double previousGain = Double.NaN;
        double previousLufs = Double.NaN;
        for (int pass = 0; pass < MAX_LOUDNESS_PASSES; pass++) {
            progress.checkCancelled();
            gainDb = Math.max(-60, Math.min(40, gainDb));
            out = limited(glued, gainDb, ceiling, rate);
            double lufs = LoudnessMeter.integratedLufs(out, rate);
            double miss = target - lufs;
            if (!Double.isFinite(miss) || Math.abs(miss) <= LOUDNESS_TOLERANCE_LU || pass == MAX_LOUDNESS_PASSES - 1) {
                break;
            }
            // The limiter makes loudness grow slower than the gain: a secant step learns by how much.
            double slope = Double.isNaN(previousGain) || Math.abs(gainDb - previousGain) < 1e-6 ? 1.0
                    : Math.max(0.1, Math.min(1.0, (lufs - previousLufs) / (gainDb - previousGain)));
            previousGain = gainDb;
            previousLufs = lufs;
            gainDb += miss / slope;
            progress.update(0.3 + 0.7 * (pass + 1) / MAX_LOUDNESS_PASSES, "setting the loudness");
        }
        LoudnessResult measured = LoudnessMeter.measure(out, rate);
        inserts.add(new InsertSettings("gain", true, Map.of("gainDb", gainDb)));
        inserts.add(limiter);
        decisions.add(new Decision(String.format(Locale.ROOT, "loudness gain %+.2f dB", gainDb), String.format(Locale.ROOT,
                "brings the mix from %.1f LUFS to the target %.1f LUFS%s, measured after the limiter", before, target,
                reference.isPresent() ? " (the reference's loudness)" : " (" + preset.name() + ")")));
        decisions.add(new Decision(String.format(Locale.ROOT, "true-peak limiter at %.1f dBTP", ceiling),
                String.format(Locale.ROOT, "no true peak may cross %.1f dBTP; the mix peaks at %.2f dBTP", ceiling,
                        measured.truePeakDbtp())));
        MixerSettings mixer = new MixerSettings(0, 0, false, false, inserts);
        return new MasterOutcome(mixer, decisions, out, measured, target, ceiling);
    }

    private static double clampHalf(double difference) {
        return Math.round(Math.max(-3, Math.min(3, difference / 2)) * 10) / 10.0;
    }

    private static double midLevel(double[] bands) {
        return (bands[4] + bands[5] + bands[6]) / 3;
    }

    static double lowTilt(double[] bands) {
        return (bands[1] + bands[2]) / 2 - midLevel(bands);
    }

    static double highTilt(double[] bands) {
        return (bands[7] + bands[8]) / 2 - midLevel(bands);
    }

    static double sideOverMid(float[][] x) {
        if (x.length < 2) {
            return 0;
        }
        double mid = 0;
        double side = 0;
        for (int i = 0; i < x[0].length; i++) {
            double m = (x[0][i] + x[1][i]) * 0.5;
            double s = (x[0][i] - x[1][i]) * 0.5;
            mid += m * m;
            side += s * s;
        }
        return mid <= 0 ? 0 : side / mid;
    }

    private static float[][] runInserts(float[][] x, List<InsertSettings> inserts, int rate) {
        float[][] y = {x[0].clone(), x[1].clone()};
        List<String> warnings = new ArrayList<>();
        for (InsertSettings s : inserts) {
            InsertFactory.create(s, "master", warnings).ifPresent(p -> {
                p.prepare(rate, BLOCK_HINT, 2);
                p.process(y, y[0].length);
            });
        }
        return y;
    }

    /**
     * How much loudness the limiter will take at this gain, estimated on excerpts (every tenth
     * pair of seconds) when the mix is long, so the passes over the whole mix usually end after
     * one: each pass costs a true-peak detection of every sample.
     */
    private static double limiterLoss(float[][] x, double gainDb, double ceiling, int rate) {
        int frames = x[0].length;
        int chunk = 2 * rate;
        int stride = 10 * chunk;
        if (frames < 3 * stride) {
            return 0;
        }
        int chunks = frames / stride;
        float[][] excerpt = new float[2][chunks * chunk];
        for (int k = 0; k < chunks; k++) {
            int from = k * stride + (stride - chunk) / 2;
            System.arraycopy(x[0], from, excerpt[0], k * chunk, chunk);
            System.arraycopy(x[1], from, excerpt[1], k * chunk, chunk);
        }
        double plain = LoudnessMeter.integratedLufs(excerpt, rate);
        if (!Double.isFinite(plain)) {
            return 0;
        }
        double loss = 0;
        for (int pass = 0; pass < 3; pass++) {
            double limitedLufs = LoudnessMeter.integratedLufs(limited(excerpt, gainDb + loss, ceiling, rate), rate);
            double next = plain + gainDb + loss - limitedLufs;
            if (!Double.isFinite(next) || Math.abs(next - loss) < 0.02) {
                return Double.isFinite(next) ? next : loss;
            }
            loss = next;
        }
        return loss;
    }

    /** The loudness gain and the limiter over the mix, with the limiter's look-ahead dropped as the offline renderer does. */
    private static float[][] limited(float[][] x, double gainDb, double ceiling, int rate) {
        int frames = x[0].length;
        AudioProcessor gain = InsertFactory.create(new InsertSettings("gain", true, Map.of("gainDb", gainDb)), "master",
                new ArrayList<>()).orElseThrow();
        AudioProcessor limiter = InsertFactory.create(new InsertSettings("limiter", true,
                Map.of("ceilingDb", ceiling, "releaseMs", 50.0)), "master", new ArrayList<>()).orElseThrow();
        limiter.prepare(rate, BLOCK_HINT, 2);
        int latency = limiter.latencyFrames();
        float[][] y = {Arrays.copyOf(x[0], frames + latency), Arrays.copyOf(x[1], frames + latency)};
        gain.prepare(rate, BLOCK_HINT, 2);
        gain.process(y, frames + latency);
        limiter.process(y, frames + latency);
        return new float[][] {Arrays.copyOfRange(y[0], latency, latency + frames),
                Arrays.copyOfRange(y[1], latency, latency + frames)};
    }
}
