package fermata.cli;

import fermata.core.analysis.AnalysisJson;
import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.Analyzer;
import fermata.core.analysis.MidiAnalyzer;
import fermata.core.analysis.advice.Advice;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.midi.MidiFiles;
import fermata.core.project.FileKind;
import fermata.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fermata analyze FILE [--json]}: loudness, tempo, beats, key, chords, pitch and advice.
 * Reads any file the media package decodes (WAV, AIFF, FLAC, MP3, Ogg Vorbis), up to an hour; a
 * MIDI file is analysed from its notes (key, chords, tempo, beats, range, density).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse an audio file: loudness (EBU R128), tempo, beats, key, chords, pitch, advice; "
                + "or a MIDI file from its notes: key, chords, tempo, beats, range, density.")
public final class AnalyzeCommand implements Callable<Integer> {
    /** The analysis holds the whole file in memory: an hour of stereo at 48 kHz is 1.4 GB of floats. */
    static final double MAX_SECONDS = 3600;

    @Parameters(index = "0", paramLabel = "FILE", description = "an audio file (WAV, AIFF, FLAC, MP3, Ogg Vorbis) or a MIDI file")
    Path file;

    @Option(names = "--json", description = "print the report as JSON on stdout")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliFiles.requireReadable(file);
        if (FileKind.of(file) == FileKind.MIDI) {
            MidiAnalyzer.Result notes = MidiAnalyzer.analyze(MidiFiles.read(file));
            out.println(json ? AnalysisJson.writeMidi(notes) : midiSummary(notes));
            out.flush();
            return FermataCommand.EXIT_OK;
        }
        DecodedAudio audio = AudioFiles.readAll(file, MAX_SECONDS);
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String message) {
                err.printf(Locale.ROOT, "%3.0f%% %s%n", 100 * Math.max(0, fraction), message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        AnalysisReport report = Analyzer.analyze(audio.samples(), audio.sampleRate(), progress);
        if (json) {
            out.println(AnalysisJson.write(report));
        } else {
            printSummary(report, out);
        }
        out.flush();
        return FermataCommand.EXIT_OK;
    }

    private static String midiSummary(MidiAnalyzer.Result r) {
        return String.format(Locale.ROOT, "duration     %.1f s%ntempo        %.1f BPM (from the file)%n"
                        + "key          %s%nchords       %d changes%nrange        %s%nnotes        %d, %.1f per second",
                r.durationSeconds(), r.tempo().bpm(), r.tonal().key() == null ? "-" : r.tonal().key().label(),
                r.tonal().chords().size(), r.noteCount() == 0 ? "-" : r.lowestNote() + " - " + r.highestNote(),
                r.noteCount(), r.notesPerSecond());
    }

    private static void printSummary(AnalysisReport r, PrintWriter out) {
        var l = r.loudness();
        out.printf(Locale.ROOT, "duration     %.1f s, %d Hz, %d channels%n", r.durationSeconds(), r.sampleRate(),
                r.channels());
        out.printf(Locale.ROOT, "loudness     %.1f LUFS integrated, %.1f LU range, %.1f dBTP true peak%n",
                l.integratedLufs(), l.rangeLu(), l.truePeakDbtp());
        out.printf(Locale.ROOT, "tempo        %.1f BPM (confidence %.2f), %d beats%n", r.rhythm().tempo().bpm(),
                r.rhythm().tempo().confidence(), r.rhythm().beats().size());
        out.printf(Locale.ROOT, "key          %s%n", r.tonal().key() == null ? "-" : r.tonal().key().label());
        out.printf(Locale.ROOT, "chords       %d changes%n", r.tonal().chords().size());
        if (r.pitch() != null) {
            out.printf(Locale.ROOT, "pitch        %.1f-%.1f Hz, median %.1f Hz%n", r.pitch().minHz(), r.pitch().maxHz(),
                    r.pitch().medianHz());
        }
        for (Advice a : r.advice()) {
            out.printf(Locale.ROOT, "%-12s %s%n", a.severity().label(), a.message());
        }
    }
}
