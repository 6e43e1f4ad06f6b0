package fermata.ui.shell;

import atlantafx.base.theme.PrimerDark;
import fermata.core.error.BadInputException;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.project.Autosaver;
import fermata.core.project.Assets;
import fermata.core.project.LoadedProject;
import fermata.core.project.MediaLocator;
import fermata.core.project.MissingMedia;
import fermata.core.project.ProjectFiles;
import fermata.core.project.Recovery;
import fermata.core.project.RecoveryFile;
import fermata.core.project.UserData;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The studio's JavaFX application: offers to recover work a crash left behind, else opens the file
 * named on the command line or the bundled demo project, and implements the File menu with
 * dialogs. Errors show one dialog with the same text the CLI would print; the open project is never
 * lost. Unsaved changes are copied to the recovery folder every minute.
 */
public final class StudioApp extends Application implements StudioActions {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Fermata projects", "*.fermata");
    private static final FileChooser.ExtensionFilter MIDI =
            new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi");

    private Stage stage;
    private StudioViewModel model;
    private Recovery recovery;
    private final AtomicReference<Autosaver.State> autosaveState = new AtomicReference<>();
    private final ScheduledExecutorService autosaveThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fermata-autosave");
        t.setDaemon(true);
        return t;
    });

    public static void launchStudio(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    /** The dark theme by default (AtlantaFX Primer). */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        applyTheme();
        model = new StudioViewModel(Project.empty("Untitled"), null);
        MainWindow window = new MainWindow(model, this);
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(new Scene(window.root(), 1100, 680));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        stage.show();
        startAutosave();
        if (!offerRecovery()) {
            List<String> args = getParameters().getRaw();
            Optional<Path> first = args.isEmpty() ? Assets.demoProject() : Optional.of(Path.of(args.get(0)));
            first.ifPresent(this::openFile);
        }
    }

    @Override
    public void stop() {
        autosaveThread.shutdownNow();
    }

    // The autosave thread reads an immutable snapshot that the FX thread publishes after each change.
    private void startAutosave() {
        recovery = Recovery.in(UserData.current());
        publishAutosaveState();
        model.history().addListener(h -> publishAutosaveState());
        model.fileProperty().addListener((o, before, after) -> publishAutosaveState());
        new Autosaver(autosaveState::get, recovery).start(autosaveThread,
                e -> Platform.runLater(() -> model.report("Autosave failed: " + e.getMessage())));
    }

    private void publishAutosaveState() {
        autosaveState.set(new Autosaver.State(model.project(), model.fileProperty().get(), model.history().isDirty()));
    }

    /** Offers the newest recovery copy, if a crash left one. True when one was opened. */
    private boolean offerRecovery() {
        List<RecoveryFile> found;
        try {
            found = recovery.list();
        } catch (IOException e) {
            model.report("Cannot read the recovery folder: " + e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            return false;
        }
        RecoveryFile newest = found.get(0);
        String when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.systemDefault())
                .format(newest.savedAt());
        String of = newest.projectFile().map(p -> p.getFileName().toString()).orElse("an untitled project");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "Fermata was closed with unsaved changes to " + of + " (copy from " + when + "). Recover them?",
                ButtonType.NO, ButtonType.YES);
        ask.initOwner(stage);
        ask.setHeaderText("Recover unsaved work?");
        boolean yes = ask.showAndWait().filter(ButtonType.YES::equals).isPresent();
        try {
            if (!yes) {
                recovery.discard(newest);
                return false;
            }
            LoadedProject loaded = recovery.load(newest);
            model.openUnsaved(loaded.project(), newest.projectFile().orElse(null));
            model.report("Recovered unsaved work from " + when + ": save to keep it");
            return true;
        } catch (BadInputException e) {
            showError("Cannot recover", e.getMessage());
            return false;
        } catch (IOException e) {
            model.report("Cannot discard the recovery copy: " + e.getMessage());
            return false;
        }
    }

    private void openFile(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase().endsWith(".fermata")) {
                LoadedProject opened = ProjectFiles.read(file);
                LoadedProject located = offerToLocateMedia(opened);
                if (located.project() == opened.project()) {
                    model.open(opened.project(), file);
                } else {
                    model.openUnsaved(located.project(), file);
                    model.report("Relinked media: save to keep the new locations");
                }
            } else {
                model.open(MidiFiles.read(file), null);
            }
        } catch (BadInputException e) {
            showError("Cannot open " + file.getFileName(), e.getMessage());
        }
    }

    /**
     * When media files moved, says which and offers to search a folder for them by content; the
     * project opens either way, and clips whose media stay missing play silence.
     */
    private LoadedProject offerToLocateMedia(LoadedProject loaded) {
        LoadedProject current = loaded;
        while (!current.problems().isEmpty()) {
            ButtonType locate = new ButtonType("Locate…");
            Alert alert = new Alert(Alert.AlertType.WARNING, String.join("\n",
                    current.problems().stream().map(MissingMedia::message).toList()), locate, ButtonType.CLOSE);
            alert.initOwner(stage);
            alert.setHeaderText(current.problems().size() + " media file(s) of this project could not be found");
            if (alert.showAndWait().filter(locate::equals).isEmpty()) {
                break;
            }
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder to search for the missing media");
            File folder = chooser.showDialog(stage);
            if (folder == null) {
                break;
            }
            try {
                LoadedProject found = new MediaLocator().locate(current, folder.toPath());
                if (found.problems().size() == current.problems().size()) {
                    model.report("No missing media found in " + folder);
                }
                current = found;
            } catch (IOException e) {
                showError("Cannot search " + folder, e.getMessage());
                break;
            }
        }
        return current;
    }

    @Override
    public void newProject() {
        if (confirmDiscard()) {
            model.open(Project.empty("Untitled"), null);
        }
    }

    @Override
    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open project", PROJECTS, MIDI);
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    @Override
    public void save() {
        Path file = model.fileProperty().get();
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    @Override
    public void saveAs() {
        File f = chooser("Save project", PROJECTS).showSaveDialog(stage);
        if (f != null) {
            Path target = f.toPath();
            if (!target.getFileName().toString().endsWith(".fermata")) {
                target = target.resolveSibling(target.getFileName() + ".fermata");
            }
            saveTo(target);
        }
    }

    private void saveTo(Path file) {
        try {
            ProjectFiles.write(model.project(), file);
            model.saved(file);
            recovery.discardFor(file);
        } catch (IOException e) {
            showError("Cannot save " + file.getFileName(),
                    file + ": " + e.getMessage() + ". Your work is still open; try another folder.");
        }
    }

    @Override
    public void importMidi() {
        if (!confirmDiscard()) {
            return;
        }
        File f = chooser("Import MIDI", MIDI).showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    @Override
    public void exportMidi() {
        File f = chooser("Export MIDI", MIDI).showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            MidiFiles.write(model.project(), f.toPath());
            model.report("Exported " + f.getName());
        } catch (IOException e) {
            showError("Cannot export " + f.getName(), f + ": " + e.getMessage());
        }
    }

    @Override
    public void quit() {
        if (confirmDiscard()) {
            Platform.exit();
        }
    }

    private boolean confirmDiscard() {
        if (!model.history().isDirty()) {
            return true;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "The project has unsaved changes. Discard them?", ButtonType.CANCEL, ButtonType.YES);
        ask.initOwner(stage);
        ask.setHeaderText(null);
        return ask.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        Path current = model.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    private void showError(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.showAndWait();
        model.report(header);
    }
}
