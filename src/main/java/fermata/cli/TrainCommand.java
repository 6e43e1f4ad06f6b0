package fermata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.compose.CompositionModel;
import fermata.core.compose.ComputeBackend;
import fermata.core.compose.Corpus;
import fermata.core.compose.GanArchitecture;
import fermata.core.compose.GanModel;
import fermata.core.compose.GanTrainer;
import fermata.core.compose.JsonCorpus;
import fermata.core.compose.ModelFile;
import fermata.core.compose.NllEvaluator;
import fermata.core.compose.Piece;
import fermata.core.compose.ProjectCorpus;
import fermata.core.compose.RollFormat;
import fermata.core.compose.TcnArchitecture;
import fermata.core.compose.TcnModel;
import fermata.core.compose.TcnTrainer;
import fermata.core.error.BadInputException;
import fermata.core.midi.MidiFiles;
import fermata.core.task.Progress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fermata train}: trains a composition model on a JSON data set or a folder of MIDI files and writes a model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a composition model (tcn: causal temporal convolution network; gan: bar GAN, MidiNet-style DCGAN) "
                + "on a JSON data set "
                + "({\"train\": [...], \"valid\": [...], \"test\": [...]}, a piece a list of steps, a step a list of MIDI pitches) "
                + "or on a folder of MIDI files.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "tcn", description = "Model kind: 'tcn' (default) or 'gan'.")
    String model;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** Exactly one of a JSON data set and a folder of MIDI files. */
    static final class Source {
        @Option(names = "--dataset", paramLabel = "FILE.json", description = "JSON data set file.")
        Path dataset;

        @Option(names = "--corpus", paramLabel = "DIR",
                description = "Folder of MIDI files (read recursively); every tenth file, in path order, validates.")
        Path corpus;
    }

    @Option(names = "--steps-per-beat", defaultValue = "4",
            description = "Steps per quarter note (JSON sets: their resolution, JSB Chorales 1, the other Boulanger sets 2); "
                    + "default ${DEFAULT-VALUE}.")
    int stepsPerBeat;

    @Option(names = "--tracks", description = "Tracks the model writes: tcn with --corpus, pitched MIDI tracks per piece "
            + "(onsets kept apart), default 1; gan, voices a piece's chords are split into, default 4.")
    Integer tracks;

    @Option(names = "--low-pitch", defaultValue = "36", description = "gan: lowest pitch of its bars; default ${DEFAULT-VALUE}.")
    int lowPitch;

    @Option(names = "--pitches",
            description = "gan: pitches from --low-pitch; one-voice tracks add a rest column, so one less than a multiple of 4 "
                    + "(default 63: 36..98, all of JSB's notes), else a multiple of 4 (default 64).")
    Integer pitches;

    @Option(names = "--polyphonic-tracks",
            description = "gan: a track may sound several pitches at once (default: one voice per track, the most likely pitch).")
    boolean polyphonicTracks;

    @Option(names = "--steps-per-bar", defaultValue = "4",
            description = "gan: steps in a bar (JSB's quarter-note steps: 4 for 4/4); default ${DEFAULT-VALUE}.")
    int stepsPerBar;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs; default ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, dropout and data order; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--batch-size", description = "Pieces (tcn, default 4) or bars (gan, default 64) per update.")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "Adam learning rate; default 0.001 (tcn), 0.0002 (gan).")
    Double learningRate;

    @Option(names = "--channels", defaultValue = "150", description = "Hidden channels; default ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--levels", defaultValue = "2", description = "Residual blocks (dilations 1, 2, 4, ...); default ${DEFAULT-VALUE}.")
    int levels;

    @Option(names = "--kernel", defaultValue = "3", description = "Kernel size; default ${DEFAULT-VALUE}.")
    int kernel;

    @Option(names = "--dropout", defaultValue = "0.5", description = "Dropout; default ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--key-conditioned", description = "Feed the (estimated) key to the network.")
    boolean keyConditioned;

    @Option(names = "--transpose", defaultValue = "0", paramLabel = "N",
            description = "Augment by random transposition of up to N semitones each way; default ${DEFAULT-VALUE}.")
    int transpose;

    @Option(names = "--keys-in-c", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --dataset: the pieces are all in C major / C minor, as in the Boulanger sets (default); "
                    + "generation in another key then transposes. A --corpus keeps its pieces' own keys.")
    boolean keysInC;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Checkpoint folder; default OUTPUT.checkpoints.")
    Path checkpoints;

    @Option(names = "--resume", description = "Continue from the checkpoint folder's latest epoch.")
    boolean resume;

    @Option(names = "--cuda", description = "Ask for the CUDA backend (falls back to the CPU with a message).")
    boolean cuda;

    @Option(names = "--threads", paramLabel = "N",
            description = "Cap ND4J's threads (1 is fastest on a machine shared with other busy processes); default: ND4J's choice.")
    Integer threads;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.zip", description = "Model file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite the output.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!"tcn".equals(model) && !"gan".equals(model)) {
            throw new CliException("unknown model '" + model + "': choose 'tcn' or 'gan'");
        }
        if (Files.exists(output) && !force) {
            throw new CliException(output + " exists; add --force to overwrite it");
        }
        Path dataset = source.dataset;
        if (dataset != null && !Files.isRegularFile(dataset)) {
            throw new BadInputException(dataset, null, "no such data set file", "check the path");
        }
        PrintWriter err = spec.commandLine().getErr();
        ComputeBackend backend = ComputeBackend.select(cuda);
        if (backend.notice() != null) {
            err.println("fermata: " + backend.notice());
        }
        if (threads != null) {
            try {
                ComputeBackend.limitThreads(threads);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
        err.println("backend: " + backend + (threads == null ? "" : ", " + threads + " thread(s)"));
        RollFormat format;
        try {
            format = dataset != null ? RollFormat.soundingPitches(stepsPerBeat)
                    : new RollFormat(stepsPerBeat, RollFormat.PIANO_LOW, RollFormat.PIANO_KEYS, tracks == null ? 1 : tracks, true);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        Corpus training;
        Corpus validation;
        if (dataset != null) {
            training = JsonCorpus.read(dataset, "train", stepsPerBeat);
            validation = JsonCorpus.hasSplit(dataset, "valid") ? JsonCorpus.read(dataset, "valid", stepsPerBeat) : null;
        } else {
            Corpus all = ProjectCorpus.fromFolder(source.corpus, MidiFiles::read, format, Progress.NONE);
            List<Piece> train = new ArrayList<>();
            List<Piece> valid = new ArrayList<>();
            for (int i = 0; i < all.pieces().size(); i++) {
                (i % 10 == 9 ? valid : train).add(all.pieces().get(i));
            }
            training = new Corpus(all.source() + "#train", format, train);
            validation = valid.isEmpty() ? null : new Corpus(all.source() + "#valid", format, valid);
            keysInC = false;
        }
        if ("gan".equals(model)) {
            return trainGan(training, validation, backend, err);
        }
        TcnArchitecture architecture;
        TcnTrainer.Options options;
        try {
            architecture = new TcnArchitecture(channels, levels, kernel, dropout, keyConditioned);
            options = new TcnTrainer.Options(architecture, epochs, batchSize == null ? 4 : batchSize,
                    learningRate == null ? 0.001 : learningRate, seed, transpose, keysInC,
                    checkpoints != null ? checkpoints : Path.of(output + ".checkpoints"), resume);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        err.printf("training %d pieces (%d steps), receptive field %d steps%n", training.pieces().size(), training.steps(),
                architecture.receptiveField());
        long started = System.nanoTime();
        TcnTrainer.Result result = TcnTrainer.train(training, validation, options, new StderrProgress(err));
        TcnModel trained = result.model();
        if (dataset != null && JsonCorpus.hasSplit(dataset, "test")) {
            NllEvaluator.Result test = NllEvaluator.evaluate(trained, JsonCorpus.read(dataset, "test", stepsPerBeat), Progress.NONE);
            trained = trained.withCard(trained.card().withMetric("test_nll_per_step", test.nllPerStep()));
            err.printf("test NLL %.4f nats per step over %d steps%n", test.nllPerStep(), test.steps());
        }
        ModelFile.write(trained, output, false);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Map<String, Object>> epochRows = new ArrayList<>();
        for (TcnTrainer.EpochReport e : result.epochs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("train_nll", e.trainNll());
            row.put("valid_nll", Double.isNaN(e.validNll()) ? null : e.validNll());
            row.put("seconds", e.seconds());
            row.put("steps_per_second", e.stepsPerSecond());
            epochRows.add(row);
        }
        printReport(trained, "parameters", backend, seconds, epochRows);
        return FermataCommand.EXIT_OK;
    }

    private int trainGan(Corpus training, Corpus validation, ComputeBackend backend, PrintWriter err) throws Exception {
        RollFormat format;
        GanTrainer.Options options;
        try {
            int pitchCount = pitches != null ? pitches : GanArchitecture.CHORALE_PITCHES + (polyphonicTracks ? 1 : 0);
            format = new RollFormat(training.format().stepsPerBeat(), lowPitch, pitchCount, tracks == null ? 4 : tracks, false);
            GanArchitecture architecture = new GanArchitecture(GanArchitecture.DEFAULT.noise(), GanArchitecture.DEFAULT.filters(),
                    GanArchitecture.DEFAULT.hidden(), stepsPerBar, !polyphonicTracks, !polyphonicTracks);
            options = new GanTrainer.Options(architecture, epochs, batchSize == null ? 64 : batchSize,
                    learningRate == null ? 2e-4 : learningRate, seed,
                    checkpoints != null ? checkpoints : Path.of(output + ".checkpoints"), resume);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        err.printf("training a %d-track bar GAN on %d pieces (%d steps)%n", format.tracks(), training.pieces().size(), training.steps());
        long started = System.nanoTime();
        GanTrainer.Result result;
        try {
            result = GanTrainer.train(training, validation, format, keysInC, options, new StderrProgress(err));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        GanModel trained = result.model();
        ModelFile.write(trained, output);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Map<String, Object>> epochRows = new ArrayList<>();
        for (GanTrainer.EpochReport e : result.epochs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("discriminator_loss", e.discriminatorLoss());
            row.put("generator_loss", e.generatorLoss());
            row.put("valid_metric_gap", e.validGap());
            row.put("seconds", e.seconds());
            row.put("steps_per_second", e.stepsPerSecond());
            epochRows.add(row);
        }
        printReport(trained, "generator parameters", backend, seconds, epochRows);
        return FermataCommand.EXIT_OK;
    }

    /** The training summary on stdout, as JSON with one row per epoch or as one line of text; the same for either model kind. */
    private void printReport(CompositionModel trained, String parametersLabel, ComputeBackend backend, double seconds,
            List<Map<String, Object>> epochRows) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("model", output.toString());
            report.put("backend", backend.name());
            report.put("parameters", trained.parameterCount());
            report.put("best_epoch", trained.card().bestEpoch());
            report.put("metrics", trained.card().metrics());
            report.put("seconds", seconds);
            report.put("epochs", epochRows);
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            out.printf("wrote %s: %d %s, best epoch %d, %s, %.0f s%n", output, trained.parameterCount(), parametersLabel,
                    trained.card().bestEpoch(), trained.card().metrics(), seconds);
        }
    }

    /** Progress lines on stderr: every epoch's summary, and batch progress at most every ten seconds. */
    static final class StderrProgress implements Progress {
        private final PrintWriter err;
        private long lastLine;

        StderrProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(double fraction, String message) {
            long now = System.nanoTime();
            if (message.contains("done") || message.startsWith("resuming") || now - lastLine > 10_000_000_000L) {
                err.printf("[%3.0f%%] %s%n", Math.max(0, fraction) * 100, message);
                err.flush();
                lastLine = now;
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
