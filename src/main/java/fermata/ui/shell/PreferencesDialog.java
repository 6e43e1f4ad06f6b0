package fermata.ui.shell;

import fermata.core.engine.SynthEngine;
import fermata.core.project.StudioSettings;
import javafx.util.StringConverter;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.Optional;

/** Edit ▸ Preferences: a form over {@link PreferencesViewModel}; OK is refused while a choice is wrong. */
public final class PreferencesDialog {
    private PreferencesDialog() {
    }

    /** The form, as the dialog shows it. */
    public static GridPane form(PreferencesViewModel vm, Window owner) {
        ChoiceBox<String> device = new ChoiceBox<>(vm.devices());
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        ChoiceBox<Integer> rate = new ChoiceBox<>();
        rate.getItems().setAll(StudioSettings.SAMPLE_RATES);
        rate.setValue(vm.sampleRateProperty().get());
        rate.valueProperty().addListener((o, was, now) -> vm.sampleRateProperty().set(now));
        ChoiceBox<Integer> buffer = new ChoiceBox<>();
        buffer.getItems().setAll(StudioSettings.BUFFER_SIZES);
        buffer.setValue(vm.bufferFramesProperty().get());
        buffer.valueProperty().addListener((o, was, now) -> vm.bufferFramesProperty().set(now));
        Label latency = new Label();
        latency.textProperty().bind(Bindings.createStringBinding(vm::latencyText, vm.bufferFramesProperty(),
                vm.sampleRateProperty()));

        TextField sf2 = new TextField();
        sf2.setId("pref-soundfont");
        sf2.setPromptText("default: the system's SoundFont or the JDK's bank");
        sf2.textProperty().bindBidirectional(vm.soundFontProperty());
        sf2.setPrefColumnCount(28);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SoundFont", "*.sf2"));
            File f = chooser.showOpenDialog(owner);
            if (f != null) {
                vm.soundFontProperty().set(f.getAbsolutePath());
            }
        });

        ChoiceBox<SynthEngine> synth = new ChoiceBox<>();
        synth.setId("pref-synth");
        synth.getItems().setAll(SynthEngine.values());
        synth.setConverter(new StringConverter<>() {
            @Override
            public String toString(SynthEngine engine) {
                return engine == null ? "" : engine == SynthEngine.FERMATA ? "Fermata (fast, the default)"
                        : "Gervill (the JDK's synthesizer, for its exact sound)";
            }

            @Override
            public SynthEngine fromString(String text) {
                throw new UnsupportedOperationException("the synthesizer is chosen from the list");
            }
        });
        synth.valueProperty().bindBidirectional(vm.synthProperty());

        CheckBox cuda = new CheckBox("Use a CUDA GPU for the AI models when the build has one");
        cuda.selectedProperty().bindBidirectional(vm.preferCudaProperty());
        CheckBox dark = new CheckBox("Dark theme");
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        Spinner<Integer> autosave = new Spinner<>(10, 3600, vm.autosaveSecondsProperty().get(), 10);
        autosave.setEditable(true);
        autosave.valueProperty().addListener((o, was, now) -> vm.autosaveSecondsProperty().set(now));

        ListView<java.nio.file.Path> folders = new ListView<>(vm.libraryFolders());
        folders.setPrefHeight(90);
        Button add = new Button("Add…");
        add.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(owner);
            if (dir != null && !vm.libraryFolders().contains(dir.toPath())) {
                vm.libraryFolders().add(dir.toPath());
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> vm.libraryFolders().remove(folders.getSelectionModel().getSelectedItem()));

        Label problem = new Label();
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.setStyle("-fx-text-fill: #e5534b;");
        problem.textProperty().bind(vm.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        int row = 0;
        grid.addRow(row++, new Label("Audio output"), device);
        grid.addRow(row++, new Label("Sample rate (Hz)"), rate);
        grid.addRow(row++, new Label("Buffer (frames)"), new HBox(8, buffer, latency));
        grid.addRow(row++, new Label("SoundFont"), new HBox(8, sf2, browse));
        grid.addRow(row++, new Label("Synthesizer"), synth);
        grid.addRow(row++, new Label("AI compute"), cuda);
        grid.addRow(row++, new Label("Library folders"), new HBox(8, folders, new javafx.scene.layout.VBox(6, add, remove)));
        grid.addRow(row++, new Label("Autosave every (s)"), autosave);
        grid.addRow(row++, new Label("Appearance"), dark);
        grid.add(problem, 0, row, 2, 1);
        return grid;
    }

    /** Shows the dialog; the new settings when OK was pressed with valid choices. */
    public static Optional<StudioSettings> show(Window owner, StudioSettings current, PreferencesViewModel vm) {
        Dialog<StudioSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Preferences");
        dialog.setHeaderText("Audio changes reopen the sound device; the autosave interval applies from the next start.");
        dialog.getDialogPane().setContent(form(vm, owner));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.validate().isPresent()) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.result(current) : null);
        return dialog.showAndWait();
    }
}
