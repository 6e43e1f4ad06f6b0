package fermata.core.project;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.ControlEvent;
import fermata.core.model.FadeCurve;
import fermata.core.model.Marker;
import fermata.core.model.InsertSettings;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every format version ever released keeps loading: one hand-checked golden file per version in
 * src/test/resources/project-formats, and the project each must load as, spelt out here. A new
 * version adds a golden file and an entry to {@link #EXPECTED}; none is ever removed.
 */
class FormatHistoryTest {
    private static final Map<Integer, Project> EXPECTED = Map.of(1, version1(), 2, version2());

    @Test
    void everyFormatVersionHasAGoldenFile() {
        for (int version = 1; version <= ProjectFiles.FORMAT_VERSION; version++) {
            assertNotNull(EXPECTED.get(version), "no expected project for version " + version);
            assertNotNull(getClass().getResource(golden(version)), "no golden file " + golden(version));
        }
    }

    @Test
    void everyGoldenFileLoadsAsItsExpectedProject() throws Exception {
        for (Map.Entry<Integer, Project> entry : EXPECTED.entrySet()) {
            assertEquals(entry.getValue(), ProjectFiles.fromJson(text(golden(entry.getKey()))),
                    "golden file of version " + entry.getKey());
        }
    }

    @Test
    void theWriterProducesTheGoldenFileOfTheCurrentVersionByteForByte() throws Exception {
        assertEquals(text(golden(ProjectFiles.FORMAT_VERSION)),
                ProjectFiles.toJson(EXPECTED.get(ProjectFiles.FORMAT_VERSION)));
    }

    private static String golden(int version) {
        return "/project-formats/v" + version + ".fermata";
    }

    private String text(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Project version1() {
        MixerSettings pianoMixer = new MixerSettings(-6.5, -0.25, true, false, List.of(
                new InsertSettings("eq", true, Map.of("lowGainDb", -3.0, "highFreqHz", 8000.0)),
                new InsertSettings("compressor", false, Map.of("ratio", 4.0, "thresholdDb", -18.25))));
        MidiTrack piano = new MidiTrack("track-piano", "Piano \"grand\" \u00e9\u00e8 \u266b", new Instrument(0, 0, 0, 0),
                pianoMixer, List.of(
                new MidiClip("clip-a", 0, 3840, List.of(
                        new Note(60, 0, 480, 100, 0),
                        new Note(64, 0, 480, 90, 0),
                        new Note(67, 480, 960, 1, 15),
                        new Note(127, 1920, 1, 127, 3)),
                        List.of(new ControlEvent(0, 0, 64, 127), new ControlEvent(960, 0, 128, 16383),
                                new ControlEvent(1000, 2, 130, 5))),
                new MidiClip("clip-empty", 7680, 0, List.of())));
        MidiTrack drums = new MidiTrack("track-drums", "", new Instrument(0, 120, 1, 9),
                new MixerSettings(0, 0, false, false, List.of()), List.of(new MidiClip("clip-d", 960, 1920,
                List.of(new Note(36, 0, 240, 110, 9), new Note(38, 480, 240, 96, 9)))));
        AudioTrack vocals = new AudioTrack("track-vox", "Vox\ud800 lone surrogate",
                new MixerSettings(-0.0, 1, false, true, List.of()),
                List.of(new AudioClip("clip-v1", "media-vox", 48_000, 1000, 96_000, -1.5, 100, 200),
                        new AudioClip("clip-v2", "media-kick", 0, 0, 44_100, 0.0, 0, 0)));
        return new Project("Song \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9 / \\ \n tab\t", 44_100,
                new TempoMap(List.of(new Tempo(0, 500_000), new Tempo(3840, 428_571), new Tempo(7680, 16_777_215))),
                List.of(new TimeSignature(0, 4, 4), new TimeSignature(3840, 7, 8)),
                List.of(new KeySignature(0, -1, true), new KeySignature(3840, 7, false)),
                List.of(piano, drums, vocals),
                List.of(new MediaRef("media-vox", "audio/vox take 1.wav", "ab".repeat(32), 192_000, 48_000, 2),
                        new MediaRef("media-kick", "../samples/kick.wav", "0".repeat(63) + "1", 44_100, 44_100, 1)),
                new MixerSettings(-0.1, 0, false, false,
                        List.of(new InsertSettings("limiter", true, Map.of("ceilingDb", -1.0)))));
    }

    /** Version 2: fade shapes, reversed clips and markers on audio tracks (the waveform editor). */
    private static Project version2() {
        Project p = version1();
        AudioTrack vocals = p.audioTrack("track-vox");
        AudioTrack edited = vocals.withClips(List.of(
                        new AudioClip("clip-v1", "media-vox", 48_000, 1000, 96_000, -1.5, 100, 200,
                                FadeCurve.EQUAL_POWER, FadeCurve.S_CURVE, true),
                        new AudioClip("clip-v2", "media-kick", 0, 0, 44_100, 0.0, 10, 0,
                                FadeCurve.EXPONENTIAL, FadeCurve.LOGARITHMIC, false)))
                .withMarkers(List.of(new Marker("marker-1", "Verse \u00e9", 44_100, 0),
                        new Marker("region-1", "", 88_200, 22_050)));
        return p.withTrack("track-vox", t -> edited);
    }
}
