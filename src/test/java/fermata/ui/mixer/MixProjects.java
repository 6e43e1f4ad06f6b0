package fermata.ui.mixer;

import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small band as a project of audio tracks on generated WAVs: kick, bass, a noisy melody. */
final class MixProjects {
    static final int RATE = 44_100;

    private MixProjects() {
    }

    static Project band(Path dir) throws Exception {
        int frames = RATE * 4;
        float[] kick = new float[frames];
        for (int beat = 0; beat < 8; beat++) {
            for (int i = 0; i < RATE / 3; i++) {
                double t = (double) i / RATE;
                kick[beat * RATE / 2 + i] = (float) (0.9 * Math.exp(-t / 0.07) * Math.sin(2 * Math.PI * 55 * t));
            }
        }
        float[] bass = new float[frames];
        for (int i = 0; i < frames; i++) {
            bass[i] = (float) (0.05 * Math.sin(2 * Math.PI * (i < frames / 2 ? 55 : 73.4) * i / RATE));
        }
        float[] melody = new float[frames];
        Random random = new Random(4);
        for (int i = 0; i < frames; i++) {
            double f = (i / (RATE / 2)) % 2 == 0 ? 440 : 523.25;
            boolean rest = (i / (RATE / 4)) % 4 == 3;
            double sum = 0;
            for (int h = 1; h <= 5; h++) {
                sum += Math.sin(2 * Math.PI * h * f * i / RATE) / (h * h);
            }
            melody[i] = (float) ((rest ? 0 : 0.2 * sum) + 0.03 * random.nextGaussian());
        }
        List<MediaRef> media = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        String[] names = {"Kick", "Bass", "Melody"};
        float[][] signals = {kick, bass, melody};
        for (int i = 0; i < 3; i++) {
            Path file = dir.resolve(names[i].toLowerCase() + ".wav");
            try (WavWriter w = WavWriter.create(file, RATE, 1, WavWriter.Encoding.FLOAT_32)) {
                w.write(new float[][] {signals[i]}, 0, frames);
                w.commit();
            }
            media.add(new MediaRef("m" + i, file.toAbsolutePath().toString(), String.format("%064x", i + 1), frames, RATE, 1));
            tracks.add(new AudioTrack("t" + i, names[i], MixerSettings.UNITY, List.of(new AudioClip("c" + i, "m" + i, 0, frames))));
        }
        return Project.empty("band").withSampleRate(RATE).withMedia(media).withTracks(tracks);
    }
}
