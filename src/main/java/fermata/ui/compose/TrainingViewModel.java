package fermata.ui.compose;

import fermata.core.compose.CompositionModel;
import fermata.core.compose.Corpus;
import fermata.core.compose.GanArchitecture;
import fermata.core.compose.GanTrainer;
import fermata.core.compose.JsonCorpus;
import fermata.core.compose.ModelFile;
import fermata.core.compose.ModelStore;
import fermata.core.compose.RollFormat;
import fermata.core.compose.TcnTrainer;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import fermata.core.task.TaskHandle;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * State of the training dialog: what to train on, the live progress message and bar, one point per
 * epoch for the loss plot, and cancel. The trained model is saved in the model store under its name.
 */
public final class TrainingViewModel {
    /** One epoch's figures, in the trainer's order (for a TCN: train and valid NLL; for a GAN: the two losses and the metric gap). */
    public record EpochPoint(int epoch, Map<String, Double> values) {
    }

    private final TaskExecutor executor;
    private final ModelStore store;
    private final StringProperty kind = new SimpleStringProperty("gan");
    private final ObjectProperty<Path> dataset = new SimpleObjectProperty<>();
    private final IntegerProperty stepsPerBeat = new SimpleIntegerProperty(1);
    private final IntegerProperty epochs = new SimpleIntegerProperty(20);
    private final StringProperty name = new SimpleStringProperty("my-model");
    private final ObservableList<EpochPoint> points = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private Executor uiThread = Runnable::run;
    private TaskHandle<Path> handle;

    public TrainingViewModel(TaskExecutor executor, ModelStore store) {
        this.executor = executor;
        this.store = store;
    }

    public void setUiThread(Executor executor) {
        this.uiThread = executor;
    }

    /**
     * Starts training in the background; the future gives the stored model's file.
     *
     * @throws IllegalStateException when no data set is chosen or a training already runs
     */
    public CompletableFuture<Path> start() {
        if (dataset.get() == null) {
            throw new IllegalStateException("choose a data set file");
        }
        if (running.get()) {
            throw new IllegalStateException("a training is running");
        }
        Path file = dataset.get();
        String kindNow = kind.get();
        int spb = stepsPerBeat.get();
        int epochCount = epochs.get();
        Path target = store.fileOf(name.get());
        points.clear();
        running.set(true);
        progress.set(0);
        message.set("reading " + file.getFileName());
        handle = executor.submit("Train " + name.get(), p -> {
            Progress forward = new Progress() {
                @Override
                public void update(double fraction, String text) {
                    uiThread.execute(() -> {
                        progress.set(fraction);
                        message.set(text);
                    });
                    p.update(fraction, text);
                }

                @Override
                public boolean isCancelled() {
                    return p.isCancelled();
                }
            };
            Corpus training = JsonCorpus.read(file, "train", spb);
            Corpus validation = JsonCorpus.hasSplit(file, "valid") ? JsonCorpus.read(file, "valid", spb) : null;
            Path checkpoints = Path.of(target + ".checkpoints");
            CompositionModel trained;
            if ("gan".equals(kindNow)) {
                RollFormat format = GanArchitecture.choraleFormat(spb);
                trained = GanTrainer.train(training, validation, format, true,
                        GanTrainer.Options.defaults().withEpochs(epochCount).withCheckpoints(checkpoints, true), forward,
                        (epoch, total, values) -> uiThread.execute(() -> points.add(new EpochPoint(epoch, new LinkedHashMap<>(values)))))
                        .model();
            } else {
                trained = TcnTrainer.train(training, validation,
                        TcnTrainer.Options.defaults().withEpochs(epochCount).withKeysInC(true).withCheckpoints(checkpoints, true), forward,
                        (epoch, total, values) -> uiThread.execute(() -> points.add(new EpochPoint(epoch, new LinkedHashMap<>(values)))))
                        .model();
            }
            ModelFile.write(trained, target);
            return target;
        });
        CompletableFuture<Path> done = new CompletableFuture<>();
        handle.result().whenComplete((result, failure) -> uiThread.execute(() -> {
            running.set(false);
            if (failure == null) {
                progress.set(1);
                message.set("saved " + result.getFileName() + " in the model store");
                done.complete(result);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                message.set(cause instanceof CancelledException ? "cancelled; the finished epochs' checkpoints stay, so it can resume"
                        : "training failed: " + cause.getMessage());
                done.completeExceptionally(cause);
            }
        }));
        return done;
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ObjectProperty<Path> datasetProperty() {
        return dataset;
    }

    public IntegerProperty stepsPerBeatProperty() {
        return stepsPerBeat;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<EpochPoint> points() {
        return points;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
