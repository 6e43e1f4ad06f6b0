package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import fermata.core.task.CancelledException;
import fermata.core.task.CancelledProgress;
import fermata.core.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcnModelTest {
    private static TcnTrainer.Result trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        // Tiny models gain nothing from threads, and spinning workers crawl on a busy machine.
        ComputeBackend.limitThreads(1);
        trained = TcnTrainer.train(ToyData.periodic(8, 24), ToyData.periodic(2, 24), ToyData.options(12), Progress.NONE);
    }

    @Test
    void lossDropsOnAPeriodicSequence() {
        List<TcnTrainer.EpochReport> epochs = trained.epochs();
        double first = epochs.get(0).validNll();
        double last = epochs.get(epochs.size() - 1).validNll();
        assertTrue(last < first / 4, "validation NLL should fall from " + first + ", was " + last);
        assertTrue(epochs.get(epochs.size() - 1).trainNll() < epochs.get(0).trainNll());
    }

    @Test
    void predictionsNeverLookAhead() {
        TcnModel model = untrained(new TcnArchitecture(8, 3, 3, 0, false), ToyData.FORMAT, 3);
        PianoRoll roll = ToyData.periodic(1, 20).pieces().get(0).roll();
        List<List<Integer>> changed = new ArrayList<>();
        for (int t = 0; t < roll.steps(); t++) {
            changed.add(t == 11 ? List.of(61, 66, 63) : roll.soundingPitches(0, t));
        }
        float[][] before = model.predict(roll, MusicalKey.C_MAJOR);
        float[][] after = model.predict(PianoRoll.fromSoundingSteps(changed, ToyData.FORMAT), MusicalKey.C_MAJOR);

        for (int t = 0; t <= 11; t++) {
            assertArrayEquals(before[t], after[t], "step " + t + " must not see step 11");
        }
        assertFalse(java.util.Arrays.equals(before[12], after[12]), "step 12 sees step 11, else the test proves nothing");
    }

    @Test
    void evaluationMatchesFrameNllOnThePredictions() throws CancelledException {
        Corpus corpus = ToyData.periodic(3, 10);
        double sum = 0;
        double first = 0;
        long steps = 0;
        for (Piece p : corpus.pieces()) {
            float[][] predicted = trained.model().predict(p.roll(), p.key());
            for (int t = 0; t < p.roll().steps(); t++) {
                double[] q = new double[8];
                boolean[] on = new boolean[8];
                for (int f = 0; f < 8; f++) {
                    q[f] = predicted[t][f];
                    on[f] = p.roll().isHeld(0, t, 60 + f);
                }
                double nll = FrameNll.step(q, on);
                sum += nll;
                first += t == 0 ? nll : 0;
                steps++;
            }
        }
        NllEvaluator.Result result = NllEvaluator.evaluate(trained.model(), corpus, Progress.NONE);
        assertEquals(30, result.steps());
        assertEquals(sum / steps, result.nllPerStep(), 1e-4);
        assertEquals((sum - first) / (steps - 3), result.nllPerStepAfterFirst(), 1e-4);
    }

    @Test
    void saveAndLoadGiveIdenticalOutputs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("toy.zip");
        ModelFile.write(trained.model(), file, false);
        TcnModel loaded = ModelFile.read(file);
        PianoRoll roll = ToyData.periodic(1, 16).pieces().get(0).roll();

        assertEquals(trained.model().card(), loaded.card());
        float[][] expected = trained.model().predict(roll, MusicalKey.C_MAJOR);
        float[][] actual = loaded.predict(roll, MusicalKey.C_MAJOR);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], actual[t], "step " + t);
        }
        assertTrue(loaded.card().metrics().containsKey(TcnTrainer.VALID_NLL));
    }

    @Test
    void theSameSeedTrainsTheSameWeights() throws Exception {
        TcnTrainer.Options options = ToyData.options(2).withArchitecture(new TcnArchitecture(8, 2, 2, 0.2, false));
        TcnModel a = TcnTrainer.train(ToyData.periodic(4, 12), null, options, Progress.NONE).model();
        TcnModel b = TcnTrainer.train(ToyData.periodic(4, 12), null, options, Progress.NONE).model();
        TcnModel c = TcnTrainer.train(ToyData.periodic(4, 12), null, options.withSeed(8), Progress.NONE).model();

        assertEquals(a.graph().params(), b.graph().params());
        assertNotEquals(a.graph().params(), c.graph().params());
    }

    @Test
    void resumingFromACheckpointEqualsTrainingStraightThrough(@TempDir Path dir) throws Exception {
        TcnTrainer.Options options = ToyData.options(3).withArchitecture(new TcnArchitecture(8, 2, 2, 0, false));
        TcnModel straight = TcnTrainer.train(ToyData.periodic(4, 12), null, options, Progress.NONE).model();
        TcnTrainer.train(ToyData.periodic(4, 12), null, options.withEpochs(2).withCheckpoints(dir, false), Progress.NONE);
        TcnTrainer.Result resumed = TcnTrainer.train(ToyData.periodic(4, 12), null, options.withCheckpoints(dir, true), Progress.NONE);

        assertEquals(List.of(3), resumed.epochs().stream().map(TcnTrainer.EpochReport::epoch).toList());
        assertEquals(straight.graph().params(), resumed.model().graph().params());
        assertEquals(3, resumed.model().card().epochs());
    }

    @Test
    void cancellingStopsTraining() {
        Progress cancelled = CancelledProgress.INSTANCE;
        assertThrows(CancelledException.class, () -> TcnTrainer.train(ToyData.periodic(4, 12), null, ToyData.options(1), cancelled));
    }

    @Test
    void damagedFilesAreBadInput(@TempDir Path dir) throws IOException {
        Path garbage = dir.resolve("garbage.zip");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        BadInputException notZip = assertThrows(BadInputException.class, () -> ModelFile.read(garbage));
        assertEquals(garbage, notZip.file());
        assertTrue(notZip.remedy() != null && notZip.remedy().contains("fermata train"));

        Path noCard = dir.resolve("nocard.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(noCard))) {
            zip.putNextEntry(new ZipEntry("network.zip"));
            zip.write(new byte[] {9, 9});
        }
        assertThrows(BadInputException.class, () -> ModelFile.read(noCard));

        Path good = dir.resolve("good.zip");
        ModelFile.write(trained.model(), good, false);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(BadInputException.class, () -> ModelFile.read(truncated));
        assertThrows(BadInputException.class, () -> ModelFile.read(dir.resolve("missing.zip")));
    }

    @Test
    void generationStaysInKeyAndRange() {
        TcnModel model = untrained(new TcnArchitecture(8, 2, 3, 0, false), RollFormat.soundingPitches(4), 5);
        GenerationRequest request = GenerationRequest.bars(2).withKey(MusicalKey.parse("D minor")).withDensity(0.9).withSeed(3)
                .withTempo(96).withMeter(new TimeSignature(0, 3, 4)).withVoices(4);

        Generated music = new TcnGenerator(model).generate(request);

        assertEquals(2 * 3 * 4, music.roll().steps());
        Project project = music.toProject("gen");
        assertEquals(4, project.tracks().size());
        assertTrue(project.noteCount() > 10, "a dense request should play notes, got " + project.noteCount());
        assertEquals(96, project.tempoMap().tempoAt(0).bpm(), 1e-3);
        MusicalKey dMinor = MusicalKey.parse("D minor");
        for (int track = 0; track < 4; track++) {
            for (Note n : music.notes(track, 80, 0)) {
                assertTrue(dMinor.inScale(n.pitch()), n + " is outside D minor");
                assertTrue(n.pitch() >= 21 && n.pitch() <= 108, n + " is outside the piano");
            }
        }
        assertEquals(music.roll(), new TcnGenerator(model).generate(request).roll(), "same seed, same music");
        assertNotEquals(music.roll(), new TcnGenerator(model).generate(request.withSeed(4)).roll());
    }

    @Test
    void generationContinuesAPrimer() {
        TcnModel toy = trained.model();
        PianoRoll primer = ToyData.periodic(1, 10).pieces().get(0).roll();

        Generated next = new TcnGenerator(toy).generate(GenerationRequest.bars(1).withPrimer(primer).withTemperature(0));

        // The toy walks C D E F G; after ten steps ending on G the next bar is C D E F.
        assertEquals(List.of(60), next.roll().soundingPitches(0, 0));
        assertEquals(List.of(62), next.roll().soundingPitches(0, 1));
        assertEquals(List.of(65), next.roll().soundingPitches(0, 3));
    }

    /** Random weights: enough for causality and masking, which hold for any weights. Cards say the keys are in C. */
    @Test
    void continuingAProjectStartsAfterItAndKeepsItsKey() {
        TcnModel model = untrained(new TcnArchitecture(8, 2, 3, 0, false), RollFormat.soundingPitches(4), 6);
        Project primer = new TcnGenerator(model).generate(GenerationRequest.bars(1).withKey(MusicalKey.parse("E major"))
                .withDensity(0.8).withVoices(2)).toProject("primer")
                .withKeySignatures(List.of(MusicalKey.parse("E major").toSignature(0)));

        Generated next = new TcnGenerator(model).continueFrom(primer, GenerationRequest.bars(2).withDensity(0.8));

        assertEquals(MusicalKey.parse("E major"), next.key());
        assertEquals(1920 * 2, next.startTick(), "one bar of 4/4 and the next begins");
        assertTrue(next.notes(0, 80, 0).stream().allMatch(n -> n.startTick() >= 1920 * 2 && next.key().inScale(n.pitch())));
    }

    private static TcnModel untrained(TcnArchitecture arch, RollFormat format, long seed) {
        return new TcnModel(TcnNetwork.build(arch, format, seed, 1e-3),
                new ModelCard(1, ModelCard.TCN, arch, format, true, null, null, seed, 0, 0, 0, "", null));
    }
}
