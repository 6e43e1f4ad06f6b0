package fermata.core.compose;

import fermata.core.model.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Latency of generating 8 bars once a model is loaded ({@code mvn test -Pbench -Dtest=GenerationBench}):
 * the bundled JSB model (quarter-note steps, four voices) and a 16th-note four-track model with
 * onsets of the same size (random weights: the cost does not depend on them). One ND4J thread,
 * as {@code fermata generate} uses.
 */
@Tag("bench")
class GenerationBench {
    /** As {@code fermata generate} does by default. */
    @BeforeAll
    static void oneThread() {
        ComputeBackend.limitThreads(1);
    }

    @Test
    void eightBarsOfTheBundledChoraleModel() throws Exception {
        Path bundled = Path.of("assets/models/tcn-jsb.zip");
        Assumptions.assumeTrue(Files.exists(bundled), "no bundled model at " + bundled);
        TcnModel model = ModelFile.read(bundled);
        report("tcn-jsb, 8 bars x 4 voices (32 quarter-note steps)", model, 4);
    }

    @Test
    void eightBarsOfASixteenthNoteFourTrackModel() throws Exception {
        RollFormat format = new RollFormat(4, RollFormat.PIANO_LOW, RollFormat.PIANO_KEYS, 4, true);
        TcnArchitecture arch = new TcnArchitecture(150, 3, 3, 0.3, false);
        TcnModel model = new TcnModel(TcnNetwork.build(arch, format, 1, 1e-3),
                new ModelCard(1, ModelCard.TCN, arch, format, true, null, null, 1, 0, 0, 0, "", null));
        report("150x3 TCN, 8 bars x 4 tracks with onsets (128 sixteenth steps)", model, 1);
    }

    @Test
    void eightBarsOfTheGan() throws Exception {
        RollFormat format = GanArchitecture.choraleFormat(1);
        GanArchitecture arch = GanArchitecture.DEFAULT;
        GanModel untrained = new GanModel(GanNetwork.generator(arch, format, 1, 2e-4),
                new ModelCard(ModelCard.FORMAT_VERSION, ModelCard.GAN, null, format, true, null, null, 1, 0, 0, 0, "", arch));
        reportGan("bar GAN, default size (random weights), 8 bars x 4 tracks", untrained);
        Path bundled = Path.of("assets/models/gan-jsb.zip");
        if (Files.exists(bundled)) {
            reportGan("gan-jsb (bundled), 8 bars x 4 tracks", (GanModel) ModelFile.load(bundled));
        }
    }

    @Test
    void infillOfFourBarsWithThreeAlternatives() throws Exception {
        Path bundled = Path.of("assets/models/tcn-jsb.zip");
        Assumptions.assumeTrue(Files.exists(bundled), "no bundled model at " + bundled);
        Composer composer = new Composer(ModelFile.read(bundled));
        GenerationRequest request = GenerationRequest.bars(8).withKey(MusicalKey.parse("D minor")).withVoices(4);
        Project chorale = composer.generate(Project.empty("bench"), 0, request, 1, fermata.core.task.Progress.NONE).get(0)
                .preview(Project.empty("bench"));
        Composer.Selection middle = new Composer.Selection(chorale.tracks().stream().map(t -> t.id()).toList(), 2 * 3840, 6 * 3840);
        double[] millis = new double[10];
        for (int i = -3; i < millis.length; i++) {
            long start = System.nanoTime();
            composer.infill(chorale, middle, java.util.Set.of(), request.withSeed(i), 3, fermata.core.task.Progress.NONE);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("tcn-jsb infill of bars 3-6 of 8 (4 voices), 3 alternatives x %d candidates: median %.1f ms, max %.1f ms%n",
                Composer.CANDIDATES, millis[millis.length / 2], millis[millis.length - 1]);
    }

    private static void reportGan(String what, GanModel model) {
        time(what, GenerationRequest.bars(8).withKey(MusicalKey.parse("D minor")), new GanGenerator(model)::generate);
    }

    private static void report(String what, TcnModel model, int voices) {
        time(what, GenerationRequest.bars(8).withKey(MusicalKey.parse("D minor")).withVoices(voices),
                new TcnGenerator(model)::generate);
    }

    /** Five warm-up runs, then the median and worst of twenty, each a different seed. */
    private static void time(String what, GenerationRequest request, Function<GenerationRequest, Generated> generator) {
        for (int i = 0; i < 5; i++) {
            generator.apply(request.withSeed(i));
        }
        double[] millis = new double[20];
        Project last = null;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            last = generator.apply(request.withSeed(100 + i)).toProject("bench");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        assertEquals(4, last.tracks().size());
        System.out.printf("%s: median %.1f ms, max %.1f ms over %d runs%n", what, millis[millis.length / 2], millis[millis.length - 1],
                millis.length);
    }
}
