package fermata.ui.compose;

import fermata.core.compose.Composer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The composition panel: model and settings, the four operations, and the alternatives of the last
 * request. Clicking an alternative auditions it; "Accept" puts it into the project as one undo step.
 * A thin view over {@link ComposeViewModel}.
 */
public final class ComposePanel {
    private final ComposeViewModel model;
    private final VBox root = new VBox(10);
    private final ListView<Composer.Alternative> list = new ListView<>();
    private final Runnable openTraining;

    /** @param openTraining shows the training dialog (the studio owns windows) */
    public ComposePanel(ComposeViewModel model, Runnable openTraining) {
        this.model = model;
        this.openTraining = openTraining;
        build();
    }

    public Node root() {
        return root;
    }

    public ListView<Composer.Alternative> alternativesList() {
        return list;
    }

    private void build() {
        root.setId("compose-panel");
        root.setPadding(new Insets(12));
        Label title = new Label("Compose");
        title.getStyleClass().add("title-3");

        ComboBox<ComposeViewModel.ModelChoice> models = new ComboBox<>(model.models());
        models.setId("compose-model");
        models.valueProperty().bindBidirectional(model.modelProperty());
        models.setMaxWidth(Double.MAX_VALUE);
        Button train = new Button("Train...");
        train.setId("compose-train");
        train.setOnAction(e -> openTraining.run());

        ComboBox<String> key = new ComboBox<>();
        key.setId("compose-key");
        key.getItems().setAll(ComposeViewModel.keyChoices());
        key.valueProperty().bindBidirectional(model.keyProperty());

        ComboBox<String> style = new ComboBox<>(model.styleNames());
        style.setId("compose-style");
        style.setPromptText("Start from a style");
        style.setMaxWidth(Double.MAX_VALUE);
        style.setOnAction(e -> {
            if (style.getValue() != null) {
                model.applyStyle(style.getValue());
            }
        });

        Spinner<Double> tempo = new Spinner<>(20.0, 300.0, model.tempoProperty().get(), 1.0);
        tempo.setId("compose-tempo");
        tempo.setEditable(true);
        tempo.valueProperty().addListener((o, a, b) -> model.tempoProperty().set(b));
        model.tempoProperty().addListener((o, a, b) -> tempo.getValueFactory().setValue(b.doubleValue()));
        Spinner<Integer> bars = new Spinner<>(1, 64, model.barsProperty().get());
        bars.setId("compose-bars");
        bars.valueProperty().addListener((o, a, b) -> model.barsProperty().set(b));
        model.barsProperty().addListener((o, a, b) -> bars.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> count = new Spinner<>(1, 8, model.alternativeCountProperty().get());
        count.valueProperty().addListener((o, a, b) -> model.alternativeCountProperty().set(b));
        Slider density = slider(0, 1, model.densityProperty().get());
        density.valueProperty().bindBidirectional(model.densityProperty());
        Slider temperature = slider(0, 2, model.temperatureProperty().get());
        temperature.valueProperty().bindBidirectional(model.temperatureProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        HBox modelRow = new HBox(6, models, train);
        HBox.setHgrow(models, Priority.ALWAYS);
        grid.addRow(0, new Label("Style"), style);
        grid.addRow(1, new Label("Model"), modelRow);
        grid.addRow(2, new Label("Key"), key);
        grid.addRow(3, new Label("Tempo"), tempo);
        grid.addRow(4, new Label("Bars"), bars);
        grid.addRow(5, new Label("Density"), density);
        grid.addRow(6, new Label("Temperature"), temperature);
        grid.addRow(7, new Label("Alternatives"), count);
        GridPane.setHgrow(style, Priority.ALWAYS);
        GridPane.setHgrow(modelRow, Priority.ALWAYS);

        HBox buttons = new HBox(6);
        for (ComposeViewModel.Operation op : ComposeViewModel.Operation.values()) {
            Button b = new Button(op.label());
            b.setId("compose-" + op.name().toLowerCase(java.util.Locale.ROOT));
            b.disableProperty().bind(model.busyProperty());
            b.setOnAction(e -> model.whyNot(op).ifPresentOrElse(this::explain, () -> model.run(op)));
            if (op == ComposeViewModel.Operation.GENERATE) {
                b.getStyleClass().add("accent");
            }
            buttons.getChildren().add(b);
        }

        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("compose-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        list.setId("compose-alternatives");
        list.setItems(model.alternatives());
        list.setCellFactory(v -> new AlternativeCell());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                model.audition(b.intValue());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button accept = new Button("Accept");
        accept.setId("compose-accept");
        accept.disableProperty().bind(Bindings.lessThan(list.getSelectionModel().selectedIndexProperty(), 0));
        accept.setOnAction(e -> {
            int index = list.getSelectionModel().getSelectedIndex();
            try {
                model.accept(index);
            } catch (IllegalStateException ex) {
                explain(ex.getMessage());
            }
        });
        Label alternativesTitle = new Label("Alternatives (click to audition)");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox acceptRow = new HBox(6, alternativesTitle, spacer, accept);
        acceptRow.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(title, grid, buttons, progress, status, acceptRow, list);
    }

    private void explain(String reason) {
        model.statusMessage(reason);
    }

    private static Slider slider(double min, double max, double value) {
        Slider s = new Slider(min, max, value);
        s.setShowTickLabels(true);
        s.setMajorTickUnit((max - min) / 2);
        return s;
    }

    /** "1. 42 notes in 4 tracks  (score -12.3)". */
    static String describe(Composer.Alternative a) {
        String tracks = a.notes().values().stream().map(n -> Integer.toString(n.size())).collect(Collectors.joining(" / "));
        String score = a.score() == 0 ? "" : String.format("   fit %.1f", a.score());
        return String.format("%d.  %d notes  (%s per track)%s   seed %d", a.index() + 1, a.noteCount(), tracks, score, a.seed());
    }

    private static final class AlternativeCell extends ListCell<Composer.Alternative> {
        @Override
        protected void updateItem(Composer.Alternative item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : describe(item));
        }
    }
}
