package fermata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.compose.CompositionModel;
import fermata.core.compose.ComputeBackend;
import fermata.core.compose.GanGenerator;
import fermata.core.compose.GanModel;
import fermata.core.compose.GenerationRequest;
import fermata.core.compose.Generated;
import fermata.core.compose.ModelFile;
import fermata.core.compose.MusicalKey;
import fermata.core.compose.TcnGenerator;
import fermata.core.compose.TcnModel;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.preset.StylePreset;
import fermata.core.project.Assets;
import fermata.core.project.UserData;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fermata generate}: new music from a composition model, written as a MIDI file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate bars of music with a composition model and write them as a Standard MIDI File.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL.zip",
            description = "Model file (tcn or gan); default: the bundled model (assets/models/tcn-jsb.zip, Bach chorales).")
    Path model;

    @Option(names = "--bars", defaultValue = "8", description = "Bars to generate; default ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--key", description = "Key to stay in, e.g. \"D minor\", \"F# major\", \"Bb\"; default: free.")
    String key;

    @Option(names = "--tempo", defaultValue = "120", description = "Tempo in BPM; default ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--meter", defaultValue = "4/4", description = "Time signature; default ${DEFAULT-VALUE}.")
    String meter;

    @Option(names = "--temperature", defaultValue = "1.0",
            description = "Sampling temperature, 0 = most likely notes only; default ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--density", defaultValue = "0.5", description = "0..1, more notes above 0.5; default ${DEFAULT-VALUE}.")
    double density;

    @Option(names = "--seed", defaultValue = "1", description = "Sampler seed; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--voices", defaultValue = "1",
            description = "Split a one-track model's chords into this many tracks (4: SATB); default ${DEFAULT-VALUE}.")
    int voices;

    @Option(names = "--continue", paramLabel = "FILE.mid",
            description = "Continue this MIDI file: the output holds its tracks plus the new bars after its end, in its key unless --key says otherwise.")
    Path primer;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "ND4J threads; generation runs many tiny steps that extra threads only slow down; default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--style", paramLabel = "NAME",
            description = "Start from a composition style (chorale, hymn, minuet, lullaby, sketch or your own in "
                    + "FERMATA_HOME/presets/styles): key, tempo, meter, bars, density, temperature, model, voices; "
                    + "options given explicitly override it.")
    String style;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite the output.")
    boolean force;

    @Option(names = "--json", description = "Print a summary as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(output) && !force) {
            throw new CliException(output + " exists; add --force to overwrite it");
        }
        if (style != null) {
            applyStyle(StylePreset.LIBRARY.require(style, UserData.current()));
        }
        GenerationRequest request;
        try {
            request = GenerationRequest.bars(bars).withKey(key == null ? null : MusicalKey.parse(key)).withTempo(tempo)
                    .withMeter(parseMeter(meter)).withTemperature(temperature).withDensity(density).withSeed(seed).withVoices(voices);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        try {
            ComputeBackend.limitThreads(threads);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        Path modelFile = model != null ? model : Assets.defaultModel().orElseThrow(() -> new CliException(
                "no --model given and the bundled model " + Assets.DEFAULT_MODEL + " is not installed; "
                        + "name a model file with --model"));
        CompositionModel loaded = ModelFile.load(modelFile);
        long started = System.nanoTime();
        Project project;
        Generated generated;
        try {
            if (primer == null) {
                generated = generate(loaded, request);
                project = generated.toProject(output.getFileName().toString());
            } else {
                Project original = MidiFiles.read(primer);
                generated = continueFrom(loaded, original, request.withTempo(original.tempoMap().tempoAt(0).bpm())
                        .withMeter(original.timeSignatureAt(0)));
                List<Track> tracks = new ArrayList<>(original.tracks());
                tracks.addAll(generated.toProject("continuation").tracks());
                project = original.withTracks(tracks);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        double millis = (System.nanoTime() - started) / 1e6;
        MidiFiles.write(project, output);
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("output", output.toString());
            report.put("style", style);
            report.put("key", generated.key().label());
            report.put("bars", bars);
            report.put("tempo", tempo);
            report.put("meter", meter);
            report.put("tracks", project.tracks().size());
            report.put("notes", project.noteCount());
            report.put("milliseconds", millis);
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(report));
        } else {
            spec.commandLine().getOut().printf("wrote %s: %d bars in %s, %d tracks, %d notes (%.0f ms)%n", output, bars,
                    generated.key().label(), project.tracks().size(), project.noteCount(), millis);
        }
        return FermataCommand.EXIT_OK;
    }

    private static Generated generate(CompositionModel model, GenerationRequest request) {
        return model instanceof GanModel gan ? new GanGenerator(gan).generate(request) : new TcnGenerator((TcnModel) model).generate(request);
    }

    private static Generated continueFrom(CompositionModel model, Project original, GenerationRequest request) {
        return model instanceof GanModel gan ? new GanGenerator(gan).continueFrom(original, request)
                : new TcnGenerator((TcnModel) model).continueFrom(original, request);
    }

    /** Takes each setting from the style unless its option was given on the command line. */
    private void applyStyle(StylePreset preset) {
        if (!given("--key")) {
            key = preset.key();
        }
        if (!given("--tempo")) {
            tempo = preset.tempo();
        }
        if (!given("--meter")) {
            meter = preset.meter();
        }
        if (!given("--bars")) {
            bars = preset.bars();
        }
        if (!given("--density")) {
            density = preset.density();
        }
        if (!given("--temperature")) {
            temperature = preset.temperature();
        }
        if (!given("--voices")) {
            voices = preset.voices();
        }
        if (!given("--model") && preset.model() != null) {
            Path folder = Assets.folder().orElseThrow(() -> new CliException("the style " + preset.name()
                    + " uses the bundled model " + preset.model() + " but the assets folder is not installed; "
                    + "name a model file with --model"));
            model = folder.resolve("models").resolve(preset.model());
            if (!Files.isRegularFile(model)) {
                throw new CliException("the style " + preset.name() + " uses the model " + preset.model()
                        + " which is not in " + folder.resolve("models") + "; name a model file with --model");
            }
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static TimeSignature parseMeter(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a meter reads like 4/4 or 6/8, not '" + text + "'");
        }
        try {
            return new TimeSignature(0, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a meter reads like 4/4 or 6/8, not '" + text + "'");
        }
    }
}
