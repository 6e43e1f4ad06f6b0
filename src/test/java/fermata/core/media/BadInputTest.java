package fermata.core.media;

import fermata.core.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of broken file gives one BadInputException that names the file, the place and a remedy. */
class BadInputTest {
    @TempDir
    Path dir;

    static void decodeFully(Path file) throws Exception {
        try (AudioStream stream = AudioFiles.open(file)) {
            float[][] block = new float[stream.info().channels()][4096];
            while (stream.read(block, 0, 4096) > 0) {
                assertEquals(stream.info().channels(), block.length);
            }
        }
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(AudioFixtures.path(name));
    }

    /** Both WAV readers reject the file, at a position containing {@code where}. */
    private static void assertWavRejected(Path file, String where) {
        BadInputException decoded = assertThrows(BadInputException.class, () -> decodeFully(file));
        BadInputException mapped = assertThrows(BadInputException.class, () -> WavFile.map(file).close());
        for (BadInputException e : new BadInputException[] {decoded, mapped}) {
            assertEquals(file, e.file());
            assertNotNull(e.position());
            assertTrue(e.position().contains(where), e.position() + " should name " + where);
            assertNotNull(e.remedy());
        }
    }

    @Test
    void truncatedWav() throws Exception {
        byte[] whole = fixture("pcm-s16.wav");
        assertWavRejected(file("cut.wav", Arrays.copyOf(whole, whole.length / 2)), "RIFF header");
        byte[] wrongDataLength = Arrays.copyOf(WavBytes.pcm16(1000), 2000);
        ByteBuffer.wrap(wrongDataLength).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 2000 - 8);
        assertWavRejected(file("cut-data.wav", wrongDataLength), "chunk 'data' at byte 36");
    }

    @Test
    void unknownFourGigabyteDataLength() throws Exception {
        Path file = file("stream.wav", WavBytes.build(1, 2, 44100, 16, 4, 0xFFFFFFFFL, 4000));
        assertWavRejected(file, "data");
        BadInputException e = assertThrows(BadInputException.class, () -> WavFile.map(file));
        assertTrue(e.problem().contains("unknown"), e.problem());
    }

    @Test
    void zeroChannels() throws Exception {
        assertWavRejected(file("zero.wav", WavBytes.build(1, 0, 44100, 16, 0, 400, 400)), "fmt ");
    }

    @Test
    void absurdSampleRates() throws Exception {
        assertWavRejected(file("rate0.wav", WavBytes.build(1, 1, 0, 16, 2, 400, 400)), "fmt ");
        assertWavRejected(file("rate4g.wav", WavBytes.build(1, 1, 0xFFFFFFFFL, 16, 2, 400, 400)), "fmt ");
    }

    @Test
    void inconsistentFormatAndPartialFrames() throws Exception {
        assertWavRejected(file("align.wav", WavBytes.build(1, 2, 44100, 16, 3, 400, 400)), "fmt ");
        assertWavRejected(file("bits.wav", WavBytes.build(1, 2, 44100, 12, 3, 300, 300)), "fmt ");
        assertWavRejected(file("partial.wav", WavBytes.build(1, 2, 44100, 16, 4, 402, 402)), "data");
    }

    @Test
    void corruptChunkHeaderAndMissingChunks() throws Exception {
        byte[] bytes = WavBytes.pcm16(100);
        bytes[36] = 0;
        assertWavRejected(file("garbage-id.wav", bytes), "byte 36");
        byte[] noData = Arrays.copyOf(WavBytes.pcm16(0), 36);
        ByteBuffer.wrap(noData).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 28);
        assertWavRejected(file("no-data.wav", noData), "byte 36");
    }

    @Test
    void nonPcmWavDecodesThroughFfmpegButCannotBeMapped() throws Exception {
        Path mulaw = file("mulaw.wav", WavBytes.build(7, 1, 8000, 8, 1, 800, 800));
        decodeFully(mulaw);
        assertEquals("pcm_mulaw", AudioFiles.probe(mulaw).codec());
        BadInputException e = assertThrows(BadInputException.class, () -> WavFile.map(mulaw));
        assertTrue(e.remedy().contains("fermata convert"), e.remedy());
    }

    @Test
    void truncatedFlacAndAiff() throws Exception {
        for (String name : new String[] {"flac-16.flac", "pcm-s24.aiff"}) {
            byte[] whole = fixture(name);
            Path file = file("cut-" + name, Arrays.copyOf(whole, whole.length * 6 / 10));
            BadInputException e = assertThrows(BadInputException.class, () -> decodeFully(file));
            assertEquals(file, e.file());
            assertTrue(e.problem().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void corruptFlacFrames() throws Exception {
        byte[] bytes = fixture("flac-24.flac");
        Random random = new Random(7);
        for (int i = bytes.length / 3; i < bytes.length / 2; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        Path file = file("corrupt.flac", bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> decodeFully(file));
        assertTrue(e.position().startsWith("packet at byte") || e.position().startsWith("frame"), e.position());
    }

    @Test
    void nonAudioFiles() throws Exception {
        Random random = new Random(3);
        byte[] noise = new byte[50_000];
        random.nextBytes(noise);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path[] files = {
            file("notes.mp3", "Not music at all.\nJust some text.\n".repeat(200).getBytes(StandardCharsets.UTF_8)),
            file("image.flac", png),
            file("noise.ogg", noise),
            file("empty.wav", new byte[0]),
            file("just-riff.wav", "RIFF".getBytes(StandardCharsets.US_ASCII)),
        };
        for (Path file : files) {
            BadInputException e = assertThrows(BadInputException.class, () -> decodeFully(file), file.toString());
            assertEquals(file, e.file());
            assertNotNull(e.remedy());
            assertThrows(BadInputException.class, () -> AudioFiles.probe(file));
        }
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("absent.wav");
        BadInputException e = assertThrows(BadInputException.class, () -> AudioFiles.open(missing));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertThrows(BadInputException.class, () -> WavFile.map(missing));
        assertThrows(BadInputException.class, () -> AudioFiles.probe(dir));
    }

    @Test
    void badConversionArguments() {
        Path in = AudioFixtures.path("pcm-s16.wav");
        assertThrows(BadInputException.class, () -> AudioFiles.convertToWav(in, dir.resolve("o.wav"), 20, null));
        assertThrows(BadInputException.class, () -> AudioFiles.convertToWav(in, dir.resolve("o.wav"), 16, 0));
    }
}
