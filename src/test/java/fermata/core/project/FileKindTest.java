package fermata.core.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileKindTest {
    @TempDir
    Path dir;

    private FileKind kindOf(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return FileKind.of(f);
    }

    @Test
    void contentWinsOverExtension() throws Exception {
        assertEquals(FileKind.MIDI, kindOf("song.wav", "MThd\0\0\0\6".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileKind.AUDIO, kindOf("x.bin", "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileKind.AUDIO, kindOf("x.bin", "FORM\0\0\0\0AIFF".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileKind.AUDIO, kindOf("x.bin", "fLaC\0\0".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileKind.AUDIO, kindOf("x.bin", new byte[] {(byte) 0xFF, (byte) 0xFB, 0x10, 0}));
    }

    @Test
    void extensionDecidesWhenContentSaysNothing() throws Exception {
        assertEquals(FileKind.PROJECT, kindOf("a.fermata", "{\"formatVersion\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileKind.MIDI, kindOf("b.MID", new byte[0]));
        assertEquals(FileKind.UNKNOWN, kindOf("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    }
}
