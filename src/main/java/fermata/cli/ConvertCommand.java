package fermata.cli;

import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.AudioInfo;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.project.FileKind;
import fermata.core.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fermata convert IN OUT}: MIDI to project, project to MIDI, any decodable audio to WAV. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert MIDI to a project (.fermata), a project to MIDI (.mid), or any decodable audio "
                + "(WAV, AIFF, FLAC, MP3, Ogg Vorbis) to WAV. The output kind follows OUT's extension.")
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "the file to convert")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "the file to write (.fermata, .mid or .wav)")
    Path out;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24",
            description = "WAV sample format: 16-bit, 24-bit (default) or 32-bit float")
    String bits;

    @Option(names = "--rate", paramLabel = "R", description = "WAV sample rate in Hz; default: the input's")
    Integer rate;

    @Option(names = "--force", description = "overwrite OUT if it exists")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInputException, IOException {
        CliFiles.requireReadable(in);
        CliFiles.requireWritable(out, force);
        FileKind from = FileKind.of(in);
        FileKind to = FileKind.fromName(out);
        PrintWriter err = spec.commandLine().getErr();
        if (from == FileKind.AUDIO && to == FileKind.AUDIO && isWav(out)) {
            AudioInfo info = AudioFiles.convertToWav(in, out, wavBits(), wavRate());
            err.printf("fermata: wrote %s (%d Hz, %d channels, %.2f s)%n", out, info.sampleRate(), info.channels(),
                    info.durationSeconds());
            return FermataCommand.EXIT_OK;
        }
        if ((from == FileKind.MIDI || from == FileKind.PROJECT) && (to == FileKind.MIDI || to == FileKind.PROJECT)) {
            Project project = from == FileKind.MIDI ? MidiFiles.read(in) : ProjectFiles.read(in).project();
            if (to == FileKind.MIDI) {
                MidiFiles.write(project, out);
            } else {
                ProjectFiles.write(project, out);
            }
            err.printf("fermata: wrote %s (%d tracks, %d notes)%n", out, project.tracks().size(), project.noteCount());
            return FermataCommand.EXIT_OK;
        }
        throw new CliException("cannot convert " + describe(from) + " " + in + " to " + describe(to) + " " + out
                + ". Supported: MIDI <-> .fermata, audio -> .wav" + (to == FileKind.AUDIO
                ? "; to hear a MIDI file or project as audio use 'fermata render'" : ""));
    }

    private static boolean isWav(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".wav") || name.endsWith(".wave");
    }

    private int wavBits() {
        return switch (bits) {
            case "16" -> 16;
            case "24" -> 24;
            case "32f", "32" -> 32;
            default -> throw new CliException("--bits must be 16, 24 or 32f, was " + bits);
        };
    }

    private Integer wavRate() {
        if (rate != null && (rate < 8000 || rate > 384_000)) {
            throw new CliException("--rate must be between 8000 and 384000 Hz, was " + rate);
        }
        return rate;
    }

    private static String describe(FileKind kind) {
        return switch (kind) {
            case MIDI -> "MIDI file";
            case AUDIO -> "audio file";
            case PROJECT -> "project";
            case UNKNOWN -> "unknown file";
        };
    }
}
