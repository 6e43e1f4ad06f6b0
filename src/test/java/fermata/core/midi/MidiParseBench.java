package fermata.core.midi;

import com.sun.management.ThreadMXBean;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.Track;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Parse time of a large generated file (1,000,000 notes in 8 tracks, 20,000 tempo changes), ours
 * against javax.sound.midi in the same JVM. Run with
 * {@code mvn -q test -Pbench -Dtest=MidiParseBench}; figures go to the test's output file
 * (target/surefire-reports/fermata.core.midi.MidiParseBench-output.txt) and to docs/BENCHMARKS.md.
 */
@Tag("bench")
class MidiParseBench {
    private static final int NOTES = 1_000_000;
    private static final int TRACKS = 8;
    private static final int TEMPI = 20_000;
    private static final int RUNS = 7;

    private static Project generate() {
        Random random = new Random(42);
        List<Track> tracks = new ArrayList<>();
        long lastTick = 0;
        for (int t = 0; t < TRACKS; t++) {
            List<Note> notes = new ArrayList<>(NOTES / TRACKS);
            long tick = 0;
            for (int i = 0; i < NOTES / TRACKS; i++) {
                tick += random.nextInt(4) == 0 ? 0 : 60 + random.nextInt(420);
                notes.add(new Note(24 + random.nextInt(84), tick, 30 + random.nextInt(900), 1 + random.nextInt(127), t));
            }
            lastTick = Math.max(lastTick, tick);
            tracks.add(new MidiTrack("track-" + (t + 1), "Part " + (t + 1), new Instrument(t * 8, 0, 0, t),
                    MixerSettings.UNITY, List.of(new MidiClip("clip-" + (t + 1), 0, tick + 1000, notes))));
        }
        List<Tempo> tempi = new ArrayList<>(TEMPI);
        for (int i = 0; i < TEMPI; i++) {
            tempi.add(new Tempo(lastTick * i / TEMPI, 400_000 + random.nextInt(300_000)));
        }
        return Project.empty("Bench").withTempoMap(new TempoMap(tempi)).withTracks(tracks);
    }

    private static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void parseOneMillionNotes(@TempDir Path dir) throws Exception {
        long uptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime();
        Path file = dir.resolve("bench.mid");
        long generateStart = System.nanoTime();
        MidiFiles.write(generate(), file);
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;

        long coldStart = System.nanoTime();
        Project cold = MidiFiles.read(file);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
        assertEquals(NOTES, cold.noteCount());
        assertEquals(TEMPI, cold.tempoMap().changes().size());

        for (int i = 0; i < 5; i++) {
            MidiFiles.read(file);
        }
        double[] ours = new double[RUNS];
        long oursAllocated = 0;
        for (int i = 0; i < RUNS; i++) {
            long bytesBefore = allocatedBytes();
            long start = System.nanoTime();
            MidiFiles.read(file);
            ours[i] = (System.nanoTime() - start) / 1e9;
            oursAllocated = allocatedBytes() - bytesBefore;
        }

        for (int i = 0; i < 3; i++) {
            MidiSystem.getSequence(file.toFile());
        }
        double[] jdk = new double[RUNS];
        long jdkAllocated = 0;
        for (int i = 0; i < RUNS; i++) {
            long bytesBefore = allocatedBytes();
            long start = System.nanoTime();
            Sequence sequence = MidiSystem.getSequence(file.toFile());
            jdk[i] = (System.nanoTime() - start) / 1e9;
            jdkAllocated = allocatedBytes() - bytesBefore;
            assertEquals(TRACKS + 1, sequence.getTracks().length);
        }

        System.out.printf("file: %d notes, %d tempo changes, %d tracks, %.1f MB (generated and written in %.2f s)%n",
                NOTES, TEMPI, TRACKS + 1, Files.size(file) / 1e6, generateSeconds);
        System.out.printf("JVM uptime when the benchmark started (fork + JUnit start-up): %.2f s%n", uptimeAtStart / 1e3);
        System.out.printf("MidiFiles.read, first (cold) run: %.3f s%n", coldSeconds);
        System.out.printf("MidiFiles.read, warm, median of %d: %.3f s (min %.3f, max %.3f), %.0f MB allocated per parse%n",
                RUNS, median(ours), Arrays.stream(ours).min().orElseThrow(), Arrays.stream(ours).max().orElseThrow(),
                oursAllocated / 1e6);
        System.out.printf("javax.sound.midi getSequence, warm, median of %d: %.3f s (min %.3f, max %.3f), %.0f MB allocated "
                        + "per parse (events only, no conversion to the model)%n",
                RUNS, median(jdk), Arrays.stream(jdk).min().orElseThrow(), Arrays.stream(jdk).max().orElseThrow(),
                jdkAllocated / 1e6);
        System.out.printf("ratio javax / ours: %.2f; goal under 1 s warm: %s%n", median(jdk) / median(ours),
                median(ours) < 1.0 ? "met" : "NOT met");
    }
}
