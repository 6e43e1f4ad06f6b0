package fermata.ui.waveform;

import fermata.core.edit.History;
import fermata.core.media.PeakSummary;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioTrack;
import fermata.core.model.FadeCurve;
import fermata.core.model.Project;
import fermata.core.task.TaskExecutor;
import fermata.core.waveform.AudioExporter;
import fermata.core.waveform.WaveformSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waveform view-model without a toolkit: viewport, levels, tiles, selection, edits, ruler. */
class WaveformViewModelTest {
    private static final int RATE = 48_000;
    private static final int FRAMES = 10 * RATE;

    @TempDir
    Path dir;

    private float[][] signal;
    private History history;
    private WaveformViewModel model;

    @BeforeEach
    void importAToneIntoAnEmptyProject() throws Exception {
        signal = new float[2][FRAMES];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < FRAMES; i++) {
            // A decaying-noise-plus-sine signal: every bucket's extremes are different.
            signal[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / RATE) + 0.2 * random.nextGaussian() * i / FRAMES);
            signal[1][i] = (float) (0.25 * Math.sin(2 * Math.PI * 330 * i / RATE));
        }
        Path file = dir.resolve("take.wav");
        try (WavWriter w = WavWriter.create(file, RATE, 2, WavWriter.Encoding.FLOAT_32)) {
            w.write(signal, 0, FRAMES);
            w.commit();
        }
        history = new History(Project.empty("test"));
        model = new WaveformViewModel(history, TaskExecutor.sameThread(),
                new WaveformSources(dir.resolve("peaks"), dir.resolve("cache")), Runnable::run);
        model.setSize(1000, 100);
        model.importFiles(List.of(file));
    }

    private String track() {
        return model.trackId();
    }

    @Test
    void theAnalysisBeatGridIsPlacedInTimelineFramesAndRedraws() {
        long before = model.changesProperty().get();
        model.setBeatTimes(List.of(0.0, 0.5, 1.25));
        assertArrayEquals(new long[] {0, model.sampleRate() / 2, model.sampleRate() * 5L / 4}, model.beatFrames());
        assertTrue(model.changesProperty().get() > before, "the view is told to redraw");
        model.setBeatTimes(List.of());
        assertEquals(0, model.beatFrames().length);
    }

    @Test
    void importShowsTheNewTrackZoomedToFit() {
        assertNotNull(track());
        assertEquals("take", model.track().name());
        assertEquals(2, model.channels());
        assertEquals(FRAMES, model.trackEndFrame());
        assertEquals(FRAMES / 1000.0, model.framesPerPixel(), 1e-9);
        assertTrue(Files.isDirectory(dir.resolve("peaks")), "peaks were cached on disk");
        assertFalse(model.peaksPending());
    }

    @Test
    void zoomKeepsTheFrameUnderThePointerAndStopsAtItsLimits() {
        double before = model.xToFrame(300);
        model.zoom(8, 300);
        assertEquals(before, model.xToFrame(300), model.framesPerPixel(), "the frame under the pointer stays");
        for (int i = 0; i < 40; i++) {
            model.zoom(4, 500);
        }
        assertEquals(WaveformViewModel.MIN_FRAMES_PER_PIXEL, model.framesPerPixel(), "at most 64 pixels per sample");
        assertTrue(model.showsSamples());
        for (int i = 0; i < 40; i++) {
            model.zoom(0.25, 500);
        }
        assertEquals(model.maxFramesPerPixel(), model.framesPerPixel(), "zoomed out to twice the track");
        assertFalse(model.showsSamples());
    }

    /** Brute-force extremes and RMS of frames [a, b) of a channel. */
    private float[] bruteForce(int channel, long a, long b) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        double sq = 0;
        for (long f = a; f < b; f++) {
            float s = f < FRAMES ? signal[channel][(int) f] : 0f;
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
            sq += (double) s * s;
        }
        return new float[] {lo, hi, (float) Math.sqrt(sq / (b - a))};
    }

    private void assertTileMatchesBruteForce(double framesPerPixel, double rmsTolerance) {
        model.zoom(model.framesPerPixel() / framesPerPixel, 0);
        model.scrollTo(0);
        assertEquals(framesPerPixel, model.framesPerPixel(), 1e-9);
        for (long index : model.visibleTileIndexes()) {
            WaveformViewModel.Tile tile = model.tile(index);
            for (int col = 0; col < WaveformViewModel.TILE_COLUMNS; col++) {
                long a = (long) Math.floor((index * WaveformViewModel.TILE_COLUMNS + col) * framesPerPixel);
                long b = (long) Math.floor((index * WaveformViewModel.TILE_COLUMNS + col + 1) * framesPerPixel);
                if (a >= FRAMES) {
                    break;
                }
                for (int ch = 0; ch < 2; ch++) {
                    float[] expected = bruteForce(ch, a, b);
                    String where = framesPerPixel + " frames/px, column " + col + " channel " + ch;
                    assertEquals(expected[0], tile.min()[ch][col], 0f, where);
                    assertEquals(expected[1], tile.max()[ch][col], 0f, where);
                    if (b <= FRAMES) {
                        // A column across the file's end averages a shorter last bucket as if whole.
                        assertEquals(expected[2], tile.rms()[ch][col], rmsTolerance, where);
                    }
                }
            }
        }
    }

    @Test
    void columnsFromTheFineLevelEqualBruteForce() {
        assertTileMatchesBruteForce(512, 1e-6);
    }

    @Test
    void columnsFromTheDerivedLevelsEqualBruteForce() {
        model.setSize(50, 100);
        assertTileMatchesBruteForce(1024, 1e-6);
        assertTileMatchesBruteForce(4096 * 3, 1e-6);
        assertTileMatchesBruteForce(16384, 1e-6);
    }

    @Test
    void columnsFromTheCoarseLevelEqualBruteForce() {
        model.setSize(10, 100);
        assertTileMatchesBruteForce(PeakSummary.COARSE, 1e-6);
    }

    @Test
    void columnsFromSamplesEqualBruteForce() {
        assertTileMatchesBruteForce(100, 1e-6);
    }

    @Test
    void onlyVisibleTilesAreComputedAndScrollingReusesThem() {
        model.zoom(model.framesPerPixel() / 300, 0);
        model.scrollTo(RATE);
        for (long i : model.visibleTileIndexes()) {
            model.tile(i);
        }
        int visible = model.visibleTileIndexes().length;
        assertTrue(visible <= 1000 / WaveformViewModel.TILE_COLUMNS + 2);
        assertEquals(visible, model.cachedTiles());
        model.scroll(100);
        for (long i : model.visibleTileIndexes()) {
            model.tile(i);
        }
        assertTrue(model.cachedTiles() <= visible + 1, "scrolling 100 pixels computes at most one new tile");
    }

    @Test
    void samplesAtHighZoomAreTheTracksSamples() {
        model.zoom(model.framesPerPixel() / 0.125, 0);
        model.scrollTo(1000);
        assertTrue(model.showsSamples());
        float[][] samples = model.visibleSamples();
        long first = model.firstSampleFrame();
        for (int i = 0; i < samples[0].length; i++) {
            assertEquals(signal[0][(int) (first + i)], samples[0][i], "frame " + (first + i));
        }
    }

    @Test
    void cutPasteAndUndoGoThroughTheHistory() {
        model.select(RATE, 2 * RATE);
        model.cut();
        assertEquals("Cut audio", history.undoLabel());
        assertEquals(FRAMES - RATE, model.trackEndFrame());
        assertFalse(model.hasSelection());
        model.paste();
        assertEquals(FRAMES, model.trackEndFrame());
        assertEquals(RATE, model.selectionStart());
        assertEquals(2 * RATE, model.selectionEnd());
        history.undo();
        history.undo();
        assertEquals(1, model.track().clips().size());
    }

    @Test
    void everyToolBarEditIsOneUndoStep() {
        model.fadeCurveProperty().set(FadeCurve.S_CURVE);
        Runnable[] edits = {
            () -> model.fadeIn(), () -> model.fadeOut(), () -> model.changeGain(-3), () -> model.reverse(),
            () -> model.silence(), () -> model.trimToSelection(), () -> model.split(), () -> model.delete(),
            () -> model.insertSilence(0.5), () -> model.addMarker("verse"), () -> model.normalizePeak(-1),
            () -> model.normalizeLoudness(-16)};
        for (Runnable edit : edits) {
            Project before = history.current();
            model.select(2 * RATE, 4 * RATE);
            edit.run();
            assertTrue(history.current() != before, "an edit happened: " + model.statusProperty().get());
            history.undo();
            assertEquals(before, history.current());
        }
    }

    @Test
    void crossfadeJoinsClipsThatMeetInTheSelection() {
        model.select(RATE, RATE + 1);
        model.split();
        model.select(RATE, 2 * RATE);
        model.delete();
        model.select(RATE - 500, RATE + 500);
        model.crossfade();
        assertEquals("Crossfade", history.undoLabel());
        AudioTrack t = model.track();
        assertEquals(1000, t.clips().get(0).fadeOutFrames());
        assertEquals(1000, t.clips().get(1).fadeInFrames());
    }

    @Test
    void editsThatDoNotFitSayWhyAndChangeNothing() {
        model.clearSelection();
        Project before = history.current();
        model.delete();
        assertEquals("Select a range first", model.statusProperty().get());
        model.select(FRAMES + 100, FRAMES + 200);
        model.fadeIn();
        assertTrue(model.statusProperty().get().startsWith("no audio starts"), model.statusProperty().get());
        assertEquals(before, history.current());
    }

    @Test
    void selectionSnapsToZeroCrossingsWhenAsked() {
        model.snapToZeroCrossingsProperty().set(true);
        model.select(1000, 5000);
        float[] left = signal[0];
        int s = (int) model.selectionStart();
        assertTrue(left[s] == 0 || (left[s - 1] < 0) != (left[s] < 0), "start at a zero crossing: " + s);
        assertTrue(Math.abs(s - 1000) < 200);
    }

    @Test
    void dbScaleShowsQuietDetail() {
        assertEquals(0.5, model.amplitudeToLane(0.5), 1e-12);
        model.scaleProperty().set(WaveformViewModel.Scale.DB);
        assertEquals(1.0, model.amplitudeToLane(1.0), 1e-12);
        assertEquals(1 - 20.0 / 60, model.amplitudeToLane(0.1), 1e-12);
        assertEquals(-(1 - 20.0 / 60), model.amplitudeToLane(-0.1), 1e-12);
        assertEquals(0.0, model.amplitudeToLane(0.0001), 1e-12);
        model.setVerticalZoom(10);
        assertEquals(1.0, model.amplitudeToLane(0.1), 1e-12);
    }

    @Test
    void rulerCountsMinutesSecondsAndBarsBeats() {
        model.zoomToFit();
        List<RulerTick> ticks = model.rulerTicks();
        List<String> labels = ticks.stream().filter(RulerTick::major).map(RulerTick::label).toList();
        assertEquals("0:00", labels.get(0));
        assertEquals("0:01", labels.get(1));
        assertEquals(100, ticks.stream().filter(RulerTick::major).toList().get(1).x(), 1e-9, "1 s at 480 frames/px");
        model.rulerModeProperty().set(WaveformViewModel.RulerMode.BARS_BEATS);
        List<RulerTick> bars = model.rulerTicks().stream().filter(RulerTick::major).toList();
        assertEquals("1", bars.get(0).label());
        assertEquals("2", bars.get(1).label());
        assertEquals(2.0 * RATE / model.framesPerPixel(), bars.get(1).x(), 1e-6, "bar 2 after 2 s at 120 BPM in 4/4");
        model.zoom(100, 0);
        assertEquals("0:00.000", Ruler.minSec(0, 0.001));
        assertEquals("1:02.50", Ruler.minSec(62.5, 0.01));
    }

    @Test
    void exportWritesTheSelection() throws Exception {
        model.select(RATE, 2 * RATE);
        Path out = dir.resolve("out.wav");
        model.export(out, new AudioExporter.Format(32, RATE, null, false));
        float[][] back = fermata.core.media.AudioFiles.readAll(out, 10).samples();
        assertArrayEquals(java.util.Arrays.copyOfRange(signal[1], RATE, 2 * RATE), back[1]);
    }

    @Test
    void aRecordingBecomesOneUndoableClipAtTheCursor() {
        model.pointerPressed(model.frameToX(2 * RATE));
        long at = model.cursor();
        int[] delivered = {0};
        model.startRecording(new fermata.core.waveform.AudioInput() {
            @Override
            public int sampleRate() {
                return RATE;
            }

            @Override
            public int channels() {
                return 2;
            }

            @Override
            public int read(float[][] dest, int maxFrames) {
                if (delivered[0] >= RATE) {
                    return -1;
                }
                int n = Math.min(maxFrames, RATE - delivered[0]);
                for (int i = 0; i < n; i++) {
                    dest[0][i] = 0.125f;
                    dest[1][i] = -0.125f;
                }
                delivered[0] += n;
                return n;
            }

            @Override
            public void close() {
            }
        }, dir.resolve("takes"));
        assertFalse(model.isRecording(), "the input ended, so did the recording");
        assertEquals("Add audio clip", history.undoLabel());
        var take = model.track().clips().get(1);
        assertEquals(at, take.positionFrame());
        assertEquals(RATE, take.lengthFrames());
    }

    @Test
    void mediaAtAnotherRateAreResampledOnImportAndDrawnAtTheProjectRate() throws Exception {
        Path file = dir.resolve("mono44.wav");
        float[][] tone = new float[1][44_100];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * i / 44_100.0));
        }
        try (WavWriter w = WavWriter.create(file, 44_100, 1, WavWriter.Encoding.PCM_24)) {
            w.write(tone, 0, tone[0].length);
            w.commit();
        }
        model.showTrack(null);
        model.importFiles(List.of(file));
        assertEquals("mono44", model.track().name());
        assertEquals(1, model.channels());
        assertEquals(RATE, model.trackEndFrame(), "one second at the project's 48 kHz");
        try (var cached = Files.list(dir.resolve("cache"))) {
            assertTrue(cached.anyMatch(f -> f.getFileName().toString().endsWith("-48000.wav")),
                    "the import resampled the media into the cache");
        }
        model.zoom(model.framesPerPixel() / 0.5, 0);
        model.scrollTo(RATE / 4);
        float[] samples = model.visibleSamples()[0];
        float peak = 0;
        for (float v : samples) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(0.5, peak, 0.01, "the resampled tone keeps its level");
    }

    @Test
    void aSavedProjectsRelativeMediaPathsResolveAgainstItsFile() throws Exception {
        Path projectFile = dir.resolve("song.fermata");
        fermata.core.project.ProjectFiles.write(history.current(), projectFile);
        Project loaded = fermata.core.project.ProjectFiles.read(projectFile).project();
        assertEquals("take.wav", loaded.media().get(0).path(), "stored relative to the project");
        History reopened = new History(loaded);
        WaveformViewModel fresh = new WaveformViewModel(reopened, TaskExecutor.sameThread(),
                new WaveformSources(dir.resolve("peaks"), dir.resolve("cache")), Runnable::run);
        fresh.setSize(1000, 100);
        fresh.setProjectFile(projectFile);
        fresh.showTrack(loaded.tracks().get(0).id());
        assertFalse(fresh.peaksPending());
        assertNotNull(fresh.tile(0), "peaks found through the project's folder");
        fresh.zoom(fresh.framesPerPixel() / 0.5, 0);
        assertEquals(signal[0][10], fresh.visibleSamples()[0][11], "samples read through the project's folder");
    }

    @Test
    void aMidiTrackOrNoTrackShowsNothing() {
        model.showTrack(null);
        assertNull(model.track());
        model.delete();
        assertEquals("No audio track is shown", model.statusProperty().get());
    }
}
