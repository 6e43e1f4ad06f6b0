package fermata.core.waveform;

import fermata.core.edit.ChangeAudioGain;
import fermata.core.engine.AudioTrackReader;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.media.PeakCache;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioTrack;
import fermata.core.model.Marker;
import fermata.core.model.Project;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fermata.core.waveform.WaveformFixtures.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import, normalize, export, zero crossings and the spectrogram on generated files with known answers. */
class WaveformServicesTest {
    @TempDir
    Path dir;

    @Test
    void importAddsATrackAndCachesThePeaks() throws Exception {
        Path file = WaveformFixtures.wav(dir, "tone.wav", 10_000, 2, RATE, c -> WaveformFixtures.sine(440, 0.5));
        AudioImporter importer = new AudioImporter(new PeakCache(dir.resolve("peaks")));
        AudioImporter.Imported first = importer.prepare(file, 480, Progress.NONE);
        assertEquals(10_000, first.media().frames());
        assertEquals(2, first.peaks().channels());
        assertTrue(Files.isRegularFile(dir.resolve("peaks").resolve(first.media().sha256() + ".peaks")));
        Project p = AudioImporter.command(Project.empty("x"), null, first).apply(Project.empty("x"));
        AudioTrack track = (AudioTrack) p.tracks().get(0);
        assertEquals("tone", track.name());
        assertEquals(480, track.clips().get(0).positionFrame());
        Path cached = dir.resolve("peaks").resolve(first.media().sha256() + ".peaks");
        Files.setLastModifiedTime(cached, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        AudioImporter.Imported again = importer.prepare(file, 0, Progress.NONE);
        assertEquals(1_000_000, Files.getLastModifiedTime(cached).toMillis(), "the second import read the cache");
        assertEquals(first.peaks().fine().max()[0][10], again.peaks().fine().max()[0][10]);
        Project twice = AudioImporter.command(p, track.id(), again).apply(p);
        assertEquals(1, twice.media().size(), "the same content is listed once");
        assertEquals(2, twice.audioTrack(track.id()).clips().size());
    }

    @Test
    void normalizeToPeakHitsTheTarget() throws Exception {
        Path file = WaveformFixtures.wav(dir, "quiet.wav", 20_000, 1, RATE, c -> WaveformFixtures.sine(1000, 0.1));
        Project p = WaveformFixtures.imported(dir, file);
        String track = WaveformFixtures.trackId(p);
        ChangeAudioGain edit = AudioNormalizer.toPeak(WaveformFixtures.reader(dir, p), track, 0, 20_000, -1.0,
                Progress.NONE);
        Project normalized = edit.apply(p);
        double peak = AudioNormalizer.peak(WaveformFixtures.reader(dir, normalized), 0, 20_000, Progress.NONE);
        assertEquals(-1.0, 20 * Math.log10(peak), 1e-5);
        assertTrue(edit.label().startsWith("Normalize"));
        assertThrows(IllegalArgumentException.class, () -> AudioNormalizer.toPeak(WaveformFixtures.reader(dir, p),
                track, 30_000, 40_000, -1, Progress.NONE), "silence cannot be normalized");
    }

    @Test
    void normalizeToLoudnessHitsTheTarget() throws Exception {
        // A 1 kHz sine at -20 dBFS peak reads -23.0 LUFS in mono (BS.1770's 1 kHz weighting is ~0 dB).
        Path file = WaveformFixtures.wav(dir, "tone.wav", 3 * RATE, 1, RATE, c -> WaveformFixtures.sine(1000, 0.1));
        Project p = WaveformFixtures.imported(dir, file);
        String track = WaveformFixtures.trackId(p);
        AudioTrackReader before = WaveformFixtures.reader(dir, p);
        assertEquals(-23.0, AudioNormalizer.loudness(before, 0, 3 * RATE, Progress.NONE), 0.1);
        Project normalized = AudioNormalizer.toLoudness(before, track, 0, 3 * RATE, -16, Progress.NONE).apply(p);
        assertEquals(-16.0, AudioNormalizer.loudness(WaveformFixtures.reader(dir, normalized), 0, 3 * RATE,
                Progress.NONE), 0.01);
    }

    @Test
    void exportWritesTheEditedRangeAtEveryDepthAndRate() throws Exception {
        Path file = WaveformFixtures.wav(dir, "ramp.wav", 4000, 2, RATE, c -> i -> (c == 0 ? 1 : -1) * (i + 1) / 8192.0);
        Project p = WaveformFixtures.imported(dir, file);
        String track = WaveformFixtures.trackId(p);
        p = new ChangeAudioGain(track, 1000, 2000, -6, "Gain").apply(p);
        AudioTrackReader reader = WaveformFixtures.reader(dir, p);
        float[][] expected = reader.read(500, 2500);

        Path f32 = dir.resolve("sel32.wav");
        AudioExporter.export(reader, 500, 2500, f32, new AudioExporter.Format(32, RATE, null, false), Progress.NONE);
        DecodedAudio read32 = AudioFiles.readAll(f32, 60);
        assertArrayEquals(expected[0], read32.samples()[0], "float export is exact");
        assertArrayEquals(expected[1], read32.samples()[1]);

        for (int bits : new int[] {16, 24}) {
            Path f = dir.resolve("sel" + bits + ".wav");
            AudioExporter.export(reader, 500, 2500, f, new AudioExporter.Format(bits, RATE, WavWriter.Dither.NONE, false),
                    Progress.NONE);
            DecodedAudio back = AudioFiles.readAll(f, 60);
            assertEquals(2000, back.frames());
            double lsb = 1.0 / (1 << (bits - 1));
            for (int i = 0; i < 2000; i++) {
                assertEquals(expected[0][i], back.samples()[0][i], lsb / 2 + 1e-9, bits + "-bit frame " + i);
            }
        }

        Path f44 = dir.resolve("sel44.wav");
        AudioExporter.Result r = AudioExporter.export(reader, 0, 4000, f44,
                new AudioExporter.Format(24, 44_100, null, false), Progress.NONE);
        assertEquals(Math.round(4000 * 44_100 / 48_000.0), r.frames());
        assertEquals(r.frames(), AudioFiles.probe(f44).frames());
        assertEquals(44_100, AudioFiles.probe(f44).sampleRate());

        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> AudioExporter.export(reader, 0, 10, f32,
                new AudioExporter.Format(32, RATE, null, false), Progress.NONE));
    }

    @Test
    void regionsAndTheWholeTrackNameTheirRanges() throws Exception {
        Path file = WaveformFixtures.wav(dir, "a.wav", 4000, 1, RATE, c -> i -> 0.25);
        Project p = WaveformFixtures.imported(dir, file);
        AudioTrack t = (AudioTrack) p.tracks().get(0);
        AudioTrack marked = t.withMarkers(List.of(new Marker("r", "take", 100, 400), new Marker("m", "point", 50, 0)));
        assertArrayEquals(new long[] {100, 500}, AudioExporter.region(marked, "r"));
        assertThrows(IllegalArgumentException.class, () -> AudioExporter.region(marked, "m"));
        assertArrayEquals(new long[] {0, 4000}, AudioExporter.wholeTrack(WaveformFixtures.reader(dir, p)));
    }

    @Test
    void zeroCrossingSnapFindsTheNearestSignChange() throws Exception {
        // 100 Hz at 48 kHz crosses zero every 240 frames: 0, 240, 480, ...
        Path file = WaveformFixtures.wav(dir, "s.wav", 4800, 1, RATE, c -> i -> Math.sin(2 * Math.PI * (i + 0.5) / 480));
        Project p = WaveformFixtures.imported(dir, file);
        AudioTrackReader reader = WaveformFixtures.reader(dir, p);
        assertEquals(240, ZeroCrossings.nearest(reader, 250, 50));
        assertEquals(480, ZeroCrossings.nearest(reader, 470, 50));
        assertEquals(350, ZeroCrossings.nearest(reader, 350, 20), "none within reach: the frame stays");
    }

    @Test
    void spectrogramShowsATonesFrequency() throws Exception {
        Path file = WaveformFixtures.wav(dir, "two.wav", RATE, 1, RATE,
                c -> i -> 0.5 * Math.sin(2 * Math.PI * 1000 * i / RATE) + 0.05 * Math.sin(2 * Math.PI * 5000 * i / RATE));
        Project p = WaveformFixtures.imported(dir, file);
        Spectrogram.Image image = Spectrogram.compute(WaveformFixtures.reader(dir, p), 0, RATE, 20,
                new Spectrogram.Settings(2048, 200, 30, -120));
        assertEquals(200, image.rows());
        assertEquals(20, image.columns());
        int column = 10;
        int loudest = 0;
        for (int r = 1; r < image.rows(); r++) {
            if (image.db()[r][column] > image.db()[loudest][column]) {
                loudest = r;
            }
        }
        double rowWidth = Math.pow(image.maxHz() / image.minHz(), 1.0 / image.rows());
        assertEquals(1000, image.rowHz(loudest), 1000 * (rowWidth - 1), "the loudest row is the 1 kHz tone's");
        assertEquals(20 * Math.log10(0.5), image.db()[loudest][column], 1.5, "a full row reads the tone's level");
        int at5k = (int) Math.floor(Math.log(5000 / image.minHz()) / Math.log(rowWidth));
        assertEquals(20 * Math.log10(0.05), image.db()[at5k][column], 1.5, "the quieter 5 kHz tone");
        int at300 = (int) Math.floor(Math.log(300 / image.minHz()) / Math.log(rowWidth));
        assertTrue(image.db()[at300][column] < -60, "nothing at 300 Hz: " + image.db()[at300][column]);
    }
}
