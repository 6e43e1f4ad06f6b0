package fermata.core.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fermata.core.error.BadInputException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A model file: a zip holding {@code card.json} (the {@link ModelCard}) and {@code network.zip}
 * (the DL4J graph: configuration, weights, and optionally the updater state for resuming; for a
 * GAN the generator, and in a checkpoint also {@code discriminator.zip} and {@code stacked.zip}).
 */
public final class ModelFile {
    static final String CARD = "card.json";
    static final String NETWORK = "network.zip";
    static final String DISCRIMINATOR = "discriminator.zip";
    static final String STACKED = "stacked.zip";
    private static final String REMEDY = "train it again with 'fermata train' or copy the file again";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFile() {
    }

    /**
     * Writes through a temporary file and a rename, so a crash never leaves half a model behind.
     *
     * @param withUpdater keep the optimiser state too (checkpoints; doubles the size)
     */
    public static void write(TcnModel model, Path file, boolean withUpdater) throws IOException {
        writeEntries(model.card(), file, new String[] {NETWORK}, new ComputationGraph[] {model.graph()}, withUpdater);
    }

    /** Writes a model of either kind for use (no optimiser state). */
    public static void write(CompositionModel model, Path file) throws IOException {
        if (model instanceof TcnModel tcn) {
            write(tcn, file, false);
        } else if (model instanceof GanModel gan) {
            writeEntries(gan.card(), file, new String[] {NETWORK}, new ComputationGraph[] {gan.generator()}, false);
        }
    }

    /** A GAN checkpoint: the generator for use plus both training graphs with their optimiser state. */
    record GanCheckpoint(GanModel model, GanTrainer.Players players) {
    }

    static void writeGanCheckpoint(GanModel model, GanTrainer.Players players, Path file) throws IOException {
        writeEntries(model.card(), file, new String[] {NETWORK, DISCRIMINATOR, STACKED},
                new ComputationGraph[] {model.generator(), players.discriminator(), players.stacked()}, true);
    }

    static GanCheckpoint readGanCheckpoint(Path file) throws BadInputException, IOException {
        try (ZipFile zip = open(file)) {
            ModelCard card = card(file, zip);
            GanModel model = new GanModel(graph(file, zip, NETWORK, false), card);
            return new GanCheckpoint(model, new GanTrainer.Players(graph(file, zip, DISCRIMINATOR, true), graph(file, zip, STACKED, true)));
        }
    }

    private static void writeEntries(ModelCard card, Path file, String[] names, ComputationGraph[] graphs, boolean withUpdater)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(CARD));
                zip.write(JSON.writeValueAsBytes(card));
                zip.closeEntry();
                for (int i = 0; i < names.length; i++) {
                    ByteArrayOutputStream network = new ByteArrayOutputStream();
                    ModelSerializer.writeModel(graphs[i], network, withUpdater);
                    zip.putNextEntry(new ZipEntry(names[i]));
                    network.writeTo(zip);
                    zip.closeEntry();
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a model of either kind for use. */
    public static CompositionModel load(Path file) throws BadInputException, IOException {
        ModelCard card = readCard(file);
        if (!ModelCard.GAN.equals(card.architecture())) {
            return read(file, false);
        }
        try (ZipFile zip = open(file)) {
            ComputationGraph generator = graph(file, zip, NETWORK, false);
            GanArchitecture arch = card.gan();
            if (generator.getNumInputArrays() != 2 || generator.outputSingle(false,
                    Nd4j.zeros(DataType.FLOAT, 1, arch.noise()), Nd4j.zeros(DataType.FLOAT, 1, arch.conditionWidth(card.roll())))
                    .length() != arch.barWidth(card.roll())) {
                throw new BadInputException(file, NETWORK, "the generator does not match the card's roll format", REMEDY);
            }
            return new GanModel(generator, card);
        }
    }

    /** Reads a model for use (without the optimiser state). */
    public static TcnModel read(Path file) throws BadInputException, IOException {
        return read(file, false);
    }

    /** Only the card, without loading the weights: for listings. */
    public static ModelCard readCard(Path file) throws BadInputException, IOException {
        try (ZipFile zip = open(file)) {
            return card(file, zip);
        }
    }

    static TcnModel read(Path file, boolean withUpdater) throws BadInputException, IOException {
        try (ZipFile zip = open(file)) {
            ModelCard card = card(file, zip);
            if (!ModelCard.TCN.equals(card.architecture())) {
                throw new BadInputException(file, CARD, "a '" + card.architecture() + "' model, where a 'tcn' model is needed",
                        "use a model trained with 'fermata train --model tcn'");
            }
            ComputationGraph graph = graph(file, zip, NETWORK, withUpdater);
            int expected = TcnNetwork.inputWidth(card.tcn(), card.roll());
            if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1
                    || graph.outputSingle(false, TcnModel.zeros(expected, 1)).size(1) != card.roll().featuresPerStep()) {
                throw new BadInputException(file, NETWORK, "the weights do not match the card's roll format", REMEDY);
            }
            return new TcnModel(graph, card);
        }
    }

    private static ComputationGraph graph(Path file, ZipFile zip, String name, boolean withUpdater) throws BadInputException, IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BadInputException(file, name, "the model file has no " + name, REMEDY);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (ZipException e) {
            throw new BadInputException(file, name, "the weights are damaged: " + e.getMessage(), REMEDY, e);
        }
        try {
            return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, name, "the weights cannot be read: " + e, REMEDY, e);
        }
    }

    private static ZipFile open(Path file) throws BadInputException, IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "no such model file", "check the path, or train one with 'fermata train'", e);
        } catch (ZipException e) {
            throw new BadInputException(file, null, "not a model file (not a readable zip: " + e.getMessage() + ")", REMEDY, e);
        }
    }

    private static ModelCard card(Path file, ZipFile zip) throws BadInputException, IOException {
        ZipEntry entry = zip.getEntry(CARD);
        if (entry == null) {
            throw new BadInputException(file, null, "not a Fermata model file (no " + CARD + ")", REMEDY);
        }
        ModelCard card;
        try (InputStream in = zip.getInputStream(entry)) {
            card = JSON.readValue(in, ModelCard.class);
        } catch (JsonProcessingException | ZipException e) {
            throw new BadInputException(file, CARD, "the model card cannot be read: " + e.getMessage(), REMEDY, e);
        }
        if (card.formatVersion() > ModelCard.FORMAT_VERSION) {
            throw new BadInputException(file, CARD, "made by a newer Fermata (model format " + card.formatVersion() + ", this one reads "
                    + ModelCard.FORMAT_VERSION + ")", "update Fermata");
        }
        boolean tcn = ModelCard.TCN.equals(card.architecture()) && card.tcn() != null;
        boolean gan = ModelCard.GAN.equals(card.architecture()) && card.gan() != null;
        if (!(tcn || gan) || card.roll() == null) {
            throw new BadInputException(file, CARD, "unknown model architecture '" + card.architecture() + "'",
                    "this Fermata runs 'tcn' and 'gan' models");
        }
        return card;
    }
}
