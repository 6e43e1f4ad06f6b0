package fermata.cli;

import fermata.core.engine.EngineException;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderCancelledException;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.RenderService;
import fermata.core.engine.SynthEngine;
import fermata.core.engine.WavWriterSink;
import fermata.core.error.BadInputException;
import fermata.core.media.WavWriter;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.project.FileKind;
import fermata.core.project.LoadedProject;
import fermata.core.project.ProjectFiles;
import fermata.core.project.UserData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fermata render IN -o OUT.wav}: renders a MIDI file or project through the same graph as
 * playback (synthesizer, inserts, faders, master limiter), with progress on stderr.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a MIDI file or a project to WAV through the engine (SoundFont synthesis, mixer, "
                + "master limiter). Rendering twice gives identical bytes.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN", description = "a .mid or .fermata file")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.wav", description = "the WAV file to write")
    Path out;

    @Option(names = "--soundfont", paramLabel = "SF2",
            description = "a SoundFont; default: the first in the system's SoundFont folders, else the JDK's bank")
    Path soundFont;

    @Option(names = "--rate", defaultValue = "48000", paramLabel = "44100|48000|96000", description = "sample rate (default 48000)")
    int rate;

    @Option(names = "--bits", defaultValue = "24", paramLabel = "16|24|32f", description = "sample format (default 24)")
    String bits;

    @Option(names = "--tail-seconds", defaultValue = "2", paramLabel = "S",
            description = "time after the last note for releases and reverb (default 2)")
    double tailSeconds;

    @Option(names = "--synth", defaultValue = "fermata", paramLabel = "fermata|gervill",
            description = "SoundFont synthesizer: fermata (default, fast) or gervill (the JDK's, for its exact sound)")
    String synth;

    @Option(names = "--force", description = "overwrite OUT if it exists")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInputException, IOException, EngineException, RenderCancelledException {
        CliFiles.requireReadable(in);
        CliFiles.requireWritable(out, force);
        if (rate != 44_100 && rate != 48_000 && rate != 96_000) {
            throw new CliException("--rate must be 44100, 48000 or 96000, was " + rate);
        }
        if (!(tailSeconds >= 0 && tailSeconds <= 60)) {
            throw new CliException("--tail-seconds must be between 0 and 60, was " + tailSeconds);
        }
        WavWriter.Encoding encoding = CliAudio.encoding(bits);
        SynthEngine engine;
        try {
            engine = SynthEngine.of(synth);
        } catch (IllegalArgumentException e) {
            throw new CliException("--synth must be fermata or gervill, was " + synth);
        }
        if (soundFont != null) {
            CliFiles.requireReadable(soundFont);
        }
        Project project;
        MediaClipSources media;
        Path cache = UserData.current().audioCache();
        switch (FileKind.of(in)) {
            case MIDI -> {
                project = MidiFiles.read(in);
                media = new MediaClipSources(ref -> Path.of(ref.path()), cache);
            }
            case PROJECT -> {
                LoadedProject loaded = ProjectFiles.read(in);
                project = loaded.project();
                media = new MediaClipSources(loaded::mediaFile, cache);
            }
            default -> throw new BadInputException(in, null, "not a MIDI file or Fermata project",
                    "Give a .mid or .fermata file");
        }
        RenderOptions options = RenderOptions.defaults().withSampleRate(rate).withTailSeconds(tailSeconds)
                .withSynth(engine);
        if (soundFont != null) {
            options = options.withSoundFont(soundFont);
        }
        PrintWriter err = spec.commandLine().getErr();
        RenderService.Result result = new OfflineRenderer(media, media).render(project, options,
                new WavWriterSink(out, encoding), CliAudio.stderrProgress(err)::update, () -> false);
        for (String warning : result.warnings()) {
            err.println("fermata: warning: " + warning);
        }
        err.printf(Locale.ROOT, "fermata: wrote %s (%.2f s at %d Hz, SoundFont %s, synthesizer %s)%n", out,
                (double) result.frames() / result.sampleRate(), result.sampleRate(), result.soundBank(), engine.id());
        return FermataCommand.EXIT_OK;
    }
}
