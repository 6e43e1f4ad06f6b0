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
    private static final GanArchitecture TINY = new GanArchitecture(8, 4, 16, 4, false, false);
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
        GanArchitecture voices = new GanArchitecture(8, 4, 16, 4, true, false);
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

    @Test
    void aRestColumnLetsAVoiceFallSilentForAWholeBarAsOftenAsItsOddsSay() {
        GanArchitecture voices = new GanArchitecture(8, 4, 16, 4, true, true);
        int columns = voices.columns(FORMAT);
        float[] p = new float[voices.barWidth(FORMAT)];
        for (int step = 0; step < 4; step++) {
            int upper = step * columns;
            p[upper + 7] = 0.6f;
            p[upper + 12] = 0.05f;
            int lower = (4 + step) * columns;
            p[lower + 4] = 0.2f;
            p[lower + 12] = 0.9f;
        }
        boolean[] all = new boolean[p.length];
        java.util.Arrays.fill(all, true);

        float[] likely = GanBars.decode(p, all, 0, 0, new java.util.Random(1), voices, FORMAT);
        MuseGanMetrics m = GanTrainer.metricsOf(new float[][] {likely}, FORMAT, voices);
        assertEquals(0.5, m.emptyBarRate(), 1e-12, "the upper voice sounds G every step, the lower one rests the whole bar");
        for (int step = 0; step < 4; step++) {
            assertEquals(1, likely[step * columns + 7]);
            assertEquals(0, likely[step * columns + 12], "a sounding voice has no rest cell");
            assertEquals(1, likely[(4 + step) * columns + 12], "a resting voice has its rest cell, as the training bars do");
        }
        float[] denser = GanBars.decode(p, all, 4, 0, new java.util.Random(1), voices, FORMAT);
        assertEquals(0, GanTrainer.metricsOf(new float[][] {denser}, FORMAT, voices).emptyBarRate(), 1e-12,
                "density 1 (bias 4) outweighs odds of 0.2 : 0.9");

        int trials = 4000;
        int emptyLower = 0;
        int emptyUpper = 0;
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < trials; i++) {
            float[] bar = GanBars.decode(p, all, 0, 1, random, voices, FORMAT);
            MuseGanMetrics one = GanTrainer.metricsOf(new float[][] {bar}, FORMAT, voices);
            boolean upperSounds = false;
            boolean lowerSounds = false;
            for (int step = 0; step < 4; step++) {
                upperSounds |= bar[step * columns + 7] > 0;
                lowerSounds |= bar[(4 + step) * columns + 4] > 0;
                for (int track = 0; track < 2; track++) {
                    double cells = 0;
                    for (int c = 0; c < columns; c++) {
                        cells += bar[(track * 4 + step) * columns + c];
                    }
                    assertEquals(1, cells, "each voice and step sounds one pitch or rests");
                }
            }
            emptyUpper += upperSounds ? 0 : 1;
            emptyLower += lowerSounds ? 0 : 1;
            assertEquals((upperSounds ? 0 : 0.5) + (lowerSounds ? 0 : 0.5), one.emptyBarRate(), 1e-12);
        }
        double restOdds = 0.9 / (0.9 + 0.2);
        assertEquals(Math.pow(restOdds, 4), (double) emptyLower / trials, 0.03, "a whole silent bar: four rests in a row");
        assertTrue(emptyUpper <= 2, "the upper voice rests with odds 0.05 : 0.6, a whole bar almost never");
    }

    @Test
    void trainingBarsMarkRestsAndDecodeBackToTheSameNotes() {
        GanArchitecture voices = new GanArchitecture(8, 4, 16, 4, true, true);
        int columns = voices.columns(FORMAT);
        // Track 0: E for two beats, then silence; track 1 silent.
        PianoRoll roll = PianoRoll.fromNotes(List.of(List.of(new Note(64, 0, 1920, 80, 0)), List.of()), FORMAT, 4);
        float[] bar = GanBars.bar(roll, 0, voices);

        assertEquals(voices.barWidth(FORMAT), bar.length);
        assertEquals(2, bar[4] + bar[columns + 4], 1e-12, "E sounds on beats 1 and 2");
        assertEquals(0, bar[12] + bar[columns + 12], 1e-12, "no rest cell where the voice sounds");
        assertEquals(2, bar[2 * columns + 12] + bar[3 * columns + 12], 1e-12, "rest cells on beats 3 and 4");
        for (int step = 0; step < 4; step++) {
            assertEquals(1, bar[(4 + step) * columns + 12], "the silent track rests at every step");
        }
        float[] chord = GanBars.chordOf(bar, FORMAT, voices);
        assertEquals(1, chord[4], "rest cells are not pitches: the chord is built on E");
        float[][] steps = new float[4][FORMAT.featuresPerStep()];
        GanBars.addToSteps(bar, steps, 0, voices, FORMAT);
        assertEquals(roll, PianoRoll.fromStepVectors(steps, FORMAT));
    }

    @Test
    void aFormatOneCardWithoutRestsStillLoadsAndGenerates(@TempDir Path dir) throws Exception {
        GanArchitecture old = new GanArchitecture(8, 4, 16, 4, true, false);
        GanModel model = new GanModel(GanNetwork.generator(old, FORMAT, 3, 2e-4),
                new ModelCard(1, ModelCard.GAN, null, FORMAT, true, null, null, 1, 0, 0, 0, "", old));
        Path file = dir.resolve("old.zip");
        ModelFile.write(model, file);
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(file)) {
            Path card = zip.getPath("card.json");
            String text = java.nio.file.Files.readString(card);
            assertTrue(text.contains("\"rests\""), text);
            java.nio.file.Files.writeString(card, text.replaceAll(",\\s*\"rests\"\\s*:\\s*false", ""));
            assertTrue(!java.nio.file.Files.readString(card).contains("rests"));
        }

        GanModel read = assertInstanceOf(GanModel.class, ModelFile.load(file));
        assertEquals(old, read.architecture(), "a card without the field has no rest column");
        GenerationRequest request = GenerationRequest.bars(2).withSeed(4);
        assertEquals(new GanGenerator(model).generate(request).roll(), new GanGenerator(read).generate(request).roll());
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
