package fermata.core.mix;

import fermata.core.edit.History;
import fermata.core.engine.AudioSink;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderOptions;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan as project settings: one undo step, and the engine plays exactly the mix automix measured. */
class AutomixInProjectTest {
    /** A project with one audio track per stem, each stem written as a float WAV so the engine reads the same samples. */
    private static Project projectOf(List<Stem> stems, Path dir) throws Exception {
        List<MediaRef> media = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            Stem s = stems.get(i);
            Path file = dir.resolve(s.trackId() + ".wav");
            try (WavWriter w = WavWriter.create(file, s.sampleRate(), s.samples().length, WavWriter.Encoding.FLOAT_32)) {
                w.write(s.samples(), 0, s.frames());
                w.commit();
            }
            String hash = String.format("%064x", i + 1);
            media.add(new MediaRef("m" + i, file.toString(), hash, s.frames(), s.sampleRate(), s.samples().length));
            tracks.add(new AudioTrack(s.trackId(), s.name(), MixerSettings.UNITY.withGainDb(-3).withMute(i == 0),
                    List.of(new AudioClip("c" + i, "m" + i, 0, s.frames()))));
        }
        return Project.empty("band").withSampleRate(stems.get(0).sampleRate()).withMedia(media).withTracks(tracks);
    }

    private static final class MemorySink implements AudioSink {
        final float[][] samples = new float[2][];
        int written;

        @Override
        public void begin(int sampleRate, int channels, long totalFrames) {
            samples[0] = new float[(int) totalFrames];
            samples[1] = new float[(int) totalFrames];
        }

        @Override
        public void write(float[][] planar, int frames) {
            System.arraycopy(planar[0], 0, samples[0], written, frames);
            System.arraycopy(planar[1], 0, samples[1], written, frames);
            written += frames;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void applyingThePlanIsOneUndoStepThatKeepsMuteAndSolo(@TempDir Path dir) throws Exception {
        List<Stem> stems = AutoMixerTest.band();
        Project before = projectOf(stems, dir);
        MixPlan plan = AutoMixer.mix(stems, AutoMixer.Options.of(MixPresets.builtIn("streaming")), Progress.NONE).plan();
        History history = new History(before);
        Project after = history.execute(plan.toEdit(before));
        for (StemDecision s : plan.stems()) {
            MixerSettings mixer = after.track(s.trackId()).mixer();
            assertEquals(s.mixer().gainDb(), mixer.gainDb());
            assertEquals(s.mixer().pan(), mixer.pan());
            assertEquals(s.mixer().inserts(), mixer.inserts());
        }
        assertTrue(after.track("t1").mixer().mute(), "the user's mute stays");
        assertEquals(plan.master().mixer().inserts(), after.master().inserts());
        assertEquals(1, history.undoDepth());
        assertEquals("Automix (streaming)", history.undoLabel());
        assertEquals(before, history.undo());
        assertFalse(history.canUndo());
    }

    @Test
    void theEnginePlaysTheMixAutomixMeasured(@TempDir Path dir) throws Exception {
        List<Stem> stems = AutoMixerTest.band();
        AutoMixer.Result result = AutoMixer.mix(stems, AutoMixer.Options.of(MixPresets.builtIn("streaming")), Progress.NONE);
        Project project = projectOf(stems, dir);
        List<Track> unmuted = project.tracks().stream().map(t -> t.withMixer(t.mixer().withMute(false))).toList();
        project = result.plan().toEdit(project.withTracks(unmuted)).apply(project.withTracks(unmuted));
        MediaClipSources media = new MediaClipSources(ref -> Path.of(ref.path()), dir.resolve("cache"));
        MemorySink sink = new MemorySink();
        RenderOptions options = RenderOptions.defaults().withSampleRate(stems.get(0).sampleRate()).withTailSeconds(0)
                .withCeilingDbtp(RenderOptions.LIMITER_OFF);
        new OfflineRenderer(media, media).render(project, options, sink, (f, m) -> { }, () -> false);
        float[][] mix = result.mix();
        assertEquals(mix[0].length, sink.written);
        double worst = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < mix[c].length; i++) {
                worst = Math.max(worst, Math.abs(mix[c][i] - sink.samples[c][i]));
            }
        }
        assertTrue(worst < 1e-6, "largest difference between automix's mix and the engine's render: " + worst);
    }
}
