package fermata.core.project;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.ControlEvent;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Projects for the tests: one that uses every part of the model, and large ones. */
final class SampleProjects {
    static final String KICK_SHA = "0".repeat(63) + "1";
    static final String VOX_SHA = "ab".repeat(32);

    private SampleProjects() {
    }

    /** Every kind of value the model holds, with awkward ones: -0.0, non-ASCII and escaped text, lone surrogates. */
    static Project everything() {
        MixerSettings trackMixer = new MixerSettings(-6.5, -0.25, true, false, List.of(
                new InsertSettings("eq", true, Map.of("lowGainDb", -3.0, "highFreqHz", 8000.0)),
                new InsertSettings("compressor", false, Map.of("ratio", 4.0, "thresholdDb", -18.25))));
        MidiTrack piano = new MidiTrack("track-piano", "Piano \"grand\" \u00e9\u00e8 \u266b", Instrument.PIANO,
                trackMixer, List.of(
                new MidiClip("clip-a", 0, 3840, List.of(
                        new Note(60, 0, 480, 100, 0),
                        new Note(64, 0, 480, 90, 0),
                        new Note(67, 480, 960, 1, 15),
                        new Note(127, 1920, 1, 127, 3)),
                        List.of(new ControlEvent(0, 0, 64, 127), new ControlEvent(960, 0, ControlEvent.PITCH_BEND, 16383),
                                new ControlEvent(1000, 2, ControlEvent.PROGRAM, 5))),
                new MidiClip("clip-empty", 7680, 0, List.of())));
        MidiTrack drums = new MidiTrack("track-drums", "", new Instrument(0, 120, 1, Instrument.DRUM_CHANNEL),
                MixerSettings.UNITY, List.of(new MidiClip("clip-d", 960, 1920,
                List.of(new Note(36, 0, 240, 110, 9), new Note(38, 480, 240, 96, 9)))));
        AudioTrack vocals = new AudioTrack("track-vox", "Vox\ud800 lone surrogate", new MixerSettings(-0.0, 1, false, true, List.of()),
                List.of(new AudioClip("clip-v1", "media-vox", 48_000, 1000, 96_000, -1.5, 100, 200),
                        new AudioClip("clip-v2", "media-kick", 0, 44_100)));
        MixerSettings master = new MixerSettings(-0.1, 0, false, false,
                List.of(new InsertSettings("limiter", true, Map.of("ceilingDb", -1.0))));
        return new Project("Song \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9 / \\ \n tab\t", 44_100,
                new TempoMap(List.of(new Tempo(0, 500_000), new Tempo(3840, 428_571), new Tempo(7680, 0xFFFFFF))),
                List.of(new TimeSignature(0, 4, 4), new TimeSignature(3840, 7, 8)),
                List.of(new KeySignature(0, -1, true), new KeySignature(3840, 7, false)),
                List.of(piano, drums, vocals),
                List.of(new MediaRef("media-vox", "audio/vox take 1.wav", VOX_SHA, 192_000, 48_000, 2),
                        new MediaRef("media-kick", "../samples/kick.wav", KICK_SHA, 44_100, 44_100, 1)),
                master);
    }

    /** One MIDI track of {@code notes} random notes in clips of 1000. */
    static Project manyNotes(int notes, long seed) {
        Random random = new Random(seed);
        List<MidiClip> clips = new ArrayList<>();
        for (int c = 0; c * 1000 < notes; c++) {
            List<Note> clipNotes = new ArrayList<>();
            for (int i = c * 1000; i < Math.min(notes, (c + 1) * 1000); i++) {
                clipNotes.add(new Note(random.nextInt(128), random.nextInt(400_000), 1 + random.nextInt(4000),
                        1 + random.nextInt(127), random.nextInt(16)));
            }
            clips.add(new MidiClip("clip-" + c, c * 400_000L, 400_000, clipNotes));
        }
        return Project.empty("many notes").withTracks(List.of(
                new MidiTrack("track-1", "Notes", Instrument.PIANO, MixerSettings.UNITY, clips)));
    }
}
