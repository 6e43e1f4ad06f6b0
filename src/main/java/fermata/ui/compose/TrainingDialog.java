package fermata.ui.compose;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training dialog's content: data set, kind, epochs and name; Start and Cancel; a progress bar
 * with the trainer's message (epoch, step, loss, ETA) and a live plot with one line per figure the
 * trainer reports each epoch. The studio puts it in a window of its own.
 */
public final class TrainingDialog {
    private final TrainingViewModel model;
    private final VBox root = new VBox(10);
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();

    public TrainingDialog(TrainingViewModel model) {
        this.model = model;
        build();
    }

    public Node root() {
        return root;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    private void build() {
        root.setId("training-dialog");
        root.setPadding(new Insets(12));
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll("gan", "tcn");
        kind.valueProperty().bindBidirectional(model.kindProperty());
        TextField dataset = new TextField();
        dataset.setEditable(false);
        dataset.setPromptText("JSON data set, e.g. JSB_Chorales.json");
        dataset.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.datasetProperty().get() == null ? "" : model.datasetProperty().get().getFileName().toString(), model.datasetProperty()));
        Button choose = new Button("Choose...");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Data sets", "*.json"));
            File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (file != null) {
                model.datasetProperty().set(file.toPath());
            }
        });
        Spinner<Integer> epochs = new Spinner<>(1, 1000, model.epochsProperty().get());
        epochs.valueProperty().addListener((o, a, b) -> model.epochsProperty().set(b));
        TextField name = new TextField();
        name.textProperty().bindBidirectional(model.nameProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        HBox datasetRow = new HBox(6, dataset, choose);
        HBox.setHgrow(dataset, Priority.ALWAYS);
        grid.addRow(0, new Label("Model kind"), kind);
        grid.addRow(1, new Label("Data set"), datasetRow);
        grid.addRow(2, new Label("Epochs"), epochs);
        grid.addRow(3, new Label("Save as"), name);
        GridPane.setHgrow(datasetRow, Priority.ALWAYS);

        Button start = new Button("Start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.start());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());

        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());

        chart.setTitle("Loss per epoch");
        chart.setCreateSymbols(true);
        chart.setAnimated(false);
        ((NumberAxis) chart.getXAxis()).setLabel("epoch");
        VBox.setVgrow(chart, Priority.ALWAYS);
        model.points().addListener((ListChangeListener<TrainingViewModel.EpochPoint>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && model.points().isEmpty()) {
                    series.clear();
                    chart.getData().clear();
                }
                change.getAddedSubList().forEach(this::plot);
            }
        });
        model.points().forEach(this::plot);
        root.getChildren().addAll(grid, new HBox(6, start, cancel), progress, message, chart);
    }

    private void plot(TrainingViewModel.EpochPoint p) {
        p.values().forEach((figure, value) -> {
            if (Double.isFinite(value)) {
                series.computeIfAbsent(figure, this::newSeries).getData().add(new XYChart.Data<>(p.epoch(), value));
            }
        });
    }

    private XYChart.Series<Number, Number> newSeries(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        chart.getData().add(s);
        return s;
    }
}
