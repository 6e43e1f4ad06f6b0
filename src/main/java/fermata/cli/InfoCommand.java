package fermata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.AudioInfo;
import fermata.core.media.SamplePeak;
import fermata.core.midi.MidiFileSummary;
import fermata.core.midi.MidiFiles;
import fermata.core.model.GeneralMidi;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;
import fermata.core.project.FileKind;
import fermata.core.project.LoadedProject;
import fermata.core.project.ProjectFiles;
import fermata.core.project.ProjectSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fermata info FILE [--json]}: what a MIDI, audio or project file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a MIDI file (tracks, notes, duration, tempi, signatures), an audio file (format, "
                + "rate, channels, duration, peak) or a project (tracks, media and whether they are in place).")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .mid, audio or .fermata file")
    Path file;

    @Option(names = "--json", description = "print JSON on stdout instead of text")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInputException, IOException {
        CliFiles.requireReadable(file);
        ObjectNode info = switch (FileKind.of(file)) {
            case MIDI -> midi(file);
            case PROJECT -> project(file);
            case AUDIO -> audio(file);
            case UNKNOWN -> throw new BadInputException(file, null, "not a MIDI, audio or Fermata project file",
                    "Give a .mid, .wav, .flac, .mp3, .ogg, .aiff or .fermata file");
        };
        CliJson.print(info, json, spec.commandLine().getOut());
        return FermataCommand.EXIT_OK;
    }

    static ObjectNode midi(Path file) throws BadInputException {
        MidiFileSummary summary = MidiFiles.summarize(file);
        Project project = MidiFiles.read(file);
        ObjectNode node = CliJson.MAPPER.createObjectNode();
        node.put("file", file.toString());
        node.put("kind", "midi");
        node.put("smf_type", summary.type());
        node.put("resolution", summary.resolution());
        node.put("duration_s", round(summary.durationSeconds()));
        node.put("note_count", summary.noteCount());
        ArrayNode tracks = node.putArray("tracks");
        for (Track t : project.tracks()) {
            MidiTrack m = (MidiTrack) t;
            ObjectNode tn = tracks.addObject();
            tn.put("name", m.name());
            tn.put("channel", m.instrument().channel() + 1);
            tn.put("instrument", m.instrument().isDrums() ? "Drums" : GeneralMidi.name(m.instrument().program()));
            tn.put("notes", m.noteCount());
        }
        putSignatures(node, project, summary.tempi());
        return node;
    }

    static ObjectNode audio(Path file) throws BadInputException, IOException {
        AudioInfo info = AudioFiles.probe(file);
        SamplePeak peak = AudioFiles.samplePeak(file);
        ObjectNode node = CliJson.MAPPER.createObjectNode();
        node.put("file", file.toString());
        node.put("kind", "audio");
        node.put("format", info.formatName());
        node.put("codec", info.codec());
        node.put("sample_rate", info.sampleRate());
        node.put("channels", info.channels());
        if (info.bitsPerSample() > 0) {
            node.put("bits_per_sample", info.bitsPerSample());
        }
        node.put("frames", info.frames());
        node.put("duration_s", round(info.durationSeconds()));
        node.put("duration_exact", info.framesExact());
        if (Double.isFinite(peak.dbfs())) {
            node.put("sample_peak_dbfs", round(peak.dbfs()));
        } else {
            node.putNull("sample_peak_dbfs");
        }
        return node;
    }

    static ObjectNode project(Path file) throws BadInputException {
        LoadedProject loaded = ProjectFiles.read(file);
        ProjectSummary summary = ProjectSummary.of(loaded);
        Project project = loaded.project();
        ObjectNode node = CliJson.MAPPER.createObjectNode();
        node.put("file", file.toString());
        node.put("kind", "project");
        node.put("name", summary.name());
        node.put("sample_rate", summary.sampleRate());
        node.put("duration_s", round(summary.durationSeconds()));
        ArrayNode tracks = node.putArray("tracks");
        for (ProjectSummary.TrackSummary t : summary.tracks()) {
            ObjectNode tn = tracks.addObject();
            tn.put("name", t.name());
            tn.put("kind", t.kind());
            tn.put("clips", t.clipCount());
            tn.put("notes", t.noteCount());
        }
        ArrayNode media = node.putArray("media");
        for (ProjectSummary.MediaSummary m : summary.media()) {
            ObjectNode mn = media.addObject();
            mn.put("path", m.path());
            mn.put("status", m.status());
            if (!m.message().isEmpty()) {
                mn.put("message", m.message());
            }
        }
        putSignatures(node, project, project.tempoMap().changes());
        return node;
    }

    private static void putSignatures(ObjectNode node, Project project, java.util.List<Tempo> tempi) {
        ArrayNode tempos = node.putArray("tempi");
        for (Tempo t : tempi) {
            ObjectNode tn = tempos.addObject();
            tn.put("time_s", round(project.tempoMap().seconds(t.tick())));
            tn.put("bpm", round(t.bpm()));
        }
        ArrayNode signatures = node.putArray("time_signatures");
        for (TimeSignature ts : project.timeSignatures()) {
            ObjectNode sn = signatures.addObject();
            sn.put("time_s", round(project.tempoMap().seconds(ts.tick())));
            sn.put("signature", ts.numerator() + "/" + ts.denominator());
        }
        ArrayNode keys = node.putArray("key_signatures");
        for (KeySignature ks : project.keySignatures()) {
            ObjectNode kn = keys.addObject();
            kn.put("time_s", round(project.tempoMap().seconds(ks.tick())));
            kn.put("key", ks.label());
        }
    }

    static double round(double value) {
        return CliJson.round(value);
    }
}
