package fermata.ui.shell;

import fermata.core.model.MediaRef;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.project.UserData;
import fermata.core.preset.LayoutPreset;
import fermata.core.error.BadInputException;
import fermata.core.task.TaskExecutor;
import fermata.ui.pianoroll.PianoRollPanel;
import fermata.core.compose.ModelStore;
import fermata.core.project.Assets;
import fermata.ui.analysis.AnalysisPanel;
import fermata.ui.analysis.AnalysisViewModel;
import fermata.ui.compose.ComposePanel;
import fermata.ui.compose.ComposeViewModel;
import fermata.ui.compose.TrainingDialog;
import fermata.ui.compose.TrainingViewModel;
import fermata.ui.mixer.MixPanel;
import fermata.ui.mixer.MixPanelViewModel;
import fermata.ui.pianoroll.PianoRollViewModel;
import fermata.ui.waveform.WaveformPanel;
import fermata.ui.waveform.WaveformViewModel;
import fermata.core.engine.rt.TransportState;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import javafx.util.Duration;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The studio's main window content: menus and the transport bar on top, the track list on the
 * left, the editor of the selected track in the middle (piano roll for MIDI tracks), the sidebar
 * with the analysis, composition and mix panels on the right, and the status bar. Thin: state
 * lives in the view-models; the keys DAWs share (space, arrows, Delete, +/-) are handled here and
 * listed, with every menu accelerator, in the shortcuts dialog.
 */
public final class MainWindow {
    private final StudioViewModel studio;
    private final TransportViewModel transport;
    private final StudioActions actions;
    private final TaskExecutor tasks;
    private final BorderPane root = new BorderPane();
    private final TrackListView trackList;
    private final PianoRollViewModel roll;
    private final PianoRollPanel pianoRoll;
    private final StackPane editorArea = new StackPane();
    private final WaveformViewModel waveform;
    private final WaveformPanel waveformPanel;
    private static final double AUDITION_MILLIS = 300;
    private final Label noTrack = new Label("Select a track on the left, or add one: Track ▸ Add MIDI track.");
    private final Sidebar sidebar = new Sidebar();
    private final MixPanel mixPanel;
    private final AnalysisViewModel analysis;
    private final ComposeViewModel compose;
    private final ToggleButton analyseSelected = new ToggleButton("Selected track");
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final Menu recentMenu = new Menu("Open _Recent");

    /**
     * @param tasks runs the panels' slow work (render, analysis, automix, generation) off the FX thread
     * @param media where a media reference's file is, for the current project's location
     */
    public MainWindow(StudioViewModel studio, TransportViewModel transport, StatusViewModel status,
                      StudioActions actions, TaskExecutor tasks, Function<MediaRef, Path> media) {
        this.studio = studio;
        this.tasks = tasks;
        this.transport = transport;
        this.actions = actions;
        roll = new PianoRollViewModel(studio.history());
        pianoRoll = new PianoRollPanel(roll);
        trackList = new TrackListView(studio, transport);
        waveform = new WaveformViewModel(studio.history(), tasks);
        waveform.setProjectFile(studio.fileProperty().get());
        studio.fileProperty().addListener((o, was, now) -> waveform.setProjectFile(now));
        waveformPanel = new WaveformPanel(waveform);
        mixPanel = new MixPanel(new MixPanelViewModel(studio.history(), tasks, Platform::runLater, media,
                UserData.current().audioCache()));
        mixPanel.model().loadPresets(UserData.current());
        sidebar.setPanel(Sidebar.MIX, mixPanel);
        mixPanel.model().listeningToAutomixProperty().addListener((o, was, automix) -> auditionMix(automix));
        mixPanel.model().setPreviewHook(candidate -> transport.preview(candidate, transport.playheadTickProperty().get()));
        analysis = new AnalysisViewModel(studio.history(), tasks, media);
        analysis.beatTimesProperty().addListener((o, was, beats) -> waveform.setBeatTimes(beats == null ? List.of() : beats));
        sidebar.setPanel(Sidebar.ANALYSIS, analysisTab());
        compose = new ComposeViewModel(studio.history(), tasks);
        compose.setUiThread(Platform::runLater);
        compose.setPreviewHook(candidate -> transport.preview(candidate, roll.loopRegionProperty().get() == null ? 0
                : roll.loopRegionProperty().get().startTick()));
        compose.loadStyles(UserData.current());
        ModelStore models = new ModelStore(UserData.current().root());
        try {
            compose.refreshModels(models, Assets.models());
        } catch (IOException e) {
            studio.report("Cannot list your composition models in " + models.folder() + ": " + e.getMessage());
        }
        sidebar.setPanel(Sidebar.COMPOSE, new ComposePanel(compose, () -> openTraining(models)).root());

        VBox top = new VBox(menuBar(), new TransportBar(transport));
        root.setTop(top);
        editorArea.setId("editor-area");
        editorArea.getChildren().addAll(pianoRoll, waveformPanel, noTrack);
        SplitPane main = new SplitPane(trackList, editorArea, sidebar);
        main.setDividerPositions(0.22, 0.76);
        SplitPane.setResizableWithParent(trackList, false);
        SplitPane.setResizableWithParent(sidebar, false);
        root.setCenter(main);
        root.setBottom(statusBar(status));
        listEditorKeys();

        trackList.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> showEditor());
        studio.tracks().addListener((ListChangeListener<StudioViewModel.TrackRow>) c -> keepSelection());
        studio.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecentMenu());
        fillRecentMenu();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKey);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            e.setDropCompleted(files != null && !files.isEmpty());
            e.consume();
            if (files != null && !files.isEmpty()) {
                actions.dropFiles(files.stream().map(File::toPath).toList());
            }
        });
        connectPianoRoll();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                transport.refresh();
                roll.setPlayheadTick(transport.playheadTickProperty().get());
            }
        }.start();
        if (!studio.tracks().isEmpty()) {
            trackList.getSelectionModel().select(0);
        }
        showEditor();
    }

    public Parent root() {
        return root;
    }

    public TrackListView trackList() {
        return trackList;
    }

    public PianoRollPanel pianoRoll() {
        return pianoRoll;
    }

    public PianoRollViewModel pianoRollModel() {
        return roll;
    }

    public Sidebar sidebar() {
        return sidebar;
    }

    public WaveformViewModel waveformModel() {
        return waveform;
    }

    /** The analysis panel with its choice of target: the master, or the track selected in the list. */
    private Node analysisTab() {
        ToggleButton master = new ToggleButton("Master");
        master.setId("analyse-master");
        analyseSelected.setId("analyse-selected");
        ToggleGroup group = new ToggleGroup();
        master.setToggleGroup(group);
        analyseSelected.setToggleGroup(group);
        master.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                analysis.setTarget(now == master ? null : trackList.selectedTrackId());
            }
        });
        HBox targets = new HBox(6, new Label("Analyse"), master, analyseSelected);
        targets.setAlignment(Pos.CENTER_LEFT);
        targets.setPadding(new Insets(8, 8, 0, 8));
        AnalysisPanel panel = new AnalysisPanel(analysis);
        VBox.setVgrow(panel, Priority.ALWAYS);
        return new VBox(4, targets, panel);
    }

    /**
     * The mix panel's A/B: plays the automix (A) or the plain sum at the same loudness (B) from
     * the playhead, through the engine, until Stop.
     */
    private void auditionMix(boolean automix) {
        MixPanelViewModel.Version version = mixPanel.model().selectedVersion();
        if (version == null) {
            return;
        }
        Project song = studio.project();
        String name = automix ? "A" : "B";
        FxTaskExecutor.onFx(tasks.submit("Prepare " + name, p -> AuditionAudio.write(
                UserData.current().audioCache().resolve("audition"), name, version.samples(), version.sampleRate(),
                song)).result()).whenComplete((candidate, failure) -> {
                    if (failure != null) {
                        studio.report("Cannot play " + name + ": " + failure.getMessage());
                    } else {
                        transport.preview(candidate, transport.playheadTickProperty().get());
                        studio.report("Playing " + (automix ? "A, the automix" : "B, the plain sum at the same loudness")
                                + ": Stop returns to the song");
                    }
                });
    }

    private void openTraining(ModelStore models) {
        TrainingViewModel training = new TrainingViewModel(tasks, models);
        training.setUiThread(Platform::runLater);
        Stage window = new Stage();
        window.initOwner(root.getScene().getWindow());
        window.setTitle("Train a composition model");
        window.setScene(new Scene(new VBox(new TrainingDialog(training).root()), 720, 560));
        window.setOnHidden(e -> {
            try {
                compose.refreshModels(models, Assets.models());
            } catch (IOException ex) {
                studio.report("Cannot list your composition models: " + ex.getMessage());
            }
        });
        window.show();
    }

    public AnalysisViewModel analysisModel() {
        return analysis;
    }

    public ComposeViewModel composeModel() {
        return compose;
    }

    public MixPanel mixPanel() {
        return mixPanel;
    }

    /** Every shortcut of the window, for the shortcuts dialog. */
    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }

    /** After an edit the rows are new values: keep the same track selected, or the first. */
    private void keepSelection() {
        String shown = roll.trackId();
        String selected = trackList.selectedTrackId();
        if (selected == null && shown != null) {
            trackList.select(shown);
        }
        if (trackList.getSelectionModel().getSelectedItem() == null && !studio.tracks().isEmpty()) {
            trackList.getSelectionModel().select(0);
        }
        showEditor();
    }

    private void showEditor() {
        String id = trackList.selectedTrackId();
        Track track = null;
        if (id != null) {
            for (Track t : studio.project().tracks()) {
                if (t.id().equals(id)) {
                    track = t;
                }
            }
        }
        boolean midi = track instanceof MidiTrack;
        if (midi && !id.equals(roll.trackId())) {
            roll.showTrack(id);
            // The selected MIDI track takes the keyboard, as in Ableton and Bitwig: MIDI input and
            // auditioned notes sound through the instrument being edited.
            transport.armedTrackProperty().set(id);
        }
        if (analyseSelected.isSelected()) {
            analysis.setTarget(id);
        }
        compose.setSelectedTracks(id == null ? List.of() : List.of(id));
        boolean audio = track != null && !midi;
        if (audio && !id.equals(waveform.trackId())) {
            waveform.showTrack(id);
        }
        pianoRoll.setVisible(midi);
        waveformPanel.setVisible(audio);
        noTrack.setVisible(track == null);
    }

    private MenuBar menuBar() {
        String file = "File";
        Menu fileMenu = new Menu("_File", null,
                item(file, "New", "Shortcut+N", actions::newProject),
                item(file, "Open…", "Shortcut+O", actions::open),
                recentMenu,
                demoMenu(),
                item(file, "Save", "Shortcut+S", actions::save),
                item(file, "Save As…", "Shortcut+Shift+S", actions::saveAs),
                new SeparatorMenuItem(),
                item(file, "Import MIDI…", "Shortcut+I", actions::importMidi),
                item(file, "Import Audio…", "Shortcut+Shift+I", actions::importAudio),
                item(file, "Export MIDI…", "Shortcut+E", actions::exportMidi),
                item(file, "Export Audio…", "Shortcut+Shift+E", actions::exportAudio),
                new SeparatorMenuItem(),
                item(file, "Quit", "Shortcut+Q", actions::quit));

        String edit = "Edit";
        MenuItem undo = item(edit, "Undo", "Shortcut+Z", studio::undo);
        undo.disableProperty().bind(studio.canUndoProperty().not());
        MenuItem redo = item(edit, "Redo", "Shortcut+Shift+Z", studio::redo);
        redo.disableProperty().bind(studio.canRedoProperty().not());
        Menu editMenu = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(),
                item(edit, "Cut", "Shortcut+X", roll::cut),
                item(edit, "Copy", "Shortcut+C", roll::copy),
                item(edit, "Paste", "Shortcut+V", roll::paste),
                item(edit, "Duplicate", "Shortcut+D", roll::duplicate),
                item(edit, "Select All", "Shortcut+A", roll::selectAll),
                new SeparatorMenuItem(),
                item(edit, "Quantize", "Q", roll::quantize),
                item(edit, "Legato", null, roll::legato),
                item(edit, "Transpose Up an Octave", "Shift+Up", () -> roll.transpose(12)),
                item(edit, "Transpose Down an Octave", "Shift+Down", () -> roll.transpose(-12)),
                new SeparatorMenuItem(),
                item(edit, "Preferences…", "Shortcut+Comma", actions::preferences));

        String view = "View";
        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setSelected(studio.darkThemeProperty().get());
        dark.selectedProperty().addListener((o, was, now) -> actions.setDarkTheme(now));
        CheckMenuItem showSidebar = new CheckMenuItem("Sidebar");
        showSidebar.setSelected(true);
        showSidebar.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        shortcuts.add(new Shortcut(display(showSidebar.getAccelerator()), "Show or hide the sidebar", view));
        showSidebar.selectedProperty().addListener((o, was, now) -> {
            sidebar.setVisible(now);
            sidebar.setManaged(now);
        });
        Menu viewMenu = new Menu("_View", null, dark, showSidebar,
                item(view, "Library…", "Shortcut+L", () -> LibraryWindow.open(root.getScene().getWindow(), tasks,
                        studio::report)),
                item(view, "Zoom In", "Shortcut+Equals", roll::zoomIn),
                item(view, "Zoom Out", "Shortcut+Minus", roll::zoomOut));

        String trans = "Transport";
        Menu transportMenu = new Menu("T_ransport", null,
                item(trans, "Play / Pause", null, transport::togglePlay),
                item(trans, "Stop", null, transport::stop),
                item(trans, "Record", "Shift+R", transport::toggleRecord),
                item(trans, "Back to Start", null, transport::rewind),
                item(trans, "Next Bar", "Shortcut+Right", () -> transport.jumpBars(1)),
                item(trans, "Previous Bar", "Shortcut+Left", () -> transport.jumpBars(-1)));

        String tracks = "Track";
        Menu trackMenu = new Menu("_Track", null,
                item(tracks, "Add MIDI Track", "Shortcut+T", () -> trackList.select(studio.addMidiTrack())),
                item(tracks, "Add Audio Track", "Shortcut+Shift+T", () -> trackList.select(studio.addAudioTrack())),
                item(tracks, "Delete Track", "Shortcut+Delete", () -> {
                    String id = trackList.selectedTrackId();
                    if (id != null) {
                        studio.removeTrack(id);
                    }
                }),
                layoutMenu());

        Menu helpMenu = new Menu("_Help", null,
                item("Help", "Welcome…", null, actions::welcome),
                item("Help", "Keyboard Shortcuts…", "F1", () -> ShortcutsDialog.show(root.getScene().getWindow(),
                        shortcuts())),
                item("Help", "Copy Diagnostics", null, actions::copyDiagnostics),
                item("Help", "About Fermata Studio", null, actions::about));
        return new MenuBar(fileMenu, editMenu, viewMenu, transportMenu, trackMenu, helpMenu);
    }

    /** File ▸ Open Demo: the bundled projects, one per capability. */
    private Menu demoMenu() {
        Map<String, String> titles = Map.of(
                Path.of(Assets.DEMO_PROJECT).getFileName().toString(), "First Light: a drafted song",
                Path.of(Assets.DEMO_STEMS).getFileName().toString(), "Stems: five recorded tracks to automix",
                Path.of(Assets.DEMO_NOISY_TAKE).getFileName().toString(), "Noisy Take: a recording to denoise");
        Menu menu = new Menu("Open _Demo");
        menu.setId("demo-menu");
        for (Path demo : Assets.demos()) {
            String name = demo.getFileName().toString();
            MenuItem item = new MenuItem(titles.getOrDefault(name, name));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.openKnownFile(demo));
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
        return menu;
    }

    /**
     * Track ▸ New Tracks from Layout: the shipped instrument layouts and the user's own, read each
     * time the menu opens so a layout saved meanwhile is there; each adds its tracks as one edit.
     */
    private Menu layoutMenu() {
        Menu menu = new Menu("New Tracks from _Layout");
        menu.setId("layout-menu");
        menu.setOnShowing(e -> fillLayoutMenu(menu));
        fillLayoutMenu(menu);
        return menu;
    }

    private void fillLayoutMenu(Menu menu) {
        Map<String, LayoutPreset> layouts;
        try {
            layouts = LayoutPreset.LIBRARY.all(UserData.current());
        } catch (IOException | BadInputException e) {
            studio.report("Your instrument layouts could not be read, the shipped ones are offered: " + e.getMessage());
            layouts = LayoutPreset.LIBRARY.shipped();
        }
        List<MenuItem> items = new ArrayList<>();
        for (LayoutPreset layout : layouts.values()) {
            MenuItem item = new MenuItem(layout.name() + "  (" + layout.parts().size() + " tracks)");
            item.setMnemonicParsing(false);
            item.setId("layout-" + layout.name());
            item.setOnAction(e -> addLayout(layout));
            items.add(item);
        }
        menu.getItems().setAll(items);
    }

    private void addLayout(LayoutPreset layout) {
        int before = studio.project().tracks().size();
        studio.history().execute(layout.toEdit(studio.project()));
        List<Track> tracks = studio.project().tracks();
        if (tracks.size() > before) {
            trackList.select(tracks.get(before).id());
        }
        studio.report("Added the " + layout.name() + " layout: " + layout.parts().size() + " tracks. Undo takes them back.");
    }

    private MenuItem item(String menu, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
            shortcuts.add(new Shortcut(display(item.getAccelerator()), text.replace("…", ""), menu));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static String display(KeyCombination keys) {
        return keys.getDisplayText();
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : studio.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.toAbsolutePath().getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.openKnownFile(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** The plain keys of DAWs; listed here so that the dialog shows them with the menu accelerators. */
    private void listEditorKeys() {
        shortcuts.add(new Shortcut("Space", "Play / pause", "Transport"));
        shortcuts.add(new Shortcut("Home", "Back to the start", "Transport"));
        shortcuts.add(new Shortcut("L", "Loop on / off", "Transport"));
        shortcuts.add(new Shortcut("C", "Metronome on / off", "Transport"));
        shortcuts.add(new Shortcut("Delete, Backspace", "Delete the selected notes", "Piano roll"));
        shortcuts.add(new Shortcut("Up / Down", "Transpose the selection a semitone", "Piano roll"));
        shortcuts.add(new Shortcut("Left / Right", "Nudge the selection by the snap grid", "Piano roll"));
        shortcuts.add(new Shortcut("+ / -", "Zoom in / out in time", "Piano roll"));
        shortcuts.add(new Shortcut("Escape", "Cancel a drag", "Piano roll"));
        shortcuts.add(new Shortcut("Alt+drag", "Duplicate the dragged notes", "Piano roll"));
        shortcuts.add(new Shortcut("Shift+click", "Add to or remove from the selection", "Piano roll"));
        shortcuts.add(new Shortcut("Right-click", "Erase a note with any tool", "Piano roll"));
    }

    /**
     * Transport keys work everywhere but in text fields; the piano roll's own keys (Delete,
     * arrows, +/-) reach it when it has the focus.
     */
    private void editorKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) {
            transport.togglePlay();
        } else if (code == KeyCode.HOME) {
            transport.rewind();
        } else if (code == KeyCode.L) {
            transport.loopProperty().set(!transport.loopProperty().get());
        } else if (code == KeyCode.C) {
            transport.metronomeProperty().set(!transport.metronomeProperty().get());
        } else {
            return;
        }
        e.consume();
    }

    /** Playhead, loop region, edit cursor and auditioning between the transport and the piano roll. */
    private void connectPianoRoll() {
        roll.loopRegionProperty().addListener((o, was, region) -> {
            compose.setSelectedRange(region == null ? 0 : region.startTick(), region == null ? 0 : region.endTick());
            transport.loopRangeProperty().set(region == null ? null
                    : new TransportViewModel.LoopRange(region.startTick(), region.endTick()));
            if (region != null && was == null) {
                transport.loopProperty().set(true);
            }
        });
        roll.cursorTickProperty().addListener((o, was, tick) -> {
            if (transport.stateProperty().get() != TransportState.PLAYING) {
                transport.seekTick(tick.longValue());
            }
        });
        roll.setAuditioner(pitch -> {
            Runnable off = transport.audition(pitch);
            PauseTransition release = new PauseTransition(Duration.millis(AUDITION_MILLIS));
            release.setOnFinished(e -> off.run());
            release.play();
        });
    }

    private HBox statusBar(StatusViewModel status) {
        Label message = new Label();
        message.setId("status");
        message.textProperty().bind(studio.statusProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("task-progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(status.taskProgressProperty());
        Label taskText = new Label();
        taskText.textProperty().bind(status.taskTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> status.cancelTask());
        cancel.setStyle("-fx-padding: 0 6 0 6;");
        HBox task = new HBox(6, taskText, progress, cancel);
        task.setAlignment(Pos.CENTER_LEFT);
        task.visibleProperty().bind(status.taskRunningProperty());
        task.managedProperty().bind(status.taskRunningProperty());

        Label device = new Label();
        device.textProperty().bind(status.deviceProperty());
        device.setId("status-device");
        Label format = new Label();
        format.textProperty().bind(status.formatProperty());
        Label cpu = new Label();
        cpu.textProperty().bind(status.cpuProperty());
        cpu.setId("status-cpu");
        Label backend = new Label();
        backend.textProperty().bind(status.backendProperty());
        backend.setId("status-backend");
        Label bank = new Label();
        bank.textProperty().bind(status.soundBankProperty());
        HBox bar = new HBox(10, message, task, sep(), device, sep(), format, sep(), cpu, sep(), bank, sep(), backend);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-font-size: 11px;");
        return bar;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
