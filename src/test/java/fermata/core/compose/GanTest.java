package fermata.core.compose;

import fermata.core.model.Note;
import fermata.core.task.CancelledException;
import fermata.core.task.CancelledProgress;
import fermata.core.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bar GAN on a toy two-track corpus, and the MuseGAN metrics on rolls with known answers. */
class GanTest {
    /** Two tracks, quarter-note steps, C4..B4. */
    private static final RollFormat FORMAT = new RollFormat(1, 60, 12, 2, false);
    private static final GanArchitecture TINY = new GanArchitecture(8, 4, 16, 4, false);
    private static GanTrainer.Result trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        ComputeBackend.limitThreads(1);
        trained = GanTrainer.train(corpus(12), corpus(2), FORMAT, true, options(3), Progress.NONE);
    }

    private static GanTrainer.Options options(int epochs) {
        return GanTrainer.Options.defaults().withArchitecture(TINY).withEpochs(epochs).withBatchSize(8).withLearningRate(2e-3).withSeed(5);
    }

    /** A melody walking up the C major scale over a held C, four bars per piece. */
    private static Corpus corpus(int pieces) {
        int[] scale = {60, 62, 64, 65, 67, 69, 71};
        List<Piece> result = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            List<Note> melody = new ArrayList<>();
            List<Note> bass = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                melody.add(new Note(scale[(t + i) % scale.length], t * 960L, 960, 80, 0));
            }
            for (int bar = 0; bar < 4; bar++) {
                bass.add(new Note(60, bar * 3840L, 3840, 80, 1));
            }
            result.add(new Piece("toy-" + i, PianoRoll.fromNotes(List.of(melody, bass), FORMAT, 16), MusicalKey.C_MAJOR));
        }
        return new Corpus("toy", FORMAT, result);
    }

    @Test
    void metricsOfAKnownRoll() {
        // Track 0: a C major triad held through bar 1, bar 2 silent. Track 1: C in bar 1, D then E in bar 2.
        List<Note> chords = List.of(new Note(60, 0, 3840, 80, 0), new Note(64, 0, 3840, 80, 0), new Note(67, 0, 3840, 80, 0));
        List<Note> line = List.of(new Note(60, 0, 3840, 80, 1), new Note(62, 3840, 1920, 80, 1), new Note(64, 5760, 1920, 80, 1));
        MuseGanMetrics m = MuseGanMetrics.of(List.of(PianoRoll.fromNotes(List.of(chords, line), FORMAT, 8)), 4);

        assertEquals(2, m.bars());
        assertEquals(0.25, m.emptyBarRate(), 1e-12);
        assertEquals((3 + 1 + 2) / 3.0, m.usedPitchClasses(), 1e-12);
        assertEquals(4 / 12.0, m.polyphony(), 1e-12, "four of twelve sounding steps hold three pitches");
        assertEquals(1.0, m.qualifiedNoteRate(), 1e-12);
        double[] cMajor = new double[12];
        cMajor[0] = cMajor[4] = cMajor[7] = 4;
        double[] c = new double[12];
        c[0] = 4;
        assertEquals(MuseGanMetrics.tonalDistance(cMajor, c), m.tonalDistance(), 1e-12, "one pair, in bar 1");
        assertEquals(0, MuseGanMetrics.tonalDistance(cMajor, cMajor), 1e-12);
        assertTrue(m.tonalDistance() > 0.3);
    }

    @Test
    void aMonophonicTrackSoundsOnePitchPerStepWhenItsMassIsEnough() {
        GanArchitecture voices = new GanArchitecture(8, 4, 16, 4, true);
        int width = voices.barWidth(FORMAT);
        float[] p = new float[width];
        p[3] = 0.4f;
        p[5] = 0.3f;
        p[12 + 7] = 0.2f;
        p[12 + 8] = 0.1f;
        boolean[] all = new boolean[width];
        java.util.Arrays.fill(all, true);

        float[] likely = GanBars.decode(p, all, 0, 0, new java.util.Random(1), voices, FORMAT);
        assertEquals(1, likely[3], "step 0: mass 0.7, the most likely pitch");
        assertEquals(1.0, sum(likely), 1e-9, "step 1 has mass 0.3 and stays silent");
        float[] denser = GanBars.decode(p, all, 2, 0, new java.util.Random(1), voices, FORMAT);
        assertEquals(1, denser[12 + 7], "a density bias lets step 1 sound");
        boolean[] noThree = all.clone();
        noThree[3] = false;
        assertEquals(1, GanBars.decode(p, noThree, 1, 0, new java.util.Random(1), voices, FORMAT)[5], "the best allowed pitch");
        for (int seed = 0; seed < 50; seed++) {
            float[] sampled = GanBars.decode(p, all, 0, 1, new java.util.Random(seed), voices, FORMAT);
            assertTrue(sampled[3] + sampled[5] <= 1 && sampled[12 + 7] + sampled[12 + 8] <= 1, "one pitch per voice and step");
        }
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    @Test
    void trainingReportsEveryEpochAndKeepsTheClosestMetrics() {
        assertEquals(List.of(1, 2, 3), trained.epochs().stream().map(GanTrainer.EpochReport::epoch).toList());
        for (GanTrainer.EpochReport e : trained.epochs()) {
            assertTrue(Double.isFinite(e.discriminatorLoss()) && Double.isFinite(e.generatorLoss()) && e.stepsPerSecond() > 0);
        }
        double bestGap = trained.epochs().stream().mapToDouble(GanTrainer.EpochReport::validGap).min().orElseThrow();
        assertEquals(bestGap, trained.model().card().metrics().get(GanTrainer.METRIC_GAP), 1e-12);
        assertEquals(ModelCard.GAN, trained.model().card().architecture());
    }

    @Test
    void generatedBarsStayInKeyAndRangeAndFollowTheSeed() {
        GanGenerator generator = new GanGenerator(trained.model());
        GenerationRequest request = GenerationRequest.bars(4).withKey(MusicalKey.parse("G major")).withDensity(0.9).withSeed(3)
                .withPitchRange(64, 75);
        Generated music = generator.generate(request);

        assertEquals(16, music.roll().steps());
        int notes = 0;
        for (int track = 0; track < 2; track++) {
            for (Note n : music.roll().toNotes(track, 0, 80, 0)) {
                notes++;
                assertTrue(MusicalKey.parse("G major").inScale(n.pitch()), "pitch " + n.pitch());
                assertTrue(n.pitch() >= 64 && n.pitch() <= 75, "pitch " + n.pitch());
            }
        }
        assertTrue(notes > 0, "density 0.9 plays something");
        assertEquals(music.roll(), generator.generate(request).roll(), "same seed, same music");
        float[] condition = new float[TINY.conditionWidth(FORMAT)];
        float[][] one = trained.model().bars(new float[][] {{1, 0, 0, 0, 0, 0, 0, 0}}, new float[][] {condition});
        float[][] other = trained.model().bars(new float[][] {{0, 0, 0, 0, 0, 0, 0, -1}}, new float[][] {condition});
        assertNotEquals(java.util.Arrays.toString(one[0]), java.util.Arrays.toString(other[0]), "the noise reaches the bar");
    }

    @Test
    void aModelFileRoundTripsAndResumingEqualsTheStraightRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gan.zip");
        ModelFile.write(trained.model(), file);
        GanModel read = assertInstanceOf(GanModel.class, ModelFile.load(file));
        GenerationRequest request = GenerationRequest.bars(2).withSeed(9);
        assertEquals(new GanGenerator(trained.model()).generate(request).roll(), new GanGenerator(read).generate(request).roll());
        assertEquals(trained.model().card(), read.card());
        assertThrows(fermata.core.error.BadInputException.class, () -> ModelFile.read(file), "a GAN is not a TCN");

        Path checkpoints = dir.resolve("checkpoints");
        GanTrainer.train(corpus(4), null, FORMAT, true, options(2).withCheckpoints(checkpoints, false), Progress.NONE);
        GanTrainer.Result resumed = GanTrainer.train(corpus(4), null, FORMAT, true, options(3).withCheckpoints(checkpoints, true),
                Progress.NONE);
        GanTrainer.Result straight = GanTrainer.train(corpus(4), null, FORMAT, true, options(3), Progress.NONE);
        assertEquals(List.of(3), resumed.epochs().stream().map(GanTrainer.EpochReport::epoch).toList());
        assertEquals(straight.epochs().get(2).discriminatorLoss(), resumed.epochs().get(0).discriminatorLoss(), 1e-9,
                "epoch 3 after a resume trains as in the uninterrupted run");
        assertEquals(straight.epochs().get(2).generatorLoss(), resumed.epochs().get(0).generatorLoss(), 1e-9);
    }

    @Test
    void cancellingStopsTraining() {
        Progress cancelled = CancelledProgress.INSTANCE;
        assertThrows(CancelledException.class, () -> GanTrainer.train(corpus(4), null, FORMAT, true, options(1), cancelled));
    }
}
