package fermata.core.waveform;

import fermata.core.engine.AudioTrackReader;
import fermata.core.engine.MediaClipSources;
import fermata.core.media.PeakCache;
import fermata.core.media.WavWriter;
import fermata.core.model.Project;
import fermata.core.task.Progress;

import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;

/** Generated WAV files imported into a project, and readers of what their track plays. */
final class WaveformFixtures {
    static final int RATE = 48_000;

    private WaveformFixtures() {
    }

    /** Writes a float WAV whose channel c frame i is {@code signal(c).applyAsDouble(i)}. */
    static Path wav(Path dir, String name, int frames, int channels, int rate,
                    java.util.function.IntFunction<IntToDoubleFunction> signal) throws Exception {
        Path file = dir.resolve(name);
        float[][] data = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            IntToDoubleFunction f = signal.apply(c);
            for (int i = 0; i < frames; i++) {
                data[c][i] = (float) f.applyAsDouble(i);
            }
        }
        try (WavWriter w = WavWriter.create(file, rate, channels, WavWriter.Encoding.FLOAT_32)) {
            w.write(data, 0, frames);
            w.commit();
        }
        return file;
    }

    static IntToDoubleFunction sine(double hz, double amplitude) {
        return i -> amplitude * Math.sin(2 * Math.PI * hz * i / RATE);
    }

    /** A project with one audio track holding the whole file at frame 0; its track id is the first track's. */
    static Project imported(Path dir, Path file) throws Exception {
        AudioImporter importer = new AudioImporter(new PeakCache(dir.resolve("peaks")));
        AudioImporter.Imported imported = importer.prepare(file, 0, Progress.NONE);
        Project empty = Project.empty("test");
        return AudioImporter.command(empty, null, imported).apply(empty);
    }

    static String trackId(Project p) {
        return p.tracks().get(0).id();
    }

    static AudioTrackReader reader(Path dir, Project p) throws Exception {
        MediaClipSources sources = new MediaClipSources(m -> Path.of(m.path()), dir.resolve("cache"));
        return AudioTrackReader.open(p, trackId(p), sources, sources);
    }
}
