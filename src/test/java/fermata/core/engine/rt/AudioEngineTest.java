package fermata.core.engine.rt;

import fermata.core.dsp.TruePeakDetector;

import fermata.core.engine.ClipSource;
import fermata.core.engine.ClipSourceProvider;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.SampleRateConverter;
import fermata.core.engine.SynthEngine;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.InsertSettings;
import fermata.core.model.Instrument;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;
import org.junit.jupiter.api.Test;

import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transport, loop, metronome and the no-allocation rule of the audio thread. */
class AudioEngineTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;
    private static final String HASH = "0".repeat(64);
    private static final int PERIOD = 48;

    private static ClipSource sine(long frames) {
        return new ClipSource() {
            @Override
            public int channels() {
                return 1;
            }

            @Override
            public int sampleRate() {
                return RATE;
            }

            @Override
            public long frames() {
                return frames;
            }

            @Override
            public void read(long start, float[][] dest, int offset, int count) {
                for (int i = 0; i < count; i++) {
                    long f = start + i;
                    dest[0][offset + i] = f < 0 || f >= frames ? 0f
                            : (float) (0.5 * Math.sin(2 * Math.PI * (f % PERIOD) / PERIOD));
                }
            }
        };
    }

    private static AudioEngine engine(Map<String, ClipSource> sources) {
        ClipSourceProvider provider = media -> sources.get(media.id());
        return new AudioEngine(RATE, BLOCK, Optional.empty(), RenderOptions.DEFAULT_CEILING_DBTP, provider,
                SampleRateConverter.MATCHING_RATES_ONLY);
    }

    private static Project sineProject(int tracks, List<InsertSettings> inserts) {
        long length = RATE * 60L;
        List<Track> list = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            list.add(new AudioTrack("a" + t, "a" + t, MixerSettings.UNITY.withInserts(inserts).withGainDb(-12),
                    List.of(new AudioClip("c" + t, "sine", 0, 0, length, 0, 0, 0))));
        }
        return Project.empty("p").withTracks(list)
                .withMedia(List.of(new MediaRef("sine", "sine.wav", HASH, length, RATE, 1)));
    }

    @Test
    void loopWrapsAtItsEndWithoutADiscontinuity() throws Exception {
        try (AudioEngine engine = engine(Map.of("sine", sine(RATE * 60L)))) {
            engine.publish(sineProject(1, List.of()));
            long loopStart = 1000;
            long loopEnd = loopStart + PERIOD * 37;
            engine.setLoop(loopStart, loopEnd);
            engine.seek(loopStart);
            engine.play();
            float[][] block = new float[2][BLOCK];
            List<Float> left = new ArrayList<>();
            long maxPlayhead = 0;
            boolean wrapped = false;
            long previous = -1;
            for (int b = 0; b < 40; b++) {
                engine.renderCycle(block, BLOCK);
                for (int i = 0; i < BLOCK; i++) {
                    left.add(block[0][i]);
                }
                long p = engine.playheadFrame();
                wrapped |= previous >= 0 && p < previous;
                previous = p;
                maxPlayhead = Math.max(maxPlayhead, p);
                assertTrue(p >= loopStart && p < loopEnd, "playhead " + p + " stays in the loop");
            }
            assertTrue(wrapped, "the playhead wrapped");
            double amplitude = 0.5 * Math.pow(10, -12 / 20.0) * Math.sqrt(0.5);
            double maxStep = amplitude * 2 * Math.PI / PERIOD * 1.01;
            int latency = TruePeakDetector.DELAY + 72;
            for (int i = latency + 1; i < left.size(); i++) {
                double step = Math.abs(left.get(i) - left.get(i - 1));
                assertTrue(step <= maxStep, "jump of " + step + " at sample " + i + " (max " + maxStep + ")");
            }
        }
    }

    @Test
    void metronomeAccentsTheDownbeatOfEachBar() throws Exception {
        try (AudioEngine engine = engine(Map.of())) {
            engine.publish(Project.empty("click").withTimeSignatures(List.of(new TimeSignature(0, 3, 4))));
            engine.setMetronome(true);
            engine.play();
            float[][] block = new float[2][BLOCK];
            float[] all = new float[BLOCK * 300];
            for (int b = 0; b < 300; b++) {
                engine.renderCycle(block, BLOCK);
                System.arraycopy(block[0], 0, all, b * BLOCK, BLOCK);
            }
            int beat = RATE / 2;
            int latency = TruePeakDetector.DELAY + 72;
            for (int k = 0; k < 6; k++) {
                int at = k * beat + latency;
                float peak = 0;
                for (int i = at; i < at + 1000; i++) {
                    peak = Math.max(peak, Math.abs(all[i]));
                }
                float before = Math.abs(all[at - 2]);
                assertEquals(0f, before, 1e-6, "silence just before beat " + k);
                if (k % 3 == 0) {
                    assertTrue(peak > 0.4, "accented downbeat " + k + " peak " + peak);
                } else {
                    assertTrue(peak > 0.2 && peak < 0.35, "plain beat " + k + " peak " + peak);
                }
            }
        }
    }

    @Test
    void countInClicksBeforeThePlayheadMoves() throws Exception {
        try (AudioEngine engine = engine(Map.of())) {
            engine.publish(Project.empty("count"));
            engine.setCountInBars(1);
            engine.play();
            float[][] block = new float[2][BLOCK];
            engine.renderCycle(block, BLOCK);
            assertEquals(TransportState.COUNT_IN, engine.state());
            assertEquals(0, engine.playheadFrame());
            int countInBlocks = (4 * RATE / 2) / BLOCK;
            for (int b = 0; b < countInBlocks + 2; b++) {
                engine.renderCycle(block, BLOCK);
            }
            assertEquals(TransportState.PLAYING, engine.state());
            assertTrue(engine.playheadFrame() > 0 && engine.playheadFrame() < 3 * BLOCK);
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long allocationOfRenderLoop(AudioEngine engine, int blocks) {
        return allocationOfRenderLoop(engine, blocks, b -> {
        });
    }

    /** Bytes allocated on this thread by {@code blocks} render cycles, each after {@code beforeBlock}. */
    private static long allocationOfRenderLoop(AudioEngine engine, int blocks, IntConsumer beforeBlock) {
        float[][] block = new float[2][BLOCK];
        for (int b = 0; b < 500; b++) {
            beforeBlock.accept(b);
            engine.renderCycle(block, BLOCK);
        }
        long idle = -allocatedBytes() + allocatedBytes();
        idle = -allocatedBytes() + allocatedBytes();
        long before = allocatedBytes();
        for (int b = 0; b < blocks; b++) {
            beforeBlock.accept(b);
            engine.renderCycle(block, BLOCK);
        }
        // What the two reads of the counter cost themselves, so that only the loop is counted.
        return allocatedBytes() - before - idle;
    }

    @Test
    void mixerTransportLimiterAndMetronomePathAllocatesNothing() throws Exception {
        List<InsertSettings> inserts = List.of(
                new InsertSettings("eq", true, Map.of("lowDb", 3.0, "highDb", -2.0)),
                new InsertSettings("compressor", true, Map.of("thresholdDb", -30.0)),
                new InsertSettings("limiter", true, Map.of()));
        try (AudioEngine engine = engine(Map.of("sine", sine(RATE * 600L)))) {
            engine.publish(sineProject(16, inserts));
            engine.setMetronome(true);
            engine.setLoop(RATE, RATE * 2L + 123);
            engine.play();
            long shortRun = allocationOfRenderLoop(engine, 1000);
            long longRun = allocationOfRenderLoop(engine, 4000);
            System.out.printf("mixer path: %d bytes in 1000 blocks, %d bytes in 4000 blocks%n", shortRun, longRun);
            // The counter reads themselves cost a few hundred bytes now and then (JIT, TLAB
            // accounting); what must hold is that nothing is allocated per block.
            assertTrue(longRun < 2048, longRun + " bytes in 4000 blocks of 16 tracks, inserts, limiter, metronome, loop");
            assertTrue(longRun - shortRun < 1024, "allocation grows with the number of blocks: " + shortRun + " -> " + longRun);
        }
    }

    /**
     * The same render with and without live messages: passing them through the ring, to the armed
     * track's synthesizer (notes, controllers, bend) and into the recording must add nothing.
     */
    @Test
    void midiInputPlayThroughAndRecordingAddNoAllocation() throws Exception {
        List<Track> tracks = new ArrayList<>(sineProject(16, List.of()).tracks());
        tracks.add(new MidiTrack("keys", "keys", Instrument.PIANO, MixerSettings.UNITY, List.of()));
        ShortMessage[] played = {
                new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 1, 40),
                new ShortMessage(ShortMessage.PITCH_BEND, 0, 0, 70),
                new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 1, 90),
                new ShortMessage(ShortMessage.PITCH_BEND, 0, 0, 64),
                new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100),
                new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0)};
        try (AudioEngine engine = engine(Map.of("sine", sine(RATE * 600L)));
             MidiInput input = new MidiInput(engine, List::of)) {
            engine.publish(sineProject(16, List.of()).withTracks(tracks));
            engine.armTrack("keys");
            engine.recorder().start();
            engine.play();
            Receiver in = input.receiver();
            IntConsumer feed = b -> {
                in.send(played[b % played.length], -1);
                in.send(played[(b + 1) % played.length], -1);
            };
            long quiet = allocationOfRenderLoop(engine, 4000);
            long fed = allocationOfRenderLoop(engine, 4000, feed);
            System.out.printf("MIDI input path: %d bytes in 4000 blocks without input, %d with 2 messages a block%n",
                    quiet, fed);
            assertEquals(0, engine.droppedLiveMessages(), "every message reached the audio thread");
            assertEquals(0, engine.recorder().droppedMessages(), "every message reached the recording");
            assertTrue(fed - quiet < 1024, "live input allocated " + (fed - quiet) + " bytes in 4000 blocks");
        }
    }

    private static Project busyMidi() {
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            List<Note> notes = new ArrayList<>();
            for (int n = 0; n < 400; n++) {
                notes.add(new Note(48 + (n * 7 + t * 5) % 36, n * 240L, 200, 90, t == 7 ? 9 : 0));
            }
            tracks.add(new MidiTrack("m" + t, "m" + t, new Instrument(t * 8, 0, 0, t == 7 ? 9 : t), MixerSettings.UNITY,
                    List.of(new MidiClip("c" + t, 0, 0, notes))));
        }
        return Project.empty("busy").withTracks(tracks);
    }

    /** Energy of the left channel over blocks [from, to) after a closed hi-hat at 0, republishing the project at {@code republishAt} (-1: never). */
    private static double reverbTailEnergy(int republishAt, int from, int to) throws Exception {
        Project hat = Project.empty("hat").withTracks(List.of(new MidiTrack("drums", "drums", new Instrument(0, 0, 0, 9),
                MixerSettings.UNITY, List.of(new MidiClip("c", 0, 0, List.of(new Note(42, 0, 60, 127, 9)))))));
        try (AudioEngine engine = engine(Map.of())) {
            engine.publish(hat);
            engine.play();
            float[][] block = new float[2][BLOCK];
            double energy = 0;
            for (int b = 0; b < to; b++) {
                if (b == republishAt) {
                    engine.publish(hat.withName("hat, edited"));
                }
                engine.renderCycle(block, BLOCK);
                for (int i = 0; b >= from && i < BLOCK; i++) {
                    energy += block[0][i] * block[0][i];
                }
            }
            return energy;
        }
    }

    @Test
    void anEditDuringPlaybackKeepsTheSharedReverbsTail() throws Exception {
        // At 0.75 s the hi-hat's sample has ended; what sounds is the reverb's tail.
        int edit = 70;
        double kept = reverbTailEnergy(edit, edit + 2, edit + 12);
        double undisturbed = reverbTailEnergy(-1, edit + 2, edit + 12);
        assertTrue(undisturbed > 1e-9, "the reverb rings after the hi-hat: " + undisturbed);
        assertEquals(10 * Math.log10(undisturbed), 10 * Math.log10(kept), 1.0, "the tail goes on through the edit (dB)");
    }

    @Test
    void busyMidiTracksOnTheDefaultSynthesizerAllocateNothing() throws Exception {
        try (AudioEngine engine = engine(Map.of())) {
            engine.publish(busyMidi());
            engine.play();
            long shortRun = allocationOfRenderLoop(engine, 1000);
            long longRun = allocationOfRenderLoop(engine, 4000);
            System.out.printf("Fermata synthesizer (8 MIDI tracks, ~13 notes/s each): %d bytes in 1000 blocks, "
                    + "%d bytes in 4000 blocks%n", shortRun, longRun);
            assertTrue(longRun < 2048, longRun + " bytes in 4000 blocks of 8 busy MIDI tracks");
            assertTrue(longRun - shortRun < 1024, "allocation grows with the number of blocks: " + shortRun + " -> " + longRun);
        }
    }

    /** Twelve string tracks of six-note chords every eighth note: over the graph's voice limit, so it sheds voices every block. */
    private static Project crowdedMidi() {
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            List<Note> notes = new ArrayList<>();
            for (int c = 0; c < 400; c++) {
                for (int v = 0; v < 6; v++) {
                    notes.add(new Note(40 + (c * 5 + v * 7 + t) % 48, c * 240L, 200, 100, t == 9 ? 10 : t));
                }
            }
            tracks.add(new MidiTrack("s" + t, "s" + t, new Instrument(48, 0, 0, t == 9 ? 10 : t), MixerSettings.UNITY,
                    List.of(new MidiClip("c" + t, 0, 0, notes))));
        }
        return Project.empty("crowd").withTracks(tracks);
    }

    @Test
    void theVoiceLimitAndTheSharedReverbAllocateNothing() throws Exception {
        try (AudioEngine engine = engine(Map.of())) {
            engine.publish(crowdedMidi());
            engine.play();
            long shortRun = allocationOfRenderLoop(engine, 500);
            long longRun = allocationOfRenderLoop(engine, 2000);
            System.out.printf("Fermata synthesizer over the voice limit (12 string tracks of chords): %d bytes in 500 "
                    + "blocks, %d bytes in 2000 blocks%n", shortRun, longRun);
            assertTrue(longRun < 2048, longRun + " bytes in 2000 blocks over the voice limit");
            assertTrue(longRun - shortRun < 1024, "allocation grows with the number of blocks: " + shortRun + " -> " + longRun);
        }
    }

    @Test
    void gervillAllocationIsMeasuredAndReported() throws Exception {
        try (AudioEngine engine = new AudioEngine(RATE, BLOCK, Optional.empty(), RenderOptions.DEFAULT_CEILING_DBTP,
                ClipSourceProvider.NONE, SampleRateConverter.MATCHING_RATES_ONLY, SynthEngine.GERVILL)) {
            engine.publish(busyMidi());
            engine.play();
            int blocks = 3000;
            long bytes = allocationOfRenderLoop(engine, blocks);
            System.out.printf("Gervill (8 MIDI tracks, ~13 notes/s each): %d bytes in %d blocks = %.1f bytes/block%n",
                    bytes, blocks, (double) bytes / blocks);
            assertTrue(bytes > 0, "this test measures Gervill; zero means the synthesizers did not run");
            assertTrue(bytes < 200_000L * blocks, "Gervill's allocation per block grew beyond the recorded figure: " + bytes);
        }
    }
}
