package fermata.core.media;

import fermata.core.error.BadInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whatever the bytes, reading a file either works or fails with BadInputException: never another
 * exception, a hang or a crash. Valid fixtures are mutated the way real files break: flipped
 * bytes (mostly in the header), size fields set to extreme values, truncation.
 */
class MutatedInputTest {
    private static final List<String> SEEDS = List.of("pcm-s16.wav", "pcm-s24.wav", "float-32.wav",
            "pcm-s16-3ch.wav", "flac-16.flac", "sine-1k.mp3", "pcm-s16.aiff", "sine-1k.ogg");
    private static final int[] EXTREMES = {0, 1, 2, 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 0xFFFE, 44100, 4};
    private static Path dir;

    record Mutation(String seed, List<Integer> flipPositions, int flipValue, int fieldOffset, int fieldValue,
                    double keep) {
    }

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("fermata-mutations");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> headerOrAnywhere = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 63)),
                Tuple.of(1, Arbitraries.integers().between(0, 1 << 20)));
        return Combinators.combine(
                Arbitraries.of(SEEDS),
                headerOrAnywhere.list().ofMaxSize(6),
                Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(-1, 15).map(i -> i < 0 ? -1 : i * 4),
                Arbitraries.of(Arrays.stream(EXTREMES).boxed().toList()),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1.0)),
                        Tuple.of(1, Arbitraries.doubles().between(0, 1))))
                .as(Mutation::new);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void readersAcceptOrRejectCleanly(@ForAll("mutations") Mutation mutation) throws Exception {
        byte[] bytes = Files.readAllBytes(AudioFixtures.path(mutation.seed()));
        for (int position : mutation.flipPositions()) {
            bytes[position % bytes.length] ^= (byte) mutation.flipValue();
        }
        if (mutation.fieldOffset() >= 0) {
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(mutation.fieldOffset(), mutation.fieldValue());
        }
        bytes = Arrays.copyOf(bytes, (int) (bytes.length * mutation.keep()));
        Path file = Files.write(dir.resolve("mutated-" + mutation.seed()), bytes);

        try {
            AudioFiles.probe(file);
        } catch (BadInputException expected) {
            assertNamesFile(expected, file);
        }
        try (AudioStream stream = AudioFiles.open(file)) {
            float[][] block = new float[stream.info().channels()][1024];
            long total = 0;
            int count;
            while ((count = stream.read(block, 0, 1024)) > 0) {
                total += count;
                if (total > 100_000_000L) {
                    throw new AssertionError("a small file decodes to more than 100 M frames");
                }
            }
        } catch (BadInputException expected) {
            assertNamesFile(expected, file);
        }
        if (mutation.seed().endsWith(".wav")) {
            try (WavFile wav = WavFile.map(file)) {
                float[][] all = new float[wav.channels()][(int) wav.frames()];
                wav.read(0, all, 0, (int) wav.frames());
            } catch (BadInputException expected) {
                assertNamesFile(expected, file);
            }
        }
    }

    private static void assertNamesFile(BadInputException e, Path file) {
        if (!file.equals(e.file()) || e.remedy() == null) {
            throw new AssertionError("BadInputException without file or remedy: " + e.getMessage(), e);
        }
    }
}
