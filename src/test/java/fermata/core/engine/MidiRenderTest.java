package fermata.core.engine;

import fermata.core.model.Instrument;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MIDI through the default synthesizer (and the pitch and timing through Gervill too): pitch, timing, length, determinism, SoundFont fallback. */
class MidiRenderTest {
    private static final int RATE = 48_000;
    private static final RenderOptions BUILT_IN = TestSignals.options(0.5);

    private static Project oneTrack(TempoMap tempo, Instrument instrument, Note... notes) {
        return TestSignals.project(List.of(TestSignals.midiTrack("t", instrument, notes)), List.of()).withTempoMap(tempo);
    }

    @ParameterizedTest
    @EnumSource(SynthEngine.class)
    void a4HasItsEnergyAt440Hz(SynthEngine synth) throws Exception {
        Project p = oneTrack(TempoMap.constant(120), Instrument.PIANO, new Note(69, 0, 2 * Ppq.TICKS_PER_QUARTER, 100));
        float[] left = TestSignals.render(p, BUILT_IN.withSynth(synth), ClipSourceProvider.NONE).channel(0);
        int n = 32_768;
        double[] magnitude = Spectrum.magnitude(Arrays.copyOfRange(left, 2400, 2400 + n));
        int peak = 0;
        for (int bin = 10; bin < n / 2; bin++) {
            if (magnitude[bin] > magnitude[peak]) {
                peak = bin;
            }
        }
        double hz = (double) peak * RATE / n;
        assertEquals(440.0, hz, 2.0, "spectral peak");
    }

    @ParameterizedTest
    @EnumSource(SynthEngine.class)
    void onsetsAfterATempoChangeAreExactToOneMillisecond(SynthEngine synth) throws Exception {
        TempoMap tempo = new TempoMap(List.of(Tempo.ofBpm(0, 120), Tempo.ofBpm(4 * Ppq.TICKS_PER_QUARTER, 77)));
        long[] ticks = {5 * Ppq.TICKS_PER_QUARTER, 7 * Ppq.TICKS_PER_QUARTER + 480};
        Note[] notes = Arrays.stream(ticks).mapToObj(t -> new Note(42, t, 60, 127, 9)).toArray(Note[]::new);
        Project p = oneTrack(tempo, new Instrument(0, 0, 0, Instrument.DRUM_CHANNEL), notes);
        float[] left = TestSignals.render(p, BUILT_IN.withSynth(synth), ClipSourceProvider.NONE).channel(0);
        for (long tick : ticks) {
            long expected = tempo.frame(tick, RATE);
            long onset = firstAbove(left, (int) expected - RATE / 20, 0.001f);
            assertEquals(expected, onset, RATE / 1000.0, "onset of the note at tick " + tick);
        }
    }

    private static long firstAbove(float[] signal, int from, float threshold) {
        for (int i = from; i < signal.length; i++) {
            if (Math.abs(signal[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void emptyProjectIsSilenceOfTheTailLength() throws Exception {
        Project p = TestSignals.project(List.of(), List.of());
        TestSignals.MemorySink sink = TestSignals.render(p, TestSignals.options(1.5), ClipSourceProvider.NONE);
        float[] left = sink.channel(0);
        float[] right = sink.channel(1);
        assertEquals(72_000, left.length);
        assertEquals(72_000, sink.expectedFrames);
        for (int i = 0; i < left.length; i++) {
            assertEquals(0f, left[i]);
            assertEquals(0f, right[i]);
        }
        assertTrue(sink.closed);
    }

    @Test
    void renderingTwiceGivesIdenticalBytes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Note[] chord = {new Note(60, 0, 1920, 90), new Note(64, 480, 1440, 80), new Note(67, 960, 960, 100),
                new Note(72, 1200, 200, 110)};
        Project p = TestSignals.project(List.of(TestSignals.midiTrack("piano", Instrument.PIANO, chord),
                TestSignals.midiTrack("strings", new Instrument(48, 0, 0, 1), chord),
                TestSignals.midiTrack("drums", new Instrument(0, 0, 0, 9), new Note(36, 0, 100, 127, 9),
                        new Note(38, 960, 100, 127, 9))), List.of());
        byte[][] files = new byte[2][];
        for (int run = 0; run < 2; run++) {
            Path wav = dir.resolve("run" + run + ".wav");
            new OfflineRenderer().render(p, BUILT_IN, new WavWriterSink(wav, fermata.core.media.WavWriter.Encoding.PCM_24),
                    ProgressListener.NONE, TestSignals.NEVER);
            files[run] = Files.readAllBytes(wav);
        }
        assertTrue(files[0].length > 44 + 3 * 2 * RATE, "a few seconds of audio");
        assertArrayEquals(files[0], files[1]);
    }

    @Test
    void corruptSoundFontFallsBackToTheBuiltInBankWithAWarning(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path junk = dir.resolve("broken.sf2");
        Files.writeString(junk, "RIFF this is not a SoundFont");
        Project p = oneTrack(TempoMap.constant(120), Instrument.PIANO, new Note(60, 0, 480, 100));
        TestSignals.MemorySink sink = new TestSignals.MemorySink();
        RenderService.Result result = new OfflineRenderer().render(p, BUILT_IN.withSoundFont(junk), sink,
                ProgressListener.NONE, TestSignals.NEVER);
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).contains("broken.sf2"), result.warnings().get(0));
        assertEquals("the built-in JDK bank", result.soundBank());
        float peak = 0;
        for (float x : sink.channel(0)) {
            peak = Math.max(peak, Math.abs(x));
        }
        assertTrue(peak > 0.01, "the note still sounds, peak " + peak);
    }

    @Test
    void progressEndsAtOneAndCancellationStops() throws Exception {
        Project p = oneTrack(TempoMap.constant(120), Instrument.PIANO, new Note(60, 0, 9600, 100));
        double[] last = {-1};
        new OfflineRenderer().render(p, BUILT_IN, new TestSignals.MemorySink(), (f, m) -> last[0] = f,
                TestSignals.NEVER);
        assertEquals(1.0, last[0]);
        TestSignals.MemorySink sink = new TestSignals.MemorySink();
        int[] polls = {0};
        org.junit.jupiter.api.Assertions.assertThrows(RenderCancelledException.class, () -> new OfflineRenderer()
                .render(p, BUILT_IN, sink, ProgressListener.NONE, () -> ++polls[0] > 10));
        assertTrue(sink.closed, "the sink is closed after a cancel");
        assertEquals(10, sink.left.size());
    }
}
