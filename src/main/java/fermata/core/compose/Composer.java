package fermata.core.compose;

import fermata.core.edit.AddMidiClip;
import fermata.core.edit.AddNotes;
import fermata.core.edit.AddTrack;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.edit.RemoveNotes;
import fermata.core.model.Ids;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Composition on a project with a causal TCN: generate new tracks, continue a selection, infill a
 * selection from what comes before and after it, harmonize a melody, and regenerate some tracks
 * while others stay locked. Every operation is one region of steps resampled with some cells fixed
 * (the music around the region, the locked tracks, the melody): the model samples the region step by
 * step from the left; when music follows the region, each alternative is the best of
 * {@link #CANDIDATES} samples by the likelihood the model gives to the steps after it (ADR 0081).
 * Each alternative arrives as one {@link EditCommand}, so accepting it is one undo step.
 * Not thread-safe (the model is not).
 */
public final class Composer {
    /** Samples drawn per alternative when music follows the region; the one that best leads into it is kept. */
    public static final int CANDIDATES = 4;
    private static final int VELOCITY = 80;
    private static final int FREE = -1;

    private final TcnModel model;

    public Composer(TcnModel model) {
        this.model = model;
    }

    public TcnModel model() {
        return model;
    }

    /**
     * Tracks and a time range chosen in the editor.
     *
     * @param trackIds the selected tracks, in project order
     * @param fromTick start of the range (inclusive)
     * @param toTick end of the range (exclusive)
     */
    public record Selection(List<String> trackIds, long fromTick, long toTick) {
        public Selection {
            trackIds = List.copyOf(trackIds);
            if (fromTick < 0 || toTick <= fromTick) {
                throw new IllegalArgumentException("a selection needs 0 <= from < to, was " + fromTick + ".." + toTick);
            }
        }
    }

    /**
     * One proposal.
     *
     * @param index 0-based position in the list of alternatives
     * @param seed the sampler seed it came from
     * @param score log-likelihood (nats) of the music after the region given this proposal; 0 when nothing follows
     * @param notes new notes per track id (absolute ticks), existing tracks and new ones alike
     * @param edit the whole change as one command: notes replaced in the region, new tracks or clips added
     */
    public record Alternative(int index, long seed, double score, Map<String, List<Note>> notes, EditCommand edit) {
        public Alternative {
            notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        }

        /** The project as it would be with this alternative accepted. */
        public Project preview(Project base) {
            return edit.apply(base);
        }

        public int noteCount() {
            return notes.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * New music from {@code startTick} for {@code request.bars()} bars in new tracks (one per voice
     * for a one-track model, one per model track otherwise). The project's music is not used.
     */
    public List<Alternative> generate(Project project, long startTick, GenerationRequest request, int alternatives, Progress progress)
            throws CancelledException {
        int voices = format().tracks() == 1 ? request.voices() : format().tracks();
        List<Target> targets = new ArrayList<>();
        for (int v = 0; v < voices; v++) {
            targets.add(Target.fresh(format().tracks() == 1 ? 0 : v));
        }
        Plan plan = new Plan("Generate " + request.bars() + " bars", List.of(), targets, startTick,
                startTick + request.bars() * request.meter().ticksPerBar(), false, null);
        return compose(project, plan, request, alternatives, progress);
    }

    /**
     * New bars after a selection, in its tracks, from the music of those tracks up to the selection's
     * end (and the other tracks, which stay as they are). Notes of the selected tracks that start in
     * the new bars are replaced.
     */
    public List<Alternative> continueSelection(Project project, Selection selection, GenerationRequest request, int alternatives,
                                               Progress progress) throws CancelledException {
        long to = selection.toTick() + request.bars() * request.meter().ticksPerBar();
        Plan plan = new Plan("Continue " + request.bars() + " bars", pitchedTracks(project), targets(project, selection.trackIds()),
                selection.toTick(), to, false, null);
        return compose(project, plan, request, alternatives, progress);
    }

    /**
     * Regenerates the selected range of the selected tracks except {@code locked} ones, from the music
     * before and after it and from every other track, which stays fixed. Nothing outside the range changes.
     */
    public List<Alternative> infill(Project project, Selection selection, Set<String> locked, GenerationRequest request,
                                    int alternatives, Progress progress) throws CancelledException {
        List<String> regenerated = selection.trackIds().stream().filter(id -> !locked.contains(id)).toList();
        if (regenerated.isEmpty()) {
            throw new IllegalArgumentException("every selected track is locked: nothing to regenerate");
        }
        Plan plan = new Plan("Infill", pitchedTracks(project), targets(project, regenerated), selection.fromTick(),
                selection.toTick(), true, null);
        return compose(project, plan, request, alternatives, progress);
    }

    /**
     * Voices under a melody over a range: the melody track stays as it is and the new voices, in new
     * tracks, are generated below it ({@code request.voices() - 1} of them for a one-track model,
     * the model's other tracks otherwise).
     */
    public List<Alternative> harmonize(Project project, String melodyTrackId, long fromTick, long toTick, GenerationRequest request,
                                       int alternatives, Progress progress) throws CancelledException {
        MidiTrack melody = project.midiTrack(melodyTrackId);
        int voices = format().tracks() == 1 ? Math.max(1, request.voices() - 1) : format().tracks() - 1;
        List<Target> targets = new ArrayList<>();
        for (int v = 0; v < voices; v++) {
            targets.add(Target.fresh(format().tracks() == 1 ? 0 : v + 1));
        }
        Plan plan = new Plan("Harmonize", List.of(melody), targets, fromTick, toTick, true, melodyTrackId);
        return compose(project, plan, request, alternatives, progress);
    }

    /**
     * An alternative that adds music from elsewhere (the GAN) as new tracks, one per roll track, its
     * step 0 at {@code startTick}.
     */
    public static Alternative newTracks(Project project, Generated music, long startTick, int index, long seed, String label) {
        Set<String> taken = new HashSet<>();
        Set<Integer> channels = new HashSet<>();
        for (Track t : project.tracks()) {
            taken.add(t.id());
            if (t instanceof MidiTrack m) {
                channels.add(m.instrument().channel());
            }
        }
        long length = music.roll().steps() * music.roll().format().ticksPerStep();
        Map<String, List<Note>> notesByTrack = new LinkedHashMap<>();
        List<EditCommand> edits = new ArrayList<>();
        for (int t = 0; t < music.roll().format().tracks(); t++) {
            int channel = freeChannel(channels);
            channels.add(channel);
            String trackId = Ids.fresh("track", taken);
            String clipId = Ids.fresh("clip", taken);
            taken.add(trackId);
            taken.add(clipId);
            MidiTrack created = new MidiTrack(trackId, "AI " + (t + 1), Instrument.PIANO.withChannel(channel), MixerSettings.UNITY,
                    List.of(new MidiClip(clipId, startTick, length, music.roll().toNotes(t, 0, VELOCITY, channel))));
            edits.add(new AddTrack(created, project.tracks().size() + t));
            notesByTrack.put(trackId, music.roll().toNotes(t, startTick, VELOCITY, channel));
        }
        return new Alternative(index, seed, 0, notesByTrack, new CompoundEdit(label, edits));
    }

    private RollFormat format() {
        return model.format();
    }

    /** A track that receives notes: an existing one (id set) or a new one; {@code modelTrack} is its track in the roll. */
    private record Target(String trackId, int modelTrack) {
        static Target fresh(int modelTrack) {
            return new Target(null, modelTrack);
        }
    }

    /**
     * @param context pitched tracks whose music conditions the region (targets' notes inside the region are left out)
     * @param useRight whether music after the region scores the candidates
     * @param melodyTrackId in a one-track model, no generated pitch may sound above this track's
     */
    private record Plan(String label, List<MidiTrack> context, List<Target> targets, long fromTick, long toTick, boolean useRight,
                        String melodyTrackId) {
    }

    private static List<MidiTrack> pitchedTracks(Project project) {
        List<MidiTrack> result = new ArrayList<>();
        for (Track t : project.tracks()) {
            if (t instanceof MidiTrack m && !m.instrument().isDrums()) {
                result.add(m);
            }
        }
        return result;
    }

    private List<Target> targets(Project project, List<String> trackIds) {
        List<MidiTrack> pitched = pitchedTracks(project);
        List<Target> result = new ArrayList<>();
        for (String id : trackIds) {
            MidiTrack track = project.midiTrack(id);
            if (track.instrument().isDrums()) {
                throw new IllegalArgumentException("track " + track.name() + " is a drum track; the model writes pitches");
            }
            int index = pitched.indexOf(track);
            int modelTrack = format().tracks() == 1 ? 0 : index;
            if (modelTrack >= format().tracks()) {
                throw new IllegalArgumentException("track " + track.name() + " is pitched track " + (index + 1) + " but the model writes "
                        + format().tracks());
            }
            result.add(new Target(id, modelTrack));
        }
        return result;
    }

    private List<Alternative> compose(Project project, Plan plan, GenerationRequest request, int alternatives, Progress progress)
            throws CancelledException {
        if (alternatives < 1 || alternatives > 16) {
            throw new IllegalArgumentException("alternatives must be in 1..16, was " + alternatives);
        }
        RollFormat format = format();
        long tps = format.ticksPerStep();
        int from = (int) Math.round((double) plan.fromTick() / tps);
        int to = Math.max(from + 1, (int) Math.round((double) plan.toTick() / tps));
        Set<String> targetIds = new HashSet<>();
        for (Target t : plan.targets()) {
            if (t.trackId() != null) {
                targetIds.add(t.trackId());
            }
        }
        int window = model.card().tcn().receptiveField();

        // The context: every context track at its model track, targets' notes inside the region left out.
        List<List<Note>> byModelTrack = new ArrayList<>();
        for (int m = 0; m < format.tracks(); m++) {
            byModelTrack.add(new ArrayList<>());
        }
        List<MidiTrack> pitched = pitchedTracks(project);
        long end = plan.toTick();
        for (MidiTrack track : plan.context()) {
            int modelTrack = format.tracks() == 1 ? 0 : pitched.indexOf(track);
            if (modelTrack < 0 || modelTrack >= format.tracks()) {
                continue;
            }
            for (MidiClip clip : track.clips()) {
                for (Note n : clip.notes()) {
                    Note absolute = n.withStart(clip.startTick() + n.startTick());
                    boolean replaced = targetIds.contains(track.id()) && absolute.startTick() >= from * tps && absolute.startTick() < to * tps;
                    if (!replaced) {
                        byModelTrack.get(modelTrack).add(absolute);
                        end = Math.max(end, absolute.endTick());
                    }
                }
            }
        }
        int total = Math.max(to, PianoRoll.stepsFor(end, format));
        int right = plan.useRight() ? Math.min(window, total - to) : 0;
        total = to + right;
        PianoRoll context = PianoRoll.fromNotes(byModelTrack, format, total);

        MusicalKey key = request.key();
        boolean contextHasNotes = byModelTrack.stream().anyMatch(l -> !l.isEmpty());
        if (key == null && contextHasNotes) {
            key = KeyEstimator.estimate(context.pitchClassHistogram());
        }
        int shift = key != null && model.card().keysInC() ? (key.tonic() <= 6 ? key.tonic() : key.tonic() - 12) : 0;
        PianoRoll modelContext = context.transposed(-shift).orElse(null);
        if (modelContext == null) {
            shift = 0;
            modelContext = context;
        }
        MusicalKey modelKey = key == null ? MusicalKey.C_MAJOR : new MusicalKey(Math.floorMod(key.tonic() - shift, 12), key.minor());

        int width = format.featuresPerStep();
        boolean[] allowed = new boolean[width];
        boolean[] writes = new boolean[format.tracks()];
        for (Target t : plan.targets()) {
            writes[t.modelTrack()] = true;
        }
        for (int track = 0; track < format.tracks(); track++) {
            for (int channel = 0; channel < format.channels(); channel++) {
                for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
                    int target = pitch + shift;
                    allowed[format.featureIndex(track, channel, pitch)] = writes[track] && format.contains(target)
                            && request.inRange(target) && (key == null || key.inScale(target));
                }
            }
        }
        float[][] known = new float[total][];
        for (int t = 0; t < total; t++) {
            known[t] = modelContext.stepVector(t);
        }
        int[][] forced = forcedCells(project, plan, modelContext, known, from, to, writes, shift);

        List<Alternative> result = new ArrayList<>();
        for (int a = 0; a < alternatives; a++) {
            long seed = request.seed() + a;
            int candidates = right > 0 ? CANDIDATES : 1;
            float[][] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates; c++) {
                progress.checkCancelled();
                progress.update((a + (double) c / candidates) / alternatives, "alternative " + (a + 1) + " of " + alternatives);
                float[][] sequence = sample(known, forced, allowed, from, to, modelKey, request, new Random(seed * 1_000_003L + c));
                double score = right > 0 ? rightLikelihood(sequence, to, right, modelKey) : 0;
                if (best == null || score > bestScore) {
                    best = sequence;
                    bestScore = score;
                }
            }
            result.add(alternative(project, plan, a, seed, bestScore == Double.NEGATIVE_INFINITY ? 0 : bestScore, best, forced,
                    from, to, shift));
        }
        progress.update(1, plan.label() + ": " + alternatives + " alternative(s)");
        return result;
    }

    /**
     * Per region step and feature: 0 or 1 when fixed, {@link #FREE} when the model samples it. Cells
     * of model tracks nobody writes keep the context; in a one-track model the context's notes in the
     * region are kept (they belong to other tracks) and, when harmonizing, nothing sounds above the melody.
     */
    private int[][] forcedCells(Project project, Plan plan, PianoRoll modelContext, float[][] known, int from, int to,
                                boolean[] writes, int shift) {
        RollFormat format = format();
        int width = format.featuresPerStep();
        int[][] forced = new int[to - from][width];
        PianoRoll melody = null;
        if (plan.melodyTrackId() != null && format.tracks() == 1) {
            List<Note> notes = new ArrayList<>();
            for (MidiClip clip : project.midiTrack(plan.melodyTrackId()).clips()) {
                for (Note n : clip.notes()) {
                    notes.add(n.withStart(clip.startTick() + n.startTick()));
                }
            }
            melody = PianoRoll.fromNotes(List.of(notes), format, to).transposed(-shift).orElse(null);
        }
        for (int t = from; t < to; t++) {
            int[] row = forced[t - from];
            int top = Integer.MAX_VALUE;
            if (melody != null) {
                List<Integer> sounding = melody.soundingPitches(0, t);
                if (!sounding.isEmpty()) {
                    top = sounding.get(sounding.size() - 1);
                }
            }
            for (int track = 0; track < format.tracks(); track++) {
                for (int channel = 0; channel < format.channels(); channel++) {
                    for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
                        int f = format.featureIndex(track, channel, pitch);
                        boolean on = known[t][f] > 0.5f;
                        if (!writes[track]) {
                            row[f] = on ? 1 : 0;
                        } else if (on) {
                            row[f] = 1;
                        } else if (pitch >= top) {
                            row[f] = 0;
                        } else {
                            row[f] = FREE;
                        }
                    }
                }
            }
        }
        return forced;
    }

    /** The context with the region's free cells sampled step by step from the left. */
    private float[][] sample(float[][] known, int[][] forced, boolean[] allowed, int from, int to, MusicalKey modelKey,
                             GenerationRequest request, Random random) {
        RollFormat format = format();
        int width = format.featuresPerStep();
        float[][] sequence = new float[known.length][];
        for (int t = 0; t < known.length; t++) {
            sequence[t] = known[t].clone();
        }
        int window = model.card().tcn().receptiveField();
        double bias = 8 * (request.density() - 0.5);
        for (int t = from; t < to; t++) {
            int first = Math.max(0, t - window + 1);
            float[] probabilities = model.predictLast(input(sequence, first, t + 1, modelKey));
            float[] next = new float[width];
            int[] row = forced[t - from];
            for (int f = 0; f < width; f++) {
                if (row[f] != FREE) {
                    next[f] = row[f];
                } else if (allowed[f] && TcnGenerator.sample(probabilities[f], bias, request.temperature(), random)) {
                    next[f] = 1;
                }
            }
            if (format.onsets()) {
                TcnGenerator.dropOnsetsWithoutHold(next, format);
            }
            sequence[t] = next;
        }
        return sequence;
    }

    /**
     * The model's input for output columns {@code first..last-1}: column j holds step j - 1 (a silent
     * step before step 0), plus the key one-hot when the model is key-conditioned.
     */
    private INDArray input(float[][] sequence, int first, int last, MusicalKey modelKey) {
        int width = format().featuresPerStep();
        INDArray input = TcnModel.zeros(model.inputWidth(), last - first);
        for (int j = first; j < last; j++) {
            if (j > 0) {
                float[] step = sequence[j - 1];
                for (int f = 0; f < width; f++) {
                    if (step[f] != 0) {
                        input.putScalar(0, f, j - first, step[f]);
                    }
                }
            }
            if (model.card().tcn().keyConditioned()) {
                input.putScalar(0, width + modelKey.index(), j - first, 1f);
            }
        }
        return input;
    }

    /** log P(steps to..to+right-1 | everything before them): how well a proposal leads into the music after it. */
    private double rightLikelihood(float[][] sequence, int to, int right, MusicalKey modelKey) {
        int window = model.card().tcn().receptiveField();
        int first = Math.max(0, to - window + 1);
        int last = to + right;
        float[] out = model.output(input(sequence, first, last, modelKey));
        int columns = last - first;
        int width = format().featuresPerStep();
        double logLikelihood = 0;
        for (int t = to; t < last; t++) {
            for (int f = 0; f < width; f++) {
                logLikelihood += FrameNll.term(out[f * columns + (t - first)], sequence[t][f] > 0.5f);
            }
        }
        return logLikelihood;
    }

    private Alternative alternative(Project project, Plan plan, int index, long seed, double score, float[][] sequence, int[][] forced,
                                    int from, int to, int shift) {
        RollFormat format = format();
        int width = format.featuresPerStep();
        float[][] generated = new float[to - from][width];
        for (int t = from; t < to; t++) {
            for (int f = 0; f < width; f++) {
                if (forced[t - from][f] == FREE) {
                    generated[t - from][f] = sequence[t][f];
                }
            }
        }
        PianoRoll roll = PianoRoll.fromStepVectors(generated, format).transposed(shift)
                .orElseThrow(() -> new IllegalStateException("masked generation left the pitch range"));
        long fromTick = from * format.ticksPerStep();
        long toTick = to * format.ticksPerStep();

        Map<Integer, List<Target>> byModelTrack = new LinkedHashMap<>();
        for (Target t : plan.targets()) {
            byModelTrack.computeIfAbsent(t.modelTrack(), k -> new ArrayList<>()).add(t);
        }
        Set<String> taken = new HashSet<>();
        Set<Integer> channels = new HashSet<>();
        for (Track t : project.tracks()) {
            taken.add(t.id());
            if (t instanceof MidiTrack m) {
                channels.add(m.instrument().channel());
                m.clips().forEach(c -> taken.add(c.id()));
            }
        }
        Map<String, List<Note>> notesByTrack = new LinkedHashMap<>();
        List<EditCommand> edits = new ArrayList<>();
        int newTracks = 0;
        for (Map.Entry<Integer, List<Target>> group : byModelTrack.entrySet()) {
            List<Target> targets = group.getValue();
            PianoRoll voices = roll;
            int modelTrack = group.getKey();
            if (targets.size() > 1) {
                voices = Voices.split(roll, targets.size());
            }
            for (int v = 0; v < targets.size(); v++) {
                Target target = targets.get(v);
                int track = targets.size() > 1 ? v : modelTrack;
                if (target.trackId() == null) {
                    int channel = freeChannel(channels);
                    channels.add(channel);
                    List<Note> notes = voices.toNotes(track, 0, VELOCITY, channel);
                    String trackId = Ids.fresh("track", taken);
                    String clipId = Ids.fresh("clip", taken);
                    taken.add(trackId);
                    taken.add(clipId);
                    newTracks++;
                    MidiTrack created = new MidiTrack(trackId, "AI " + newTracks, Instrument.PIANO.withChannel(channel), MixerSettings.UNITY,
                            List.of(new MidiClip(clipId, fromTick, toTick - fromTick, notes)));
                    edits.add(new AddTrack(created, project.tracks().size() + newTracks - 1));
                    notesByTrack.put(trackId, voices.toNotes(track, fromTick, VELOCITY, channel));
                } else {
                    MidiTrack existing = project.midiTrack(target.trackId());
                    int channel = existing.instrument().channel();
                    List<Note> notes = voices.toNotes(track, fromTick, VELOCITY, channel);
                    notesByTrack.put(existing.id(), notes);
                    edits.addAll(replaceInRange(existing, fromTick, toTick, notes, taken));
                }
            }
        }
        return new Alternative(index, seed, score, notesByTrack, new CompoundEdit(plan.label(), edits));
    }

    /** Removes the track's notes that start in the range and adds the new ones to a clip that spans it, or a new clip. */
    private static List<EditCommand> replaceInRange(MidiTrack track, long fromTick, long toTick, List<Note> notes, Set<String> taken) {
        List<EditCommand> edits = new ArrayList<>();
        MidiClip host = null;
        for (MidiClip clip : track.clips()) {
            List<Note> inRange = new ArrayList<>();
            for (Note n : clip.notes()) {
                long start = clip.startTick() + n.startTick();
                if (start >= fromTick && start < toTick) {
                    inRange.add(n);
                }
            }
            if (!inRange.isEmpty()) {
                edits.add(new RemoveNotes(track.id(), clip.id(), inRange));
            }
            if (host == null && clip.startTick() <= fromTick && clip.endTick() >= toTick) {
                host = clip;
            }
        }
        if (notes.isEmpty()) {
            return edits;
        }
        if (host != null) {
            long origin = host.startTick();
            edits.add(new AddNotes(track.id(), host.id(), notes.stream().map(n -> n.withStart(n.startTick() - origin)).toList()));
        } else {
            String clipId = Ids.fresh("clip", taken);
            taken.add(clipId);
            edits.add(new AddMidiClip(track.id(), new MidiClip(clipId, fromTick, toTick - fromTick,
                    notes.stream().map(n -> n.withStart(n.startTick() - fromTick)).toList())));
        }
        return edits;
    }

    private static int freeChannel(Set<Integer> used) {
        for (int c = 0; c < 16; c++) {
            if (c != Instrument.DRUM_CHANNEL && !used.contains(c)) {
                return c;
            }
        }
        return 0;
    }
}
