package fermata.core.engine;

import fermata.core.edit.AddMarker;
import fermata.core.edit.AudioClipboard;
import fermata.core.edit.ChangeAudioGain;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.CrossfadeAudioClips;
import fermata.core.edit.DeleteAudioRange;
import fermata.core.edit.EditCommand;
import fermata.core.edit.FadeAudioRange;
import fermata.core.edit.History;
import fermata.core.edit.InsertAudioSilence;
import fermata.core.edit.PasteAudio;
import fermata.core.edit.ReverseAudioRange;
import fermata.core.edit.SilenceAudioRange;
import fermata.core.edit.SplitAudioClips;
import fermata.core.edit.TrimAudioToRange;
import fermata.core.dsp.Decibels;
import fermata.core.model.AudioClip;
import fermata.core.model.FadeCurve;
import fermata.core.model.Marker;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every range edit of an audio track, rendered through {@link AudioTrackReader} (the engine's own
 * clip code) on a generated stereo signal whose every sample is distinct, compared sample by sample
 * with the samples the edit must give. The source media are never touched: only clips change.
 */
class AudioEditRenderTest {
    private static final int RATE = 48_000;
    private static final int MEDIA_FRAMES = 4000;
    private static final int VIEW = 3000;
    private static final String TRACK = "t";

    /** Left: distinct positive values exact in float; right: their negatives. */
    private static float sample(int channel, long frame) {
        float v = (frame + 1) / 4096f;
        return channel == 0 ? v : -v;
    }

    private final MediaRef media = TestSignals.media("m", MEDIA_FRAMES, RATE, 2);
    private final ClipSourceProvider provider = TestSignals.provider(Map.of("m",
            TestSignals.source(2, RATE, MEDIA_FRAMES, AudioEditRenderTest::sample)));

    /** One clip playing media [500, 2500) at timeline [100, 2100). */
    private Project base() {
        return TestSignals.project(List.of(TestSignals.audioTrack(TRACK, MixerSettings.UNITY.withPan(-1),
                new AudioClip("c1", "m", 100, 500, 2000, 0.0, 0, 0))), List.of(media));
    }

    private float[][] render(Project p) throws Exception {
        return AudioTrackReader.open(p, TRACK, provider, SampleRateConverter.MATCHING_RATES_ONLY).read(0, VIEW);
    }

    private float[][] apply(EditCommand... edits) throws Exception {
        Project p = base();
        for (EditCommand e : edits) {
            p = e.apply(p);
        }
        return render(p);
    }

    /** Expected output built from the unedited render by a frame map (-1: silence). */
    private float[][] mapped(java.util.function.IntUnaryOperator fromOriginal) throws Exception {
        float[][] original = render(base());
        float[][] out = new float[2][VIEW];
        for (int c = 0; c < 2; c++) {
            for (int x = 0; x < VIEW; x++) {
                int src = fromOriginal.applyAsInt(x);
                out[c][x] = src < 0 || src >= VIEW ? 0f : original[c][src];
            }
        }
        return out;
    }

    private static void assertSamples(float[][] expected, float[][] actual) {
        for (int c = 0; c < expected.length; c++) {
            assertArrayEquals(expected[c], actual[c], "channel " + c);
        }
    }

    @Test
    void anUneditedClipPlaysItsMediaRange() throws Exception {
        float[][] out = render(base());
        for (int x = 0; x < VIEW; x++) {
            float expected = x >= 100 && x < 2100 ? sample(0, x - 100 + 500) : 0f;
            assertEquals(expected, out[0][x], "frame " + x);
            assertEquals(expected == 0f ? 0f : -expected, out[1][x], "frame " + x);
        }
    }

    @Test
    void deleteClosesTheGap() throws Exception {
        assertSamples(mapped(x -> x < 600 ? x : x + 100), apply(new DeleteAudioRange(TRACK, 600, 700)));
    }

    @Test
    void deleteAcrossTheClipStartKeepsTheRest() throws Exception {
        assertSamples(mapped(x -> x < 50 ? x : x + 100), apply(new DeleteAudioRange(TRACK, 50, 150)));
    }

    @Test
    void silenceLeavesTheRestInPlace() throws Exception {
        assertSamples(mapped(x -> x >= 600 && x < 700 ? -1 : x), apply(new SilenceAudioRange(TRACK, 600, 700)));
    }

    @Test
    void trimKeepsOnlyTheSelection() throws Exception {
        assertSamples(mapped(x -> x >= 600 && x < 700 ? x : -1), apply(new TrimAudioToRange(TRACK, 600, 700)));
    }

    @Test
    void splitChangesNoSample() throws Exception {
        Project split = new SplitAudioClips(TRACK, 1000).apply(base());
        assertEquals(2, split.audioTrack(TRACK).clips().size());
        assertSamples(render(base()), render(split));
    }

    @Test
    void insertSilenceOpensAGap() throws Exception {
        assertSamples(mapped(x -> x < 1000 ? x : x < 1050 ? -1 : x - 50), apply(new InsertAudioSilence(TRACK, 1000, 50)));
    }

    @Test
    void copyAndPasteInsertsTheCopiedSamples() throws Exception {
        AudioClipboard copied = AudioClipboard.copy(base(), TRACK, 600, 700);
        assertEquals(100, copied.lengthFrames());
        assertSamples(mapped(x -> x < 1500 ? x : x < 1600 ? x - 1500 + 600 : x - 100),
                apply(new PasteAudio(TRACK, 1500, copied)));
    }

    @Test
    void cutThenPasteMovesTheSamples() throws Exception {
        AudioClipboard cut = AudioClipboard.copy(base(), TRACK, 600, 700);
        // Cut [600, 700), then paste at 1400 of the shortened track (1500 of the original).
        float[][] out = apply(new DeleteAudioRange(TRACK, 600, 700), new PasteAudio(TRACK, 1400, cut));
        assertSamples(mapped(x -> x < 600 ? x : x < 1400 ? x + 100 : x < 1500 ? x - 1400 + 600 : x), out);
    }

    @Test
    void pasteOfASelectionWithSilenceKeepsItsLength() throws Exception {
        AudioClipboard copied = AudioClipboard.copy(base(), TRACK, 0, 200);
        assertEquals(1, copied.clips().size());
        assertSamples(mapped(x -> x < 2000 ? x : x < 2200 ? x - 2000 : x - 200),
                apply(new PasteAudio(TRACK, 2000, copied)));
    }

    @Test
    void reversePlaysTheRangeBackwards() throws Exception {
        assertSamples(mapped(x -> x >= 600 && x < 700 ? 600 + 699 - x : x), apply(new ReverseAudioRange(TRACK, 600, 700)));
        assertSamples(mapped(x -> x < 3000 - x ? 3000 - 1 - x : 3000 - 1 - x),
                apply(new ReverseAudioRange(TRACK, 0, 3000)));
    }

    @Test
    void reversingTwiceIsBitIdentical() throws Exception {
        assertSamples(render(base()), apply(new ReverseAudioRange(TRACK, 600, 1700), new ReverseAudioRange(TRACK, 600, 1700)));
    }

    @Test
    void reversedClipsSplitAndTrimExactly() throws Exception {
        float[][] reversed = apply(new ReverseAudioRange(TRACK, 100, 2100));
        float[][] thenCut = apply(new ReverseAudioRange(TRACK, 100, 2100), new DeleteAudioRange(TRACK, 1000, 1100));
        for (int c = 0; c < 2; c++) {
            for (int x = 0; x < VIEW; x++) {
                int src = x < 1000 ? x : x + 100;
                assertEquals(src < VIEW ? reversed[c][src] : 0f, thenCut[c][x], "frame " + x);
            }
        }
    }

    @Test
    void gainScalesOnlyTheRange() throws Exception {
        float g = (float) Decibels.toGain(6.0);
        float[][] original = render(base());
        float[][] out = apply(new ChangeAudioGain(TRACK, 600, 700, 6.0, "Gain"));
        for (int x = 0; x < VIEW; x++) {
            float expected = x >= 600 && x < 700 ? original[0][x] * g : original[0][x];
            assertEquals(expected, out[0][x], "frame " + x);
        }
    }

    @Test
    void fadesAreExactAtTheirEndsForEveryCurve() throws Exception {
        for (FadeCurve curve : FadeCurve.values()) {
            float[][] original = render(base());
            float[][] in = apply(new FadeAudioRange(TRACK, 600, 700, true, curve));
            assertArrayEquals(java.util.Arrays.copyOfRange(original[0], 0, 600), java.util.Arrays.copyOfRange(in[0], 0, 600),
                    curve + ": audio before a fade-in is untouched");
            assertEquals(0f, in[0][600], curve + ": a fade-in starts at silence");
            assertEquals(original[0][700], in[0][700], curve + ": full level right after the fade-in");
            for (int k = 0; k < 100; k++) {
                assertEquals(original[0][600 + k] * curve.gain(k / 100.0), in[0][600 + k], 1e-7, curve + " at " + k);
            }
            float[][] out = apply(new FadeAudioRange(TRACK, 1000, 1100, false, curve));
            assertEquals(original[0][1000], out[0][1000], curve + ": a fade-out starts at full level");
            assertEquals(original[0][1099] * curve.gain(1 / 100.0), out[0][1099], 1e-7, curve + ": last frame of the fade-out");
            assertEquals(original[0][1100], out[0][1100], curve + ": audio after the fade-out is untouched");
            for (int k = 0; k < 100; k++) {
                assertTrue(Math.abs(out[0][1000 + k + 1]) <= Math.abs(out[0][1000 + k]) * 1.001 || k == 99,
                        curve + ": the fade-out falls");
            }
        }
    }

    @Test
    void fadeCurvesHaveTheirShapes() {
        for (FadeCurve c : FadeCurve.values()) {
            assertEquals(0.0, c.gain(0));
            assertEquals(1.0, c.gain(1));
            double previous = 0;
            for (int i = 1; i <= 100; i++) {
                double g = c.gain(i / 100.0);
                assertTrue(g > previous, c + " rises");
                previous = g;
            }
        }
        assertEquals(0.5, FadeCurve.LINEAR.gain(0.5), 1e-15);
        assertEquals(Math.sqrt(0.5), FadeCurve.EQUAL_POWER.gain(0.5), 1e-15);
        assertEquals(0.5, FadeCurve.S_CURVE.gain(0.5), 1e-15);
        assertTrue(FadeCurve.EXPONENTIAL.gain(0.5) < 0.05, "exponential starts slowly");
        assertTrue(FadeCurve.LOGARITHMIC.gain(0.5) > 0.95, "logarithmic starts fast");
        assertEquals(1.0, FadeCurve.EXPONENTIAL.gain(0.3) + FadeCurve.LOGARITHMIC.gain(0.7), 1e-12);
    }

    @Test
    void linearCrossfadeOfAJoinSumsToTheSignal() throws Exception {
        MediaRef dc = TestSignals.media("dc", 4000, RATE, 1);
        ClipSourceProvider dcProvider = TestSignals.provider(Map.of("dc", TestSignals.source(1, RATE, 4000, (c, f) -> 0.5f)));
        Project p = TestSignals.project(List.of(TestSignals.audioTrack(TRACK, MixerSettings.UNITY,
                new AudioClip("c1", "dc", 0, 0, 2000, 0.0, 0, 0))), List.of(dc));
        p = new SplitAudioClips(TRACK, 1000).apply(p);
        p = new DeleteAudioRange(TRACK, 1000, 1200).apply(p);
        var clips = p.audioTrack(TRACK).clips();
        for (FadeCurve curve : new FadeCurve[] {FadeCurve.LINEAR, FadeCurve.EQUAL_POWER}) {
            Project x = new CrossfadeAudioClips(TRACK, clips.get(0).id(), clips.get(1).id(), 100, curve).apply(p);
            float[][] out = AudioTrackReader.open(x, TRACK, dcProvider, SampleRateConverter.MATCHING_RATES_ONLY).read(0, 2000);
            for (int f = 0; f < 1800; f++) {
                if (curve == FadeCurve.LINEAR) {
                    assertEquals(0.5f, out[0][f], 1e-6, "linear crossfade of a DC signal at " + f);
                } else if (f < 950 || f >= 1050) {
                    assertEquals(0.5f, out[0][f], 0f, "outside the crossfade at " + f);
                }
            }
            assertEquals(0f, out[0][1800]);
        }
        Project eq = new CrossfadeAudioClips(TRACK, clips.get(0).id(), clips.get(1).id(), 100, FadeCurve.EQUAL_POWER).apply(p);
        AudioClip left = eq.audioTrack(TRACK).clips().get(0);
        AudioClip right = eq.audioTrack(TRACK).clips().get(1);
        assertEquals(1050, left.endFrame());
        assertEquals(950, right.positionFrame());
        for (int k = 0; k <= 100; k += 10) {
            double out = FadeCurve.EQUAL_POWER.gain((100 - k) / 100.0);
            double in = FadeCurve.EQUAL_POWER.gain(k / 100.0);
            assertEquals(1.0, out * out + in * in, 1e-12, "equal power at " + k);
        }
    }

    @Test
    void crossfadeNeedsMediaBeyondTheEdges() {
        Project whole = TestSignals.project(List.of(TestSignals.audioTrack(TRACK, MixerSettings.UNITY,
                new AudioClip("c1", "m", 0, 0, MEDIA_FRAMES, 0.0, 0, 0))), List.of(media));
        Project atEnd = new SplitAudioClips(TRACK, MEDIA_FRAMES - 10).apply(whole);
        var endClips = atEnd.audioTrack(TRACK).clips();
        assertThrows(IllegalArgumentException.class, () -> new CrossfadeAudioClips(TRACK, endClips.get(0).id(),
                endClips.get(1).id(), 100, FadeCurve.LINEAR).apply(atEnd), "the left clip would play past the media's end");
        new CrossfadeAudioClips(TRACK, endClips.get(0).id(), endClips.get(1).id(), 20, FadeCurve.LINEAR).apply(atEnd);
        Project p = new SplitAudioClips(TRACK, 1000).apply(base());
        var clips = p.audioTrack(TRACK).clips();
        assertThrows(IllegalArgumentException.class,
                () -> new CrossfadeAudioClips(TRACK, clips.get(1).id(), clips.get(0).id(), 100, FadeCurve.LINEAR).apply(p));
    }

    @Test
    void markersRideAlongWithRippleEdits() {
        Project p = new AddMarker(TRACK, new Marker("mk", "verse", 1000, 0)).apply(base());
        p = new AddMarker(TRACK, new Marker("rg", "chorus", 1500, 200)).apply(p);
        Project deleted = new DeleteAudioRange(TRACK, 600, 700).apply(p);
        assertEquals(900, deleted.audioTrack(TRACK).markers().get(0).frame());
        assertEquals(new Marker("rg", "chorus", 1400, 200), deleted.audioTrack(TRACK).markers().get(1));
        Project inserted = new InsertAudioSilence(TRACK, 1550, 50).apply(p);
        assertEquals(new Marker("rg", "chorus", 1500, 250), inserted.audioTrack(TRACK).markers().get(1));
        Project gone = new DeleteAudioRange(TRACK, 900, 1100).apply(p);
        assertEquals(List.of("rg"), gone.audioTrack(TRACK).markers().stream().map(Marker::id).toList());
    }

    @Test
    void undoRestoresBitIdenticalAudio() throws Exception {
        Project start = base();
        float[][] before = render(start);
        History history = new History(start);
        AudioClipboard copied = AudioClipboard.copy(start, TRACK, 200, 400);
        List<EditCommand> edits = List.of(new DeleteAudioRange(TRACK, 600, 700), new PasteAudio(TRACK, 1200, copied),
                new ReverseAudioRange(TRACK, 300, 900), new FadeAudioRange(TRACK, 100, 300, true, FadeCurve.S_CURVE),
                new ChangeAudioGain(TRACK, 50, 2500, -3.5, "Normalize"), new InsertAudioSilence(TRACK, 10, 7),
                new CompoundEdit("Two", List.of(new SilenceAudioRange(TRACK, 5, 20), new SplitAudioClips(TRACK, 777))));
        for (EditCommand e : edits) {
            history.execute(e);
        }
        float[][] edited = render(history.current());
        assertTrue(!java.util.Arrays.equals(before[0], edited[0]), "the edits changed the audio");
        while (history.canUndo()) {
            history.undo();
        }
        assertSamples(before, render(history.current()));
        while (history.canRedo()) {
            history.redo();
        }
        assertSamples(edited, render(history.current()));
    }

    @Test
    void shapedFadesAndReversedClipsAllocateNothingOnTheAudioThread() throws Exception {
        Project p = new ReverseAudioRange(TRACK, 600, 900).apply(base());
        p = new FadeAudioRange(TRACK, 100, 500, true, FadeCurve.S_CURVE).apply(p);
        p = new FadeAudioRange(TRACK, 1500, 2100, false, FadeCurve.EXPONENTIAL).apply(p);
        List<PlacedClip> placed = AudioTrackSource.place(p.audioTrack(TRACK), p, RATE, provider,
                SampleRateConverter.MATCHING_RATES_ONLY);
        AudioTrackSource source = new AudioTrackSource(placed, 64);
        float[][] out = new float[2][64];
        for (int warm = 0; warm < 2000; warm++) {
            source.render((warm * 64L) % VIEW, out, 64);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int block = 0; block < 2000; block++) {
            source.render((block * 64L) % VIEW, out, 64);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertEquals(0, allocated, "bytes allocated by 2000 blocks of clip playback");
    }

    @Test
    void theEngineRendersWhatTheReaderReads() throws Exception {
        Project p = base();
        p = new ReverseAudioRange(TRACK, 600, 900).apply(p);
        p = new FadeAudioRange(TRACK, 1500, 2100, false, FadeCurve.EXPONENTIAL).apply(p);
        p = new ChangeAudioGain(TRACK, 200, 400, -6, "Gain").apply(p);
        float[][] read = render(p);
        RenderOptions options = TestSignals.options(0.0).withCeilingDbtp(RenderOptions.LIMITER_OFF);
        float[] left = TestSignals.render(p, options, provider).channel(0);
        for (int x = 0; x < 2100; x++) {
            assertEquals(read[0][x], left[x], 1e-7, "frame " + x);
        }
    }
}
