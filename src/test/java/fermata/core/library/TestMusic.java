package fermata.core.library;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real audio files for library tests: 16-bit mono WAV sines, optionally tagged through jaudiotagger. */
public final class TestMusic {
    private TestMusic() {
    }

    /** A 16-bit mono WAV of a sine; written directly (no fsync), since tests make many. */
    public static Path wav(Path file, double seconds, int sampleRate, double frequency) throws IOException {
        int frames = (int) Math.round(seconds * sampleRate);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(frames * 2);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * frequency * i / sampleRate)));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, b.array());
        return file;
    }

    /** A WAV with artist, title, album and genre tags. */
    public static Path taggedWav(Path file, double seconds, String artist, String title, String album, String genre) throws Exception {
        wav(file, seconds, 8000, 440);
        AudioFile audio = AudioFileIO.read(file.toFile());
        Tag tag = audio.getTagOrCreateAndSetDefault();
        tag.setField(FieldKey.ARTIST, artist);
        tag.setField(FieldKey.TITLE, title);
        tag.setField(FieldKey.ALBUM, album);
        tag.setField(FieldKey.GENRE, genre);
        tag.setField(FieldKey.YEAR, "1999");
        tag.setField(FieldKey.TRACK, "3");
        audio.commit();
        return file;
    }
}
