package fermata.core.library;

import fermata.core.analysis.TrackFeatures;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureAnalysisAndWatcherTest {
    @TempDir
    Path dir;

    /** Clicks every half second (120 BPM), 8 s at 22,050 Hz. */
    private static Path clickTrack(Path file) throws Exception {
        int rate = 22050;
        int frames = rate * 8;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(frames * 2);
        for (int i = 0; i < frames; i++) {
            int sinceClick = i % (rate / 2);
            double v = sinceClick < 200 ? Math.exp(-sinceClick / 40.0) * Math.sin(2 * Math.PI * 1000 * sinceClick / rate) : 0;
            b.putShort((short) Math.round(20000 * v));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
        return file;
    }

    @Test
    void featuresReadTempoAndPitchClassAndTheJobResumesAfterCancel() throws Exception {
        Path music = dir.resolve("music");
        clickTrack(music.resolve("1-clicks.wav"));
        TestMusic.wav(music.resolve("2-a440.wav"), 4, 22050, 440);
        TestMusic.wav(music.resolve("3-c523.wav"), 4, 22050, 523.25);
        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            LibraryScanner scanner = new LibraryScanner(db);
            scanner.addFolder(music);
            scanner.scan(Progress.NONE);
            FeatureAnalysis analysis = new FeatureAnalysis(db);
            assertEquals(3, analysis.pendingCount());

            // Cancel once the first track is done: the second run does only the rest.
            Progress cancelAfterFirst = new Progress() {
                int updates;

                @Override
                public void update(double fraction, String message) {
                    updates++;
                }

                @Override
                public boolean isCancelled() {
                    return updates >= 1;
                }
            };
            assertThrows(CancelledException.class, () -> analysis.job().run(cancelAfterFirst));
            assertEquals(2, analysis.pendingCount());
            try (TaskExecutor executor = TaskExecutor.sameThread()) {
                assertEquals(2, executor.submit("features", analysis.job()).result().get());
            }
            assertEquals(0, analysis.pendingCount());

            LibraryIndex index = new LibraryIndex(db);
            TrackFeatures clicks = analysis.features(index.trackAt(music.resolve("1-clicks.wav")).orElseThrow().id()).orElseThrow();
            assertEquals(120, clicks.tempoBpm(), 2);
            TrackFeatures a = analysis.features(index.trackAt(music.resolve("2-a440.wav")).orElseThrow().id()).orElseThrow();
            TrackFeatures c = analysis.features(index.trackAt(music.resolve("3-c523.wav")).orElseThrow().id()).orElseThrow();
            assertEquals(9, argmax(a.chromaMean()), "A is pitch class 9");
            assertEquals(0, argmax(c.chromaMean()), "C is pitch class 0");
            assertEquals(13, a.mfccMean().length);
            assertTrue(a.loudnessLufs() < -10 && a.loudnessLufs() > -30, "a sine at a quarter of full scale: " + a.loudnessLufs());
        }
    }

    @Test
    void aTrackThatCannotBeDecodedGetsAnErrorRowAndIsNotRetried() throws Exception {
        Path music = dir.resolve("music");
        TestMusic.wav(music.resolve("ok.wav"), 1, 8000, 440);
        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            LibraryScanner scanner = new LibraryScanner(db);
            scanner.addFolder(music);
            scanner.scan(Progress.NONE);
            Path file = music.resolve("ok.wav");
            long id = new LibraryIndex(db).trackAt(file).orElseThrow().id();
            Files.write(file, new byte[] {1, 2, 3});
            FeatureAnalysis analysis = new FeatureAnalysis(db);
            assertEquals(1, analysis.job().run(Progress.NONE));
            assertTrue(analysis.features(id).isEmpty());
            assertEquals(0, analysis.pendingCount());
        }
    }

    @Test
    void watcherRescansAFolderWhenAFileArrivesOrLeaves() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music").resolve("album"));
        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            LibraryScanner scanner = new LibraryScanner(db);
            scanner.addFolder(dir.resolve("music"));
            List<ScanReport> reports = new CopyOnWriteArrayList<>();
            List<Exception> errors = new CopyOnWriteArrayList<>();
            try (LibraryWatcher watcher = new LibraryWatcher(scanner, scanner.folders(), Duration.ofMillis(200), reports::add,
                    errors::add).start()) {
                TestMusic.wav(music.resolve("new.wav"), 1, 8000, 440);
                TestMusic.wav(dir.resolve("music").resolve("later").resolve("deep.wav"), 1, 8000, 440);
                waitFor(() -> LibraryScannerTest.count(db, "tracks") == 2);
                Files.delete(music.resolve("new.wav"));
                waitFor(() -> LibraryScannerTest.count(db, "tracks") == 1);
            }
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(reports.stream().mapToInt(ScanReport::removed).sum() == 1, reports.toString());
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
