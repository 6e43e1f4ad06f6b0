package fermata.ui.analysis;

import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.advice.Advice;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The analysis sidebar: what is analysed with Analyse / Cancel and a progress bar, the readings,
 * loudness over time, the key and chroma strip with the chord lane, the spectrum, and the ranked
 * advice. Thin: everything it shows comes from {@link AnalysisViewModel}.
 */
public final class AnalysisPanel extends ScrollPane {
    private final AnalysisViewModel model;
    private final GridPane loudnessReadings = readingsGrid("analysis-loudness");
    private final GridPane musicalReadings = readingsGrid("analysis-musical");
    private final LoudnessPlot loudness = new LoudnessPlot();
    private final ChromaStrip chroma = new ChromaStrip();
    private final ChordLane chords = new ChordLane();
    private final SpectrumPlot spectrum = new SpectrumPlot();
    private final VBox advice = new VBox(6);

    public AnalysisPanel(AnalysisViewModel model) {
        this.model = model;
        setId("analysis-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        // the panel paints its own background so it reads the same in the sidebar and alone in a window
        setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");

        Label target = new Label();
        target.setId("analysis-target");
        target.textProperty().bind(model.targetLabelProperty());
        target.setStyle("-fx-font-size: 15px; -fx-text-fill: -color-fg-default;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button analyse = new Button("Analyse");
        analyse.setId("analysis-run");
        analyse.getStyleClass().add("accent");
        analyse.setDefaultButton(false);
        analyse.disableProperty().bind(model.runningProperty());
        analyse.setOnAction(e -> model.analyze());
        Button cancel = new Button("Cancel");
        cancel.setId("analysis-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox header = new HBox(8, target, spacer, analyse, cancel);
        header.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("analysis-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("analysis-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().addAll("text-muted", "text-small");

        Button useTempo = new Button("Use detected tempo");
        useTempo.setId("analysis-use-tempo");
        useTempo.disableProperty().bind(model.tempoUsableProperty().not().or(model.runningProperty()));
        useTempo.setOnAction(e -> model.useDetectedTempo());
        Button useKey = new Button("Use detected key");
        useKey.setId("analysis-use-key");
        useKey.disableProperty().bind(model.keyUsableProperty().not().or(model.runningProperty()));
        useKey.setOnAction(e -> model.useDetectedKey());
        HBox actions = new HBox(8, useTempo, useKey);

        VBox content = new VBox(8,
                header, bar, status,
                section("Loudness"), loudnessReadings, loudness,
                section("Tempo, key and range"), musicalReadings, actions,
                section("Key and chords over time"), chroma, chords,
                section("Spectrum"), spectrum,
                section("Advice"), advice);
        content.setPadding(new Insets(10, 12, 14, 12));
        content.setFillWidth(true);
        content.setStyle("-fx-background-color: -color-bg-default;");
        setContent(content);

        model.readings().addListener((ListChangeListener<AnalysisViewModel.Reading>) c -> showReadings());
        model.advice().addListener((ListChangeListener<Advice>) c -> showAdvice());
        model.outcomeProperty().addListener((o, was, now) -> showPlots(now));
        showReadings();
        showAdvice();
        showPlots(model.outcomeProperty().get());
    }

    private static Label section(String title) {
        Label l = new Label(title.toUpperCase());
        l.getStyleClass().addAll("text-small", "text-bold", "text-muted");
        l.setPadding(new Insets(8, 0, 0, 0));
        return l;
    }

    private static GridPane readingsGrid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(12);
        grid.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        return grid;
    }

    private void showReadings() {
        loudnessReadings.getChildren().clear();
        musicalReadings.getChildren().clear();
        for (AnalysisViewModel.Reading r : model.readings()) {
            GridPane grid = r.group().equals("Loudness") ? loudnessReadings : musicalReadings;
            int row = grid.getChildren().size() / 2;
            Label name = new Label(r.name());
            name.getStyleClass().add("text-muted");
            Label value = new Label(r.value());
            value.setStyle("-fx-text-fill: -color-fg-default;");
            value.setWrapText(true);
            grid.addRow(row, name, value);
        }
    }

    private void showAdvice() {
        advice.getChildren().clear();
        List<Advice> items = model.advice();
        if (items.isEmpty()) {
            Label none = new Label(model.outcomeProperty().get() == null ? "Analyse to get advice"
                    : "Nothing to fix: levels, peaks and stereo image are within the usual targets");
            none.setWrapText(true);
            none.getStyleClass().add("text-muted");
            advice.getChildren().add(none);
            return;
        }
        for (Advice a : items) {
            Label badge = new Label(a.severity().label().toUpperCase());
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.getStyleClass().addAll("text-small", "text-bold");
            badge.setStyle(switch (a.severity()) {
                case ERROR -> "-fx-background-color: -color-danger-muted; -fx-text-fill: -color-danger-fg;";
                case WARNING -> "-fx-background-color: -color-warning-muted; -fx-text-fill: -color-warning-fg;";
                case INFO -> "-fx-background-color: -color-accent-muted; -fx-text-fill: -color-accent-fg;";
            } + " -fx-background-radius: 4; -fx-padding: 1 6 1 6;");
            Label message = new Label(a.message());
            message.setStyle("-fx-text-fill: -color-fg-default;");
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, badge, message);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("analysis-advice");
            advice.getChildren().addAll(row, new Separator());
        }
        advice.getChildren().remove(advice.getChildren().size() - 1);
    }

    private void showPlots(AnalysisViewModel.Outcome o) {
        AnalysisReport r = o == null ? null : o.audio();
        loudness.show(r);
        chroma.show(r, o == null ? List.of() : o.keySegments());
        chords.show(model.chordSegmentsProperty().get(), o == null ? 0 : o.offsetSeconds(),
                r == null ? 0 : r.durationSeconds());
        spectrum.show(r == null ? null : r.spectrum());
        showAdvice();
    }
}
