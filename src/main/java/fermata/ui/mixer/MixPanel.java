package fermata.ui.mixer;

import fermata.core.edit.History;
import fermata.core.mix.StemRole;
import fermata.core.model.MediaRef;
import fermata.core.project.UserData;
import fermata.core.task.TaskExecutor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The mix panel for the studio's right sidebar: preset, Automix and Denoise with a progress bar,
 * the decision list (stem, role, decision, reason; the role is a drop-down that mixes again), an
 * A/B switch between the automix and the plain sum at equal loudness, and loudness and true-peak
 * meters of the selected version. Thin: the state and every action live in {@link MixPanelViewModel}.
 */
public final class MixPanel extends VBox {
    private final MixPanelViewModel model;

    /** A panel on the studio's history and task executor; media paths as stored, caches in the user-data folder. */
    public MixPanel(History history, TaskExecutor executor) {
        this(new MixPanelViewModel(history, executor, Platform::runLater, (MediaRef ref) -> Path.of(ref.path()),
                UserData.current().audioCache()));
    }

    public MixPanel(MixPanelViewModel model) {
        this.model = model;
        setId("mix-panel");
        setSpacing(6);
        setPadding(new Insets(8));

        ComboBox<String> preset = new ComboBox<>(model.presetNames());
        preset.setId("mix-preset");
        preset.valueProperty().bindBidirectional(model.presetProperty());
        Button automix = new Button("Automix");
        automix.setId("automix");
        automix.setDefaultButton(true);
        automix.disableProperty().bind(model.busyProperty());
        automix.setOnAction(e -> model.automix());
        HBox mixRow = new HBox(6, new Label("Preset"), preset, automix);

        ComboBox<String> track = new ComboBox<>();
        track.setId("denoise-track");
        track.setPromptText("audio track");
        track.setOnShowing(e -> track.setItems(FXCollections.observableArrayList(model.audioTrackIds())));
        track.valueProperty().bindBidirectional(model.selectedTrackProperty());
        Button denoise = new Button("Denoise");
        denoise.setId("denoise");
        denoise.disableProperty().bind(model.busyProperty().or(model.selectedTrackProperty().isNull()));
        denoise.setOnAction(e -> model.denoise());
        Button preview = new Button("Preview");
        preview.setId("denoise-preview");
        preview.disableProperty().bind(denoise.disableProperty());
        preview.setOnAction(e -> model.previewDenoise());
        denoise.textProperty().bind(javafx.beans.binding.Bindings.when(model.denoisePreviewedProperty())
                .then("Apply").otherwise("Denoise"));
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        ComboBox<String> denoisePreset = new ComboBox<>(model.denoisePresetNames());
        denoisePreset.setId("denoise-preset");
        denoisePreset.valueProperty().bindBidirectional(model.denoisePresetProperty());
        denoisePreset.setTooltip(new Tooltip("Denoise preset: standard (24 dB), gentle, voice, "
                + "strong, hum-only, vinyl, or your own in the data folder's presets/denoise"));
        HBox denoiseRow = new HBox(6, new Label("Track"), track, denoisePreset, preview, denoise, cancel);

        ProgressBar progress = new ProgressBar();
        progress.setId("mix-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("mix-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> model.pollProgress()));
        poll.setCycleCount(Timeline.INDEFINITE);
        model.busyProperty().addListener((o, was, now) -> {
            if (now) {
                poll.play();
            } else {
                poll.stop();
            }
        });

        TableView<MixPanelViewModel.DecisionRow> table = new TableView<>(model.decisions());
        table.setId("mix-decisions");
        table.setEditable(true);
        table.setPlaceholder(new Label("Press Automix: every decision and its reason appears here."));
        TableColumn<MixPanelViewModel.DecisionRow, String> stem = new TableColumn<>("Stem");
        stem.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().stem()));
        TableColumn<MixPanelViewModel.DecisionRow, StemRole> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().role()));
        role.setCellFactory(ComboBoxTableCell.forTableColumn(StemRole.values()));
        role.setEditable(true);
        role.setOnEditCommit(e -> {
            if (e.getRowValue().trackId() != null && e.getNewValue() != null && e.getNewValue() != e.getOldValue()) {
                model.correctRole(e.getRowValue().trackId(), e.getNewValue());
            }
        });
        TableColumn<MixPanelViewModel.DecisionRow, String> decision = new TableColumn<>("Decision");
        decision.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().decision()));
        TableColumn<MixPanelViewModel.DecisionRow, String> reason = new TableColumn<>("Why");
        reason.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
        stem.setPrefWidth(90);
        role.setPrefWidth(80);
        decision.setPrefWidth(190);
        reason.setPrefWidth(420);
        table.getColumns().add(stem);
        table.getColumns().add(role);
        table.getColumns().add(decision);
        table.getColumns().add(reason);
        VBox.setVgrow(table, Priority.ALWAYS);

        ToggleButton ab = new ToggleButton();
        ab.setId("mix-ab");
        ab.selectedProperty().bindBidirectional(model.listeningToAutomixProperty());
        ab.textProperty().bind(Bindings.when(ab.selectedProperty()).then("A: automix").otherwise("B: plain sum, same loudness"));
        Label lufs = new Label();
        lufs.setId("mix-lufs");
        lufs.textProperty().bind(Bindings.createStringBinding(() -> meter(model.meterLufsProperty().get(), "LUFS"),
                model.meterLufsProperty()));
        Label peak = new Label();
        peak.setId("mix-true-peak");
        peak.textProperty().bind(Bindings.createStringBinding(() -> meter(model.meterTruePeakProperty().get(), "dBTP"),
                model.meterTruePeakProperty()));
        ProgressBar loudness = new ProgressBar();
        loudness.setId("mix-loudness-bar");
        loudness.progressProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(1, (model.meterLufsProperty().get() + 40) / 40)), model.meterLufsProperty()));
        HBox meters = new HBox(8, ab, new Label("Integrated"), loudness, lufs, new Label("True peak"), peak);

        getChildren().addAll(mixRow, denoiseRow, progress, status, table, meters);
    }

    public MixPanelViewModel model() {
        return model;
    }

    private static String meter(double value, String unit) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f %s", value, unit) : "- " + unit;
    }
}
