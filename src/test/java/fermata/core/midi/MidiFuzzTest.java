package fermata.core.midi;

import fermata.core.error.BadInputException;
import fermata.core.model.ControlEvent;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged files made by mutating valid ones: the reader returns a project or throws
 * {@link BadInputException}, never anything else, and quickly. What it accepts, the writer
 * writes back losslessly.
 */
class MidiFuzzTest {
    private static final Path NAME = Path.of("fuzz.mid");
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            notes.add(new Note(48 + i % 13, i * 120L, 60 + i * 7L, 40 + i, i % 3));
        }
        Project project = Project.empty("Seed")
                .withTempoMap(new TempoMap(List.of(new Tempo(0, 600_000), new Tempo(960, 450_000))))
                .withTimeSignatures(List.of(new TimeSignature(0, 3, 4)))
                .withKeySignatures(List.of(new KeySignature(0, -2, true)))
                .withTracks(List.of(new MidiTrack("t", "Seed", new Instrument(24, 1, 0, 0), MixerSettings.UNITY,
                        List.of(new MidiClip("c", 0, 4000, notes, List.of(
                                new ControlEvent(10, 0, 7, 90),
                                new ControlEvent(500, 1, ControlEvent.PITCH_BEND, 9000),
                                new ControlEvent(700, 2, ControlEvent.PROGRAM, 3)))))));
        try {
            return List.of(
                    SmfWriter.write(project),
                    Smf.file(0, 96, Smf.track(
                            0x00, 0xFF, 0x03, 0x02, 'T', '0',
                            0x00, 0xC9, 0x00, 0x00, 0x99, 0x24, 0x64, 0x00, 0x92, 0x40, 0x50,
                            0x00, 0xF0, 0x03, 0x01, 0x02, 0xF7,
                            0x30, 0x89, 0x24, 0x00, 0x00, 0x82, 0x40, 0x00, 0x00, 0xE2, 0x00, 0x40,
                            0x00, 0xFF, 0x2F, 0x00)),
                    Smf.file(1, 0xE728, Smf.track(0x00, 0x90, 0x3C, 0x64, 0x83, 0x74, 0x3C, 0x00, 0x00, 0xFF, 0x2F, 0x00)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One edit of a file: kind 0 flip a bit, 1 insert, 2 delete, 3 truncate, 4 huge chunk length.
     * Bit flips are the most frequent so that a good share of damaged files still parse and
     * exercise the round trip, not only the error paths.
     */
    record Mutation(int kind, int position, int value) {
        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int at = Math.floorMod(position, in.length);
            return switch (kind) {
                case 0 -> {
                    byte[] out = in.clone();
                    out[at] ^= (byte) (1 << (value & 7));
                    yield out;
                }
                case 1 -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(in, 0, at);
                    out.write(value);
                    out.write(in, at, in.length - at);
                    yield out.toByteArray();
                }
                case 2 -> {
                    byte[] out = new byte[in.length - 1];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + 1, out, at, in.length - at - 1);
                    yield out;
                }
                case 3 -> Arrays.copyOf(in, at);
                default -> hugeChunkLength(in, value);
            };
        }

        /** Overwrites the length field of one chunk (header or track) with a large value. */
        private byte[] hugeChunkLength(byte[] in, int choice) {
            List<Integer> lengthFields = new ArrayList<>();
            for (int i = 0; i + 8 <= in.length; i++) {
                if (in[i] == 'M' && in[i + 1] == 'T' && (in[i + 2] == 'h' || in[i + 2] == 'r')) {
                    lengthFields.add(i + 4);
                }
            }
            if (lengthFields.isEmpty()) {
                return in;
            }
            int field = lengthFields.get(Math.floorMod(position, lengthFields.size()));
            long[] huge = {0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, in.length, 0x0FFFFFFFL};
            long length = huge[Math.floorMod(choice, huge.length)];
            byte[] out = in.clone();
            for (int b = 0; b < 4; b++) {
                out[field + b] = (byte) (length >> (24 - 8 * b));
            }
            return out;
        }
    }

    @Provide
    Arbitrary<byte[]> damagedFiles() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(2, 2), Tuple.of(1, 3), Tuple.of(1, 4)),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return Combinators.combine(
                Arbitraries.integers().between(0, SEEDS.size() - 1),
                mutation.list().ofMinSize(1).ofMaxSize(3)).as((seed, edits) -> {
                    byte[] bytes = SEEDS.get(seed);
                    for (Mutation m : edits) {
                        bytes = m.apply(bytes);
                    }
                    return bytes;
                });
    }

    @Property(tries = 3000)
    void damagedFilesAreReadOrRefusedQuickly(@ForAll("damagedFiles") byte[] bytes) {
        Statistics.collect(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> readOrRefuse(bytes)));
    }

    private static String readOrRefuse(byte[] bytes) throws Exception {
        Project read;
        try {
            read = SmfReader.parse(NAME, bytes).project();
        } catch (BadInputException refused) {
            assertFalse(refused.position() == null || refused.position().isBlank(), "a position");
            return "refused";
        }
        assertEquals(read, SmfReader.parse(NAME, SmfWriter.write(read)).project(), "written back losslessly");
        return "read";
    }
}
