package fermata.core.media;

import fermata.core.error.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadAllTest {
    @Test
    void readsTheWholeFileExactly() throws Exception {
        DecodedAudio all = AudioFiles.readAll(AudioFixtures.path("flac-24.flac"), 60);
        float[][] expected = AudioFixtures.pattern(24, 2);
        assertEquals(AudioFixtures.RATE, all.sampleRate());
        assertEquals(AudioFixtures.FRAMES, all.frames());
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(expected[c], all.samples()[c]);
        }
    }

    @Test
    void refusesFilesLongerThanTheLimitWithoutReadingThem() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> AudioFiles.readAll(AudioFixtures.path("pcm-s16.wav"), 0.01));
        assertTrue(e.getMessage().contains("Cut the file"), e.getMessage());
    }

    @Test
    void lossyFilesWithEstimatedLengthsAreReadToTheirRealEnd() throws Exception {
        DecodedAudio all = AudioFiles.readAll(AudioFixtures.path("sine-1k.ogg"), 60);
        assertTrue(all.frames() > 1000, "frames " + all.frames());
    }
}
