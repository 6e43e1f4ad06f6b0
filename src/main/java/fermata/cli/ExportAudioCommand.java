package fermata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.engine.AudioTrackReader;
import fermata.core.error.BadInputException;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioTrack;
import fermata.core.model.Marker;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.project.LoadedProject;
import fermata.core.project.ProjectFiles;
import fermata.core.project.UserData;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import fermata.core.waveform.AudioExporter;
import fermata.core.waveform.WaveformSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fermata export-audio SONG.fermata --track NAME -o OUT.wav}: writes one audio track of a
 * project, its waveform edits applied (no fader, pan or master bus), whole or a named region or a
 * time range, through the same {@link AudioExporter} as the waveform editor.
 */
@Command(name = "export-audio", mixinStandardHelpOptions = true,
        description = "Export an audio track of a project, edits applied, to WAV: the whole track, a named region"
                + " or a time range, 16/24-bit or 32-bit float at any sample rate.")
public final class ExportAudioCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SONG.fermata", description = "the project")
    Path in;

    @Option(names = "--track", required = true, paramLabel = "NAME|ID", description = "the audio track, by name or id")
    String track;

    @Option(names = "--region", paramLabel = "NAME", description = "export this named region of the track")
    String region;

    @Option(names = "--from", paramLabel = "SECONDS", description = "start of the range (with --to)")
    Double from;

    @Option(names = "--to", paramLabel = "SECONDS", description = "end of the range (with --from)")
    Double to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.wav", description = "the WAV file to write")
    Path out;

    @Option(names = "--bits", defaultValue = "24", paramLabel = "16|24|32f", description = "sample format (default 24)")
    String bits;

    @Option(names = "--rate", paramLabel = "HZ", description = "sample rate (default: the project's)")
    Integer rate;

    @Option(names = "--force", description = "overwrite OUT if it exists")
    boolean force;

    @Option(names = "--json", description = "print what was written as JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireReadable(in);
        CliFiles.requireWritable(out, force);
        int bitCount = switch (bits) {
            case "16" -> 16;
            case "24" -> 24;
            case "32f", "32" -> 32;
            default -> throw new CliException("--bits must be 16, 24 or 32f, was " + bits);
        };
        if ((from == null) != (to == null)) {
            throw new CliException("--from and --to go together");
        }
        if (region != null && from != null) {
            throw new CliException("give either --region or --from/--to, not both");
        }
        LoadedProject loaded = ProjectFiles.read(in);
        Project project = loaded.project();
        AudioTrack audio = findTrack(project);
        WaveformSources sources = WaveformSources.forUser();
        sources.setProjectFile(loaded.file());
        AudioTrackReader reader = sources.reader(project, audio.id());
        long[] range;
        if (region != null) {
            range = AudioExporter.region(audio, regionId(audio));
        } else if (from != null) {
            range = new long[] {Math.round(from * project.sampleRate()), Math.round(to * project.sampleRate())};
            if (range[0] < 0 || range[1] <= range[0]) {
                throw new CliException("--from must be >= 0 and before --to, were " + from + " and " + to);
            }
        } else {
            range = AudioExporter.wholeTrack(reader);
        }
        int sampleRate = rate == null ? project.sampleRate() : rate;
        AudioExporter.Format format;
        try {
            format = new AudioExporter.Format(bitCount, sampleRate, bitCount == 32 ? null : WavWriter.Dither.TPDF, force);
        } catch (IllegalArgumentException e) {
            throw new CliException("--rate: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        AudioExporter.Result result = AudioExporter.export(reader, range[0], range[1], out, format, progress(err));
        double seconds = (double) result.frames() / result.sampleRate();
        if (json) {
            ObjectNode report = CliJson.MAPPER.createObjectNode();
            report.put("file", out.toString());
            report.put("track", audio.name());
            report.put("from_s", CliJson.round((double) range[0] / project.sampleRate()));
            report.put("to_s", CliJson.round((double) range[1] / project.sampleRate()));
            report.put("frames", result.frames());
            report.put("sample_rate", result.sampleRate());
            report.put("channels", result.channels());
            report.put("bits", bitCount);
            CliJson.print(report, true, spec.commandLine().getOut());
        } else {
            err.printf(Locale.ROOT, "fermata: wrote %s (%.3f s, %d Hz, %d channels, %s bits)%n", out, seconds,
                    result.sampleRate(), result.channels(), bitCount == 32 ? "32f" : String.valueOf(bitCount));
        }
        return FermataCommand.EXIT_OK;
    }

    private AudioTrack findTrack(Project project) throws BadInputException {
        for (Track t : project.tracks()) {
            if ((t.id().equals(track) || t.name().equals(track))) {
                if (t instanceof AudioTrack a) {
                    return a;
                }
                throw new BadInputException(in, "track " + track, "this is a MIDI track, not an audio track",
                        "name an audio track, or render MIDI with fermata render");
            }
        }
        throw new BadInputException(in, "track " + track, "the project has no track of that name or id",
                "run fermata info " + in + " to list its tracks");
    }

    private String regionId(AudioTrack audio) throws BadInputException {
        for (Marker m : audio.markers()) {
            if (m.isRegion() && (m.name().equals(region) || m.id().equals(region))) {
                return m.id();
            }
        }
        throw new BadInputException(in, "track " + audio.name(), "the track has no region named " + region,
                "name one of its regions, or give --from and --to");
    }

    private static Progress progress(PrintWriter err) {
        int[] last = {-1};
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                int percent = (int) Math.floor(100 * Math.max(0, fraction));
                if (percent / 10 != last[0] / 10) {
                    last[0] = percent;
                    err.printf(Locale.ROOT, "fermata: %3d%% %s%n", percent, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
