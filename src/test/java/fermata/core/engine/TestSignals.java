package fermata.core.engine;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.Instrument;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Projects, clip sources and a memory sink with known contents for the engine tests. */
final class TestSignals {
    static final String HASH = "0".repeat(64);
    static final BooleanSupplier NEVER = () -> false;

    private TestSignals() {
    }

    /** A clip source whose every sample is produced by a function of (channel, frame). */
    interface SampleFunction {
        float at(int channel, long frame);
    }

    static ClipSource source(int channels, int rate, long frames, SampleFunction f) {
        return new ClipSource() {
            @Override
            public int channels() {
                return channels;
            }

            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public long frames() {
                return frames;
            }

            @Override
            public void read(long start, float[][] dest, int offset, int count) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < count; i++) {
                        long f = start + i;
                        dest[c][offset + i] = f < 0 || f >= frames ? 0f : f(c, f);
                    }
                }
            }

            private float f(int c, long frame) {
                return f.at(c, frame);
            }
        };
    }

    static ClipSourceProvider provider(Map<String, ClipSource> byMediaId) {
        return media -> byMediaId.get(media.id());
    }

    static MediaRef media(String id, long frames, int rate, int channels) {
        return new MediaRef(id, id + ".wav", HASH, frames, rate, channels);
    }

    static AudioTrack audioTrack(String id, MixerSettings mixer, AudioClip... clips) {
        return new AudioTrack(id, id, mixer, List.of(clips));
    }

    static MidiTrack midiTrack(String id, Instrument instrument, Note... notes) {
        return new MidiTrack(id, id, instrument, MixerSettings.UNITY,
                List.of(new MidiClip(id + "-clip", 0, 0, List.of(notes))));
    }

    static Project project(List<Track> tracks, List<MediaRef> media) {
        return Project.empty("test").withTracks(tracks).withMedia(media);
    }

    static RenderOptions options(double tail) {
        return RenderOptions.defaults().withTailSeconds(tail);
    }

    /** Keeps a whole render in memory. */
    static final class MemorySink implements AudioSink {
        int sampleRate;
        long expectedFrames;
        final List<float[]> left = new ArrayList<>();
        final List<float[]> right = new ArrayList<>();
        boolean closed;

        @Override
        public void begin(int rate, int channels, long totalFrames) {
            sampleRate = rate;
            expectedFrames = totalFrames;
        }

        @Override
        public void write(float[][] planar, int frames) {
            left.add(java.util.Arrays.copyOf(planar[0], frames));
            right.add(java.util.Arrays.copyOf(planar[1], frames));
        }

        @Override
        public void close() {
            closed = true;
        }

        float[] channel(int c) {
            List<float[]> blocks = c == 0 ? left : right;
            int n = blocks.stream().mapToInt(b -> b.length).sum();
            float[] all = new float[n];
            int pos = 0;
            for (float[] b : blocks) {
                System.arraycopy(b, 0, all, pos, b.length);
                pos += b.length;
            }
            return all;
        }
    }

    static MemorySink render(Project project, RenderOptions options, ClipSourceProvider clips) throws Exception {
        MemorySink sink = new MemorySink();
        new OfflineRenderer(clips, SampleRateConverter.MATCHING_RATES_ONLY)
                .render(project, options, sink, ProgressListener.NONE, NEVER);
        return sink;
    }
}
