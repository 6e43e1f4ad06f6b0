package fermata.core.media;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every lossless fixture decodes to exactly the samples it was made from. */
class DecodingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pcm-u8.wav,      wav,  pcm_u8,    8,  8, 2",
        "pcm-s16.wav,     wav,  pcm_s16le, 16, 16, 2",
        "pcm-s24.wav,     wav,  pcm_s24le, 24, 24, 2",
        "pcm-s32.wav,     wav,  pcm_s32le, 32, 32, 2",
        "float-32.wav,    wav,  pcm_f32le, 24, 32, 2",
        "float-64.wav,    wav,  pcm_f64le, 32, 64, 2",
        "pcm-s16-3ch.wav, wav,  pcm_s16le, 16, 16, 3",
        "pcm-s16.aiff,    aiff, pcm_s16be, 16, 16, 2",
        "pcm-s24.aiff,    aiff, pcm_s24be, 24, 24, 2",
        "flac-16.flac,    flac, flac,      16, 16, 2",
        "flac-24.flac,    flac, flac,      24, 24, 2",
    })
    void decodesExactSamples(String name, String format, String codec, int pattern, int bits, int channels)
            throws Exception {
        Path file = AudioFixtures.path(name);
        AudioInfo info = AudioFiles.probe(file);
        assertEquals(new AudioInfo(format, codec, AudioFixtures.RATE, channels, AudioFixtures.FRAMES, true, bits), info);
        float[][] expected = AudioFixtures.pattern(pattern, channels);
        try (AudioStream stream = AudioFiles.open(file)) {
            assertEquals(info, stream.info());
            float[][] decoded = AudioFixtures.decodeAll(stream, AudioFixtures.FRAMES);
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(expected[c], decoded[c], 0f, "channel " + c);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pcm-u8.wav,      8,  2",
        "pcm-s16.wav,     16, 2",
        "pcm-s24.wav,     24, 2",
        "pcm-s32.wav,     32, 2",
        "float-32.wav,    24, 2",
        "float-64.wav,    32, 2",
        "pcm-s16-3ch.wav, 16, 3",
    })
    void mappedWavReadsAnyRangeExactly(String name, int pattern, int channels) throws Exception {
        float[][] expected = AudioFixtures.pattern(pattern, channels);
        try (WavFile wav = WavFile.map(AudioFixtures.path(name))) {
            assertEquals(AudioFixtures.FRAMES, wav.frames());
            assertEquals(channels, wav.channels());
            assertEquals(AudioFiles.probe(AudioFixtures.path(name)), wav.info());
            float[][] all = new float[channels][AudioFixtures.FRAMES];
            wav.read(0, all, 0, AudioFixtures.FRAMES);
            float[][] window = new float[channels][110];
            wav.read(1234, window, 10, 100);
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(expected[c], all[c], 0f, "channel " + c);
                for (int i = 0; i < 100; i++) {
                    assertEquals(expected[c][1234 + i], window[c][10 + i], 0f);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sine-1k.mp3, mp3, mp3", "sine-1k.ogg, ogg, vorbis"})
    void lossySineKeepsFrequencyAndLevel(String name, String format, String codec) throws Exception {
        Path file = AudioFixtures.path(name);
        AudioInfo info = AudioFiles.probe(file);
        assertEquals(format, info.formatName());
        assertEquals(codec, info.codec());
        assertEquals(1, info.channels());
        assertEquals(44100, info.sampleRate());
        assertEquals(1.0, info.durationSeconds(), 0.05);
        float[] mono;
        try (AudioStream stream = AudioFiles.open(file)) {
            mono = AudioFixtures.decodeAll(stream, 2 * 44100)[0];
        }
        assertEquals(44100, mono.length, 1200, "decoded length");
        int start = 8820;
        int length = 22050;
        double rms = 0;
        for (int i = start; i < start + length; i++) {
            rms += mono[i] * mono[i];
        }
        rms = Math.sqrt(rms / length);
        assertEquals(20 * Math.log10(0.5), 20 * Math.log10(rms * Math.sqrt(2)), 0.2, "sine level in dBFS");
        assertEquals(1000.0, Spectra.peakFrequency(mono, start, length, 44100), 2.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pcm-s16.wav, 1.0", "pcm-s24.wav, 1.0", "pcm-u8.wav, 1.0"})
    void samplePeakOfFullScalePatternIsZeroDbfs(String name, double expected) throws Exception {
        SamplePeak peak = AudioFiles.samplePeak(AudioFixtures.path(name));
        assertEquals(expected, peak.linear(), 0.0);
        assertEquals(0.0, peak.dbfs(), 0.0);
        assertEquals(0, peak.channel());
        assertEquals(0, peak.frame());
        assertTrue(Double.isInfinite(new SamplePeak(0, 0, 0).dbfs()));
    }
}
