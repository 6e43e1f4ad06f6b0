package fermata.ui.compose;

import fermata.core.compose.ComputeBackend;
import fermata.core.compose.GanModel;
import fermata.core.compose.ModelFile;
import fermata.core.compose.ModelStore;
import fermata.core.compose.TcnModel;
import fermata.core.task.TaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training dialog's state: a run on a tiny data set fills the loss plot and stores the model. */
class TrainingViewModelTest {
    @TempDir
    static Path home;
    private static Path dataset;

    @BeforeAll
    static void writeADataSet() throws Exception {
        ComputeBackend.limitThreads(1);
        String piece = "[[60, 64, 67, 48], [62, 65, 69, 50], [64, 67, 72, 52], [65, 69, 72, 53],"
                + " [67, 71, 74, 55], [65, 69, 72, 53], [64, 67, 72, 52], [62, 65, 71, 55]]";
        dataset = home.resolve("tiny.json");
        Files.writeString(dataset, "{\"train\": [" + piece + ", " + piece + "], \"valid\": [" + piece + "], \"test\": [" + piece + "]}");
    }

    @Test
    void aGanRunPlotsEveryEpochAndLandsInTheStore() throws Exception {
        ModelStore store = new ModelStore(home);
        TrainingViewModel model = new TrainingViewModel(TaskExecutor.sameThread(), store);
        assertThrows(IllegalStateException.class, model::start, "no data set yet");
        model.datasetProperty().set(dataset);
        model.epochsProperty().set(2);
        model.nameProperty().set("tiny-gan");
        Path file = model.start().join();

        assertEquals(store.fileOf("tiny-gan"), file);
        assertEquals(List.of(1, 2), model.points().stream().map(TrainingViewModel.EpochPoint::epoch).toList());
        assertEquals(List.of("discriminator loss", "generator loss", "metric gap"), List.copyOf(model.points().get(0).values().keySet()));
        assertEquals(1.0, model.progressProperty().get());
        assertFalse(model.runningProperty().get());
        assertInstanceOf(GanModel.class, ModelFile.load(file));
        assertTrue(store.list().stream().anyMatch(e -> e.name().equals("tiny-gan")));
    }

    @Test
    void aTcnRunPlotsItsNll() throws Exception {
        TrainingViewModel model = new TrainingViewModel(TaskExecutor.sameThread(), new ModelStore(home));
        model.kindProperty().set("tcn");
        model.datasetProperty().set(dataset);
        model.epochsProperty().set(1);
        model.nameProperty().set("tiny-tcn");
        Path file = model.start().join();

        assertEquals(List.of("train NLL", "valid NLL"), List.copyOf(model.points().get(0).values().keySet()));
        assertTrue(model.points().get(0).values().get("valid NLL") > 0);
        assertInstanceOf(TcnModel.class, ModelFile.load(file));
    }
}
