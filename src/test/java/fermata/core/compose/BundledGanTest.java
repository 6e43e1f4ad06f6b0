package fermata.core.compose;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled bar GAN scores like its training data on a handful of pieces (the full figures, on
 * 64 and 1024 pieces, are in docs/BENCHMARKS.md). The data's figures are those of
 * {@code fermata eval-model} on the JSB Chorales training split in the model's format (36..98, four voices).
 */
class BundledGanTest {
    private static final Path BUNDLED = Path.of("assets/models/gan-jsb.zip");
    /** JSB training split: 9 empty voice-bars in 13,620 (a general pause, a solo passage, a bar of three-voice chords). */
    private static final double DATA_EMPTY_BARS = 0.00066;
    private static final double DATA_USED_PITCH_CLASSES = 2.732;
    private static final double DATA_TONAL_DISTANCE = 0.944;
    /** Fraction of steps where the alto (voice 2) rests in the training split: where a chord has three notes. */
    private static final double DATA_ALTO_RESTS = 0.096;
    private static final String[] KEYS = {"C major", "A minor", "G major", "D minor", "F major", "E minor", "Bb major", "G minor"};

    private static List<PianoRoll> pieces;

    @BeforeAll
    static void generate() throws Exception {
        Assumptions.assumeTrue(Files.exists(BUNDLED), "no bundled model at " + BUNDLED);
        ComputeBackend.limitThreads(1);
        GanGenerator generator = new GanGenerator((GanModel) ModelFile.load(BUNDLED));
        pieces = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            GenerationRequest request = GenerationRequest.bars(8).withKey(MusicalKey.parse(KEYS[i % KEYS.length])).withSeed(100 + i);
            pieces.add(generator.generate(request).roll());
        }
    }

    @Test
    void emptyBarsPitchClassesAndTonalDistanceAreTheData() {
        MuseGanMetrics m = MuseGanMetrics.of(pieces, 4);

        assertEquals(32 * 8, m.bars());
        assertEquals(DATA_EMPTY_BARS, m.emptyBarRate(), 0.01, "empty voice-bars within one point of the data's");
        assertEquals(DATA_USED_PITCH_CLASSES, m.usedPitchClasses(), 0.1 * DATA_USED_PITCH_CLASSES);
        assertEquals(DATA_TONAL_DISTANCE, m.tonalDistance(), 0.1 * DATA_TONAL_DISTANCE);
        assertEquals(0, m.polyphony(), 1e-12, "one pitch per voice");
    }

    @Test
    void voicesRestWhereTheDataRests() {
        long steps = 0;
        long[] rests = new long[4];
        for (PianoRoll roll : pieces) {
            for (int t = 0; t < roll.steps(); t++) {
                steps++;
                for (int voice = 0; voice < 4; voice++) {
                    rests[voice] += roll.soundingPitches(voice, t).isEmpty() ? 1 : 0;
                }
            }
        }
        double alto = (double) rests[1] / steps;
        assertTrue(alto > DATA_ALTO_RESTS / 2 && alto < DATA_ALTO_RESTS * 2,
                "the alto rests at " + alto + " of steps; the data's alto at " + DATA_ALTO_RESTS);
        assertTrue(rests[0] + rests[3] < 0.02 * steps, "soprano and bass rarely rest: " + rests[0] + ", " + rests[3] + " of " + steps);
    }
}
