package fermata.ui.analysis;

import fermata.core.edit.History;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.OfflineRenderer;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.Instrument;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import fermata.core.project.MediaHashCache;
import fermata.core.task.TaskExecutor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A generated project for the analysis panel's tests: a MIDI track in A minor at 120 BPM (i iv V i
 * on piano with the roots in the bass, range A2 to E5) and an audio track with two clips from WAVs written
 * here: a 440 Hz sine from 0 s and a click track at 132 BPM from 12 s.
 */
final class AnalysisProjects {
    static final int RATE = 48_000;
    static final double CLICK_BPM = 132;
    static final double CLICKS_AT_SECONDS = 12;

    private AnalysisProjects() {
    }

    static Project project(Path folder) throws IOException {
        int q = Ppq.TICKS_PER_QUARTER;
        int[][] chords = {{57, 60, 64}, {57, 62, 65}, {56, 59, 64}, {57, 60, 64}};
        int[] bass = {45, 50, 52, 45};
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            for (int beat = 0; beat < 4; beat++) {
                for (int key : chords[bar]) {
                    notes.add(new Note(key, (long) (bar * 4 + beat) * q, q - 40, 80, 0));
                }
            }
            notes.add(new Note(bass[bar], (long) bar * 4 * q, 4L * q - 40, 90, 0));
            notes.add(new Note(76, (long) bar * 4 * q, q, 70, 0));
        }
        notes.sort(Note.ORDER);
        MidiTrack keys = new MidiTrack("keys", "Keys", Instrument.PIANO, MixerSettings.UNITY,
                List.of(new MidiClip("keys-clip", 0, 16L * q, notes)));

        int sineFrames = 3 * RATE;
        float[] sine = new float[sineFrames];
        for (int i = 0; i < sineFrames; i++) {
            sine[i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        int clickFrames = 12 * RATE;
        float[] clicks = new float[clickFrames];
        double period = 60 / CLICK_BPM * RATE;
        for (int beat = 0; beat * period < clickFrames; beat++) {
            int start = (int) Math.round(beat * period);
            for (int i = 0; i < 600 && start + i < clickFrames; i++) {
                clicks[start + i] = (float) (0.6 * Math.exp(-i / 120.0) * Math.sin(2 * Math.PI * 1500 * i / RATE));
            }
        }
        MediaRef sineRef = media("sine", write(folder.resolve("sine.wav"), sine), sineFrames);
        MediaRef clickRef = media("clicks", write(folder.resolve("clicks.wav"), clicks), clickFrames);
        AudioTrack audio = new AudioTrack("audio", "Audio", MixerSettings.UNITY, List.of(
                new AudioClip("sine-clip", "sine", 0, sineFrames),
                new AudioClip("click-clip", "clicks", (long) (CLICKS_AT_SECONDS * RATE), clickFrames)));
        return Project.empty("analysis").withSampleRate(RATE).withTempoMap(TempoMap.constant(120))
                .withTracks(List.of(keys, audio)).withMedia(List.of(sineRef, clickRef));
    }

    private static MediaRef media(String id, Path file, long frames) throws IOException {
        return new MediaRef(id, file.toString(), MediaHashCache.digest(file), frames, RATE, 1);
    }

    private static Path write(Path file, float[] mono) throws IOException {
        try (WavWriter w = WavWriter.create(file, RATE, 1, WavWriter.Encoding.PCM_24)) {
            w.write(new float[][] {mono}, 0, mono.length);
            w.commit();
        }
        return file;
    }

    /** A view-model that runs its jobs and delivers their results on the calling thread. */
    static AnalysisViewModel viewModel(History history, Path cache, Executor fx) {
        MediaClipSources media = new MediaClipSources(ref -> Path.of(ref.path()), cache);
        return new AnalysisViewModel(history, TaskExecutor.sameThread(), new OfflineRenderer(media, media), fx);
    }
}
