package fermata.core.midi;

import fermata.core.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static fermata.core.midi.Smf.file;
import static fermata.core.midi.Smf.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged and hostile files: one BadInputException naming the file, the place and a remedy. */
class MidiBadInputTest {
    private static final Path NAME = Path.of("bad.mid");

    private static BadInputException refused(byte[] bytes, String expectedPosition, String problemPart) {
        BadInputException e = assertThrows(BadInputException.class, () -> SmfReader.parse(NAME, bytes));
        assertEquals(NAME, e.file());
        assertEquals(expectedPosition, e.position());
        assertTrue(e.problem().contains(problemPart), e.problem());
        assertFalse(e.remedy() == null || e.remedy().isBlank(), "a remedy");
        return e;
    }

    private static byte[] valid() {
        return file(1, 960, track(0x00, 0x90, 0x3C, 0x64, 0x87, 0x40, 0x80, 0x3C, 0x40, 0x00, 0xFF, 0x2F, 0x00));
    }

    @Test
    void notAMidiFile() {
        refused(new byte[0], "byte 0", "not a Standard MIDI File");
        refused("RIFF\0\0\0\0RMIDdata".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "byte 0", "MThd");
    }

    @Test
    void truncatedFiles() {
        byte[] v = valid();
        refused(Arrays.copyOf(v, 10), "byte 0", "not a Standard MIDI File");
        refused(Arrays.copyOf(v, 14), "byte 10", "declares 1 tracks");
        refused(Arrays.copyOf(v, 30), "track 1, byte 18", "declares 13 bytes but only 8 remain");
    }

    @Test
    void headerChunkLengthThatDoesNotFit() {
        byte[] v = valid();
        v[7] = 3;
        refused(v, "byte 4", "header chunk declares 3 bytes");
        v[4] = (byte) 0xFF;
        refused(v, "byte 4", "declares 4278190083 bytes");
    }

    @Test
    void fourGigabyteTrackChunk() {
        byte[] v = valid();
        Arrays.fill(v, 18, 22, (byte) 0xFF);
        refused(v, "track 1, byte 18", "declares 4294967295 bytes");
    }

    @Test
    void absurdTrackCountInASmallFile() {
        byte[] v = Arrays.copyOf(valid(), 100);
        v[10] = (byte) 0xFF;
        v[11] = (byte) 0xFF;
        refused(v, "byte 10", "declares 65535 tracks but the 86 bytes after it hold at most 10");
    }

    @Test
    void typeZeroWithTwoTracks() {
        refused(file(0, 960, track(0x00, 0xFF, 0x2F, 0x00), track(0x00, 0xFF, 0x2F, 0x00)), "byte 10", "exactly one track");
    }

    @Test
    void variableLengthQuantityOverFourBytes() {
        refused(file(1, 960, track(0x81, 0x81, 0x81, 0x81, 0x01, 0xFF, 0x2F, 0x00)), "track 1, byte 22", "over 4 bytes");
    }

    @Test
    void eventsPastTheEndOfTheChunk() {
        refused(file(1, 960, track(0x00, 0x90, 0x3C)), "track 1, byte 25", "ends inside an event");
        refused(file(1, 960, track(0x00, 0xFF, 0x03, 0x10, 'a')), "track 1, byte 26", "declares 16 bytes but only 1 remain");
        refused(file(1, 960, track(0x00, 0xF0, 0x8F, 0xFF, 0xFF, 0x7F)), "track 1, byte 28",
                "system exclusive event declares 33554431 bytes");
        refused(file(1, 960, track(0x00, 0x90, 0x3C, 0x64, 0x87)), "track 1, byte 26", "ends inside a variable-length number");
        refused(file(1, 960, track(0x00, 0x90, 0x3C, 0x64, 0x00)), "track 1, byte 27", "ends after a delta time");
    }

    @Test
    void malformedEvents() {
        refused(file(1, 960, track(0x00, 0x3C, 0x64)), "track 1, byte 23", "no running status");
        refused(file(1, 960, track(0x00, 0x90, 0x3C, 0x94)), "track 1, byte 25", "note velocity");
        refused(file(1, 960, track(0x00, 0xF8)), "track 1, byte 23", "0xF8");
        refused(file(1, 960, track(0x00, 0xFF, 0x51, 0x02, 0x07, 0xA1)), "track 1, byte 23", "instead of 3");
        refused(file(1, 960, track(0x00, 0xFF, 0x51, 0x03, 0x00, 0x00, 0x00)), "track 1, byte 23", "0 microseconds");
        refused(file(1, 960, track(0x00, 0xFF, 0x58, 0x04, 0x04, 0x07, 0x18, 0x08)), "track 1, byte 23", "4/2^7");
        refused(file(1, 960, track(0x00, 0xFF, 0x59, 0x02, 0x08, 0x00)), "track 1, byte 23", "8 sharps");
    }

    @Test
    void badTimingAndFormat() {
        refused(file(1, 0, track(0x00, 0xFF, 0x2F, 0x00)), "byte 12", "0 ticks per quarter");
        refused(file(1, 0xE500, track(0x00, 0xFF, 0x2F, 0x00)), "byte 12", "27 frames per second");
        refused(file(3, 960, track(0x00, 0xFF, 0x2F, 0x00)), "byte 8", "unknown MIDI file type 3");
    }

    @Test
    void implausiblyLateEvents() {
        int events = 5000;
        int[] body = new int[events * 6 + 4];
        for (int i = 0; i < events; i++) {
            System.arraycopy(new int[] {0xFF, 0xFF, 0xFF, 0x7F, 0xF0, 0x00}, 0, body, 6 * i, 6);
        }
        System.arraycopy(new int[] {0x00, 0xFF, 0x2F, 0x00}, 0, body, 6 * events, 4);
        refused(file(1, 1, track(body)), "track 1, byte " + (22 + body.length), "thousands of years");
    }

    @Test
    void missingAndOversizedFiles(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.mid");
        BadInputException e = assertThrows(BadInputException.class, () -> MidiFiles.read(missing));
        assertEquals(missing, e.file());
        Path sparse = dir.resolve("huge.mid");
        try (var channel = java.nio.channels.FileChannel.open(sparse, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(valid()), SmfReader.MAX_FILE_BYTES);
        }
        e = assertThrows(BadInputException.class, () -> MidiFiles.read(sparse));
        assertTrue(e.problem().contains("more than"), e.problem());
        assertTrue(Files.size(sparse) > SmfReader.MAX_FILE_BYTES);
    }
}
