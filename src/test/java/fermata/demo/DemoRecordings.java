package fermata.demo;

import fermata.core.engine.MediaClipSources;
import fermata.core.media.WavWriter;
import fermata.core.mix.ProjectStems;
import fermata.core.mix.Stem;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.project.MediaHashCache;
import fermata.core.project.ProjectFiles;
import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo recordings in assets/demo, made from {@link DemoSong} by our own engine so that they
 * are our own work: {@code stems/} (each track of the song rendered alone, for automix) with the
 * project {@code stems.fermata}, and {@code noisy-take/} (the flute melody plus pink noise and
 * 50 Hz hum, for denoise, with the clean render to compare) with {@code noisy-take.fermata}. Both
 * take bars 5 to 12 of the song, where all four instruments play: 19.2 s, mono, 48 kHz, 16-bit
 * FLAC encoded by the system's {@code ffmpeg}. Run by {@link DemoAssetsTest} with
 * {@code -Dfermata.regenerateAssets=true}.
 */
final class DemoRecordings {
    static final int RATE = 48_000;
    /** Bar 5 at 100 BPM in 4/4. */
    static final int START_FRAME = 4 * 4 * 60 * RATE / 100;
    /** Eight bars at 100 BPM. */
    static final int FRAMES = 8 * 4 * 60 * RATE / 100;
    static final String STEMS_PROJECT = "stems.fermata";
    static final String NOISY_PROJECT = "noisy-take.fermata";
    /** Pink noise RMS and hum amplitudes (50, 100, 150 Hz) of the noisy take, full scale 1. */
    static final double PINK_RMS = 0.05;
    static final double[] HUM = {0.06, 0.015, 0.025};

    private DemoRecordings() {
    }

    static void generate(Path demoFolder) throws Exception {
        Path work = Files.createTempDirectory("fermata-demo");
        MediaClipSources media = new MediaClipSources(ref -> Path.of(ref.path()), work.resolve("cache"));
        List<Stem> stems = ProjectStems.render(DemoSong.build(), media, media, Progress.NONE);

        Path stemFolder = demoFolder.resolve("stems");
        Files.createDirectories(stemFolder);
        List<MediaRef> stemMedia = new ArrayList<>();
        List<Track> stemTracks = new ArrayList<>();
        float[] flute = null;
        for (Stem stem : stems) {
            float[] mono = window(stem);
            if (stem.trackId().equals("flute")) {
                flute = mono;
            }
            String file = "stems/" + stem.trackId() + ".flac";
            stemMedia.add(writeFlac(mono, demoFolder.resolve(file), file, "stem-" + stem.trackId(), work));
            stemTracks.add(new AudioTrack(stem.trackId(), stem.name(), MixerSettings.UNITY,
                    List.of(new AudioClip("clip-" + stem.trackId(), "stem-" + stem.trackId(), 0, FRAMES))));
        }
        write(project("First Light (stems)", stemMedia, stemTracks), demoFolder.resolve(STEMS_PROJECT));

        float[] clean = normalise(flute, 0.5);
        float[] noisy = addNoiseAndHum(clean);
        Files.createDirectories(demoFolder.resolve("noisy-take"));
        MediaRef take = writeFlac(noisy, demoFolder.resolve("noisy-take/take.flac"), "noisy-take/take.flac", "take", work);
        MediaRef reference = writeFlac(clean, demoFolder.resolve("noisy-take/clean-reference.flac"),
                "noisy-take/clean-reference.flac", "clean", work);
        List<Track> takeTracks = List.of(
                new AudioTrack("take", "Flute take (noisy)", MixerSettings.UNITY,
                        List.of(new AudioClip("clip-take", "take", 0, FRAMES))),
                new AudioTrack("clean", "Clean reference", MixerSettings.UNITY.withMute(true),
                        List.of(new AudioClip("clip-clean", "clean", 0, FRAMES))));
        write(project("Noisy Take", List.of(take, reference), takeTracks), demoFolder.resolve(NOISY_PROJECT));
    }

    /** Bars 5 to 12 of a stem, the two channels averaged (the stems are rendered centred). */
    private static float[] window(Stem stem) {
        float[] mono = new float[FRAMES];
        float[][] s = stem.samples();
        for (int i = 0; i < FRAMES && START_FRAME + i < s[0].length; i++) {
            mono[i] = (s[0][START_FRAME + i] + s[1][START_FRAME + i]) / 2;
        }
        return mono;
    }

    private static float[] normalise(float[] x, double peak) {
        double max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * peak / max);
        }
        return y;
    }

    /** Pink noise (Paul Kellet's economy filter on white noise, seeded) and hum at 50 Hz with two harmonics. */
    static float[] addNoiseAndHum(float[] clean) {
        Random random = new Random(50);
        double[] pink = new double[clean.length];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double sumSquares = 0;
        for (int i = 0; i < pink.length; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            pink[i] = b0 + b1 + b2 + white * 0.1848;
            sumSquares += pink[i] * pink[i];
        }
        double scale = PINK_RMS / Math.sqrt(sumSquares / pink.length);
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            double t = (double) i / RATE;
            double hum = 0;
            for (int h = 0; h < HUM.length; h++) {
                hum += HUM[h] * Math.sin(2 * Math.PI * 50 * (h + 1) * t);
            }
            noisy[i] = (float) (clean[i] + pink[i] * scale + hum);
        }
        return noisy;
    }

    /** Writes a 16-bit WAV and has ffmpeg encode it as FLAC; the media reference uses the path relative to the project. */
    private static MediaRef writeFlac(float[] mono, Path target, String relative, String id, Path work)
            throws IOException, InterruptedException {
        Path wav = work.resolve(id + ".wav");
        try (WavWriter w = WavWriter.create(wav, RATE, 1, WavWriter.Encoding.PCM_16)) {
            w.write(new float[][] {mono}, 0, mono.length);
            w.commit();
        }
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", wav.toString(), "-c:a", "flac",
                "-compression_level", "8", "-map_metadata", "-1", "-fflags", "+bitexact", target.toString())
                .inheritIO().start();
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg could not encode " + target);
        }
        return new MediaRef(id, relative, MediaHashCache.digest(target), mono.length, RATE, 1);
    }

    private static Project project(String name, List<MediaRef> media, List<Track> tracks) {
        return Project.empty(name).withSampleRate(RATE).withMedia(media).withTracks(tracks);
    }

    private static void write(Project project, Path file) throws IOException {
        ProjectFiles.write(project, file);
        Files.deleteIfExists(Path.of(file + ".bak"));
    }
}
