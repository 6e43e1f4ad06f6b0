package fermata.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import fermata.core.compose.ComputeBackend;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderCancelledException;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.RenderService;
import fermata.core.engine.WavWriterSink;
import fermata.core.engine.rt.MidiInput;
import fermata.core.engine.rt.PlaybackSession;
import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.library.LibraryScanner;
import fermata.core.library.ScanReport;
import fermata.core.engine.rt.RealtimeOutput;
import fermata.core.media.WavWriter;
import fermata.core.project.FileKind;
import fermata.core.project.StudioSettings;
import fermata.core.task.CancelledException;
import fermata.core.task.TaskHandle;
import fermata.core.error.BadInputException;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.project.AppLog;
import fermata.core.project.AppVersion;
import fermata.core.project.Autosaver;
import fermata.core.project.Diagnostics;
import fermata.core.project.Assets;
import fermata.core.project.LoadedProject;
import fermata.core.project.MediaLocator;
import fermata.core.project.MissingMedia;
import fermata.core.project.ProjectFiles;
import fermata.core.project.Recovery;
import fermata.core.project.RecoveryFile;
import fermata.core.project.UserData;
import javafx.application.Application;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
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

    private static final FileChooser.ExtensionFilter AUDIO = new FileChooser.ExtensionFilter("Audio files",
            "*.wav", "*.flac", "*.mp3", "*.ogg", "*.aif", "*.aiff", "*.m4a");
    private static final FileChooser.ExtensionFilter WAV = new FileChooser.ExtensionFilter("WAV audio", "*.wav");

    private Stage stage;
    private StudioViewModel model;
    private TransportViewModel transport;
    private final StatusViewModel status = new StatusViewModel();
    private FxTaskExecutor tasks;
    private MainWindow window;
    private StudioSettings settings;
    private PlaybackSession playback;
    /** Polls the engine's DSP load for the status bar; started with the first playback session. */
    private Timeline loadMeter;
    private Recovery recovery;
    /** The sample format of the last export, offered again. */
    private WavWriter.Encoding exportEncoding = WavWriter.Encoding.PCM_24;
    private final AtomicReference<Path> projectFile = new AtomicReference<>();
    private final AtomicReference<Autosaver.State> autosaveState = new AtomicReference<>();
    private final ScheduledExecutorService autosaveThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fermata-autosave");
        t.setDaemon(true);
        return t;
    });

    public static void launchStudio(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    /** The dark theme (AtlantaFX Primer Dark), the default. */
    public static void applyTheme() {
        applyTheme(true);
    }

    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        settings = StudioSettings.load(UserData.current());
        try {
            AppLog.install(UserData.current());
        } catch (IOException e) {
            System.err.println("fermata: cannot write the log under " + UserData.current().logs() + ": " + e.getMessage());
        }
        AppLog.logger().info("Fermata Studio " + AppVersion.current() + " starting");
        boolean firstStart = settings.firstStart();
        applyTheme(settings.darkTheme());
        model = new StudioViewModel(Project.empty("Untitled"), null);
        model.darkThemeProperty().set(settings.darkTheme());
        model.recentFiles().setAll(settings.existingRecentFiles());
        transport = new TransportViewModel(model);
        tasks = new FxTaskExecutor(status, 2);
        window = new MainWindow(model, transport, status, this, tasks,
                ref -> LoadedProject.mediaFile(projectFile.get(), ref));
        stage.titleProperty().bind(model.titleProperty());
        stage.getIcons().add(new Image(StudioApp.class.getResource("/fermata/icon.png").toExternalForm()));
        stage.setScene(new Scene(window.root(), 1360, 820));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        stage.show();
        model.fileProperty().addListener((o, was, now) -> projectFile.set(now));
        startAutosave();
        startPlayback();
        findComputeBackend();
        if (!offerRecovery()) {
            List<String> args = getParameters().getRaw();
            Optional<Path> first;
            if (!args.isEmpty()) {
                first = Optional.of(Path.of(args.get(0)));
            } else if (!firstStart && !model.recentFiles().isEmpty()) {
                first = Optional.of(model.recentFiles().get(0));
            } else {
                first = Assets.demoProject();
            }
            first.ifPresent(this::openFile);
        }
        saveSettings(settings.started());
        if (firstStart) {
            welcome();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        autosaveThread.shutdownNow();
        if (tasks != null) {
            tasks.close();
        }
        if (playback != null) {
            playback.close();
        }
    }

    /**
     * Opens the sound device and the synthesizer off the FX thread (loading a SoundFont takes a
     * moment); without a device the studio still edits and exports, and the status bar says why.
     */
    private void startPlayback() {
        StudioSettings audio = settings;
        PlaybackSession previous = playback;
        playback = null;
        status.showDevice("starting…", audio.sampleRate(), audio.bufferFrames());
        Thread starter = new Thread(() -> {
            if (previous != null) {
                try {
                    previous.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            MediaClipSources media = new MediaClipSources(ref -> LoadedProject.mediaFile(projectFile.get(), ref),
                    UserData.current().audioCache());
            PlaybackSession session = PlaybackSession.open(audio.sampleRate(), audio.bufferFrames(), audio.soundFont(),
                    audio.synth(), media, audio.audioDevice().map(RealtimeOutput::device).orElse(RealtimeOutput.DEFAULT_DEVICE),
                    MidiInput.SYSTEM, problem -> Platform.runLater(() -> model.report(problem)));
            Platform.runLater(() -> connect(session));
        }, "fermata-audio-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void connect(PlaybackSession session) {
        playback = session;
        transport.connect(session.engine(), session, session.outputProblem());
        transport.setPublisher(session::publish);
        status.showDevice(session.deviceDescription(), session.engine().sampleRate(), session.bufferFrames());
        status.showSoundBank(session.soundBank());
        session.outputProblem().ifPresent(problem -> {
            model.report(problem);
            AppLog.logger().warning(problem);
        });
        AppLog.logger().info("Audio: " + session.deviceDescription() + ", SoundFont " + session.soundBank() + ", "
                + session.midiStatus());
        session.publish(model.project());
        if (loadMeter == null) {
            model.projectProperty().addListener((o, was, now) -> {
                if (playback != null) {
                    playback.publish(now);
                }
            });
            loadMeter = new Timeline(new KeyFrame(Duration.millis(500), e -> {
                if (playback != null) {
                    status.showLoad(playback.load());
                }
            }));
            loadMeter.setCycleCount(Timeline.INDEFINITE);
            loadMeter.play();
        }
    }

    /** Asks ND4J which backend it runs on; loading it takes a few seconds, so on a worker. */
    private void findComputeBackend() {
        Thread probe = new Thread(() -> {
            String name;
            try {
                name = ComputeBackend.select(false).name();
            } catch (RuntimeException | LinkageError e) {
                name = "unavailable (" + e.getMessage() + ")";
            }
            String shown = name + (settings.preferCuda() && !name.equals("CUDA")
                    ? " (CUDA preferred, but this build or machine has none)" : "");
            Platform.runLater(() -> status.showBackend(shown));
        }, "fermata-backend-probe");
        probe.setDaemon(true);
        probe.start();
    }

    private void saveSettings(StudioSettings next) {
        settings = next;
        try {
            settings.save(UserData.current());
        } catch (IOException e) {
            model.report("Cannot save settings: " + e.getMessage());
        }
    }

    private void remember(Path file) {
        saveSettings(settings.withRecent(file));
        model.recentFiles().setAll(settings.existingRecentFiles());
    }

    // The autosave thread reads an immutable snapshot that the FX thread publishes after each change.
    private void startAutosave() {
        recovery = Recovery.in(UserData.current());
        publishAutosaveState();
        model.history().addListener(h -> publishAutosaveState());
        model.fileProperty().addListener((o, before, after) -> publishAutosaveState());
        new Autosaver(autosaveState::get, recovery, Clock.systemUTC(),
                java.time.Duration.ofSeconds(settings.autosaveSeconds())).start(autosaveThread,
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
                remember(file);
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
            remember(file);
            recovery.discardFor(file);
        } catch (IOException e) {
            showError("Cannot save " + file.getFileName(),
                    file + ": " + e.getMessage() + ". Your work is still open; try another folder.");
        }
    }

    @Override
    public void openKnownFile(Path file) {
        if (!Files.isRegularFile(file)) {
            showError("Cannot open " + file.getFileName(), file + " no longer exists. It is removed from the recent files.");
            model.recentFiles().remove(file);
            return;
        }
        if (confirmDiscard()) {
            openFile(file);
        }
    }

    @Override
    public void importMidi() {
        File f = chooser("Import MIDI", MIDI).showOpenDialog(stage);
        if (f != null) {
            importMidiFile(f.toPath());
        }
    }

    private void importMidiFile(Path file) {
        try {
            model.importTracks(MidiFiles.read(file), "Import " + file.getFileName());
        } catch (BadInputException e) {
            showError("Cannot import " + file.getFileName(), e.getMessage());
        }
    }

    @Override
    public void importAudio() {
        List<File> files = chooser("Import audio", AUDIO).showOpenMultipleDialog(stage);
        if (files != null) {
            importAudioFiles(files.stream().map(File::toPath).toList());
        }
    }

    /** Imports on workers with a progress bar; each file lands on the shown audio track or a new one. */
    private void importAudioFiles(List<Path> files) {
        window.waveformModel().importFiles(files);
    }

    @Override
    public void dropFiles(List<Path> files) {
        List<Path> audio = new ArrayList<>();
        for (Path file : files) {
            FileKind kind;
            try {
                kind = FileKind.of(file);
            } catch (IOException e) {
                showError("Cannot read " + file.getFileName(), file + ": " + e.getMessage());
                continue;
            }
            switch (kind) {
                case PROJECT -> {
                    if (confirmDiscard()) {
                        openFile(file);
                    }
                }
                case MIDI -> importMidiFile(file);
                case AUDIO -> audio.add(file);
                case UNKNOWN -> showError("Cannot use " + file.getFileName(), file
                        + " is not a Fermata project, a MIDI file or an audio file Fermata reads."
                        + " Drop .fermata, .mid, .wav, .flac, .mp3 or .ogg files.");
            }
        }
        if (!audio.isEmpty()) {
            importAudioFiles(audio);
        }
    }

    @Override
    public void exportAudio() {
        Optional<RenderOptions> format = askRenderFormat();
        if (format.isEmpty()) {
            return;
        }
        FileChooser chooser = chooser("Export audio", WAV);
        String base = model.project().name().isBlank() ? "mix" : model.project().name();
        chooser.setInitialFileName(base + ".wav");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        Project snapshot = model.project();
        Path projectAt = projectFile.get();
        WavWriter.Encoding encoding = exportEncoding;
        RenderOptions options = settings.soundFont().map(format.get()::withSoundFont).orElse(format.get())
                .withSynth(settings.synth());
        TaskHandle<RenderService.Result> handle = tasks.submit("Export " + target.getFileName(),
                progress -> {
                    MediaClipSources media = new MediaClipSources(ref -> LoadedProject.mediaFile(projectAt, ref),
                            UserData.current().audioCache());
                    return new OfflineRenderer(media, media).render(snapshot, options,
                            new WavWriterSink(target, encoding), progress::update, progress::isCancelled);
                });
        FxTaskExecutor.onFx(handle.result()).whenComplete((result, failure) -> {
            if (failure == null) {
                result.warnings().forEach(model::report);
                model.report(String.format(Locale.ROOT, "Exported %s (%.1f s at %d Hz)", target.getFileName(),
                        result.seconds(), result.sampleRate()));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RenderCancelledException || cause instanceof CancelledException) {
                model.report("Export cancelled; no file was written");
            } else {
                showError("Cannot export " + target.getFileName(), target + ": " + cause.getMessage());
            }
        });
    }

    /** Asks for the sample rate and sample format of an export. */
    private Optional<RenderOptions> askRenderFormat() {
        Dialog<RenderOptions> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Export audio");
        dialog.setHeaderText("Render the project to a WAV file, through the same mixer and limiter as playback.");
        ChoiceBox<Integer> rate = new ChoiceBox<>();
        rate.getItems().addAll(44_100, 48_000, 96_000);
        rate.setValue(48_000);
        ChoiceBox<WavWriter.Encoding> bits = new ChoiceBox<>();
        bits.getItems().addAll(WavWriter.Encoding.PCM_16, WavWriter.Encoding.PCM_24, WavWriter.Encoding.FLOAT_32);
        bits.setValue(exportEncoding);
        bits.setConverter(new StringConverter<>() {
            @Override
            public String toString(WavWriter.Encoding e) {
                return e == null ? "" : switch (e) {
                    case PCM_16 -> "16-bit PCM";
                    case PCM_24 -> "24-bit PCM";
                    case FLOAT_32 -> "32-bit float";
                };
            }

            @Override
            public WavWriter.Encoding fromString(String s) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Sample rate (Hz)"), rate);
        grid.addRow(1, new Label("Sample format"), bits);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, export);
        dialog.setResultConverter(b -> {
            if (b != export) {
                return null;
            }
            exportEncoding = bits.getValue();
            return RenderOptions.defaults().withSampleRate(rate.getValue());
        });
        return dialog.showAndWait();
    }

    @Override
    public void preferences() {
        List<Path> libraryFolders = libraryFolders();
        StudioSettings shown = settings.withPreferences(settings.darkTheme(), settings.soundFont(), settings.synth(),
                settings.sampleRate(), settings.bufferFrames(), settings.autosaveSeconds(), settings.preferCuda(),
                settings.audioDevice(), libraryFolders);
        PreferencesViewModel vm = new PreferencesViewModel(shown, RealtimeOutput.deviceNames());
        PreferencesDialog.show(stage, shown, vm).ifPresent(next -> {
            StudioSettings before = settings;
            saveSettings(next);
            List<Path> added = next.libraryFolders().stream().filter(f -> !libraryFolders.contains(f)).toList();
            if (!added.isEmpty()) {
                scanNewLibraryFolders(added);
            }
            if (before.darkTheme() != next.darkTheme()) {
                applyTheme(next.darkTheme());
                model.darkThemeProperty().set(next.darkTheme());
            }
            if (PreferencesViewModel.audioChanged(before, next)) {
                transport.stop();
                startPlayback();
            }
            model.report("Preferences saved");
        });
    }

    /** The library's folders, as its database knows them; empty when it cannot be read. */
    private List<Path> libraryFolders() {
        try (LibraryDatabase db = LibraryDatabase.open(UserData.current())) {
            return new LibraryScanner(db).folders();
        } catch (LibraryException e) {
            model.report("Cannot read the library: " + e.getMessage());
            return settings.libraryFolders();
        }
    }

    /** Adds folders to the library and scans them in the background, with progress in the status bar. */
    private void scanNewLibraryFolders(List<Path> folders) {
        TaskHandle<ScanReport> scan = tasks.submit("Scan library", progress -> {
            try (LibraryDatabase db = LibraryDatabase.open(UserData.current())) {
                LibraryScanner scanner = new LibraryScanner(db);
                List<Path> roots = new ArrayList<>();
                for (Path f : folders) {
                    roots.add(scanner.addFolder(f));
                }
                return scanner.scan(roots, progress);
            }
        });
        FxTaskExecutor.onFx(scan.result()).whenComplete((report, failure) -> model.report(failure == null
                ? "Library: " + report.added() + " tracks added, " + report.problems().size() + " files could not be read"
                : "Library scan failed: " + (failure.getCause() == null ? failure : failure.getCause()).getMessage()));
    }

    @Override
    public void welcome() {
        Optional<Path> guide = Assets.folder().map(a -> a.toAbsolutePath().getParent().resolve("docs/guide/README.md"))
                .filter(Files::isRegularFile);
        WelcomeDialog.show(stage, status, UserData.current(), guide);
    }

    @Override
    public void copyDiagnostics() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Audio", status.deviceProperty().get() + ", " + status.formatProperty().get()
                + (playback == null ? "" : playback.outputProblem().map(p -> " (" + p + ")").orElse("")));
        facts.put("SoundFont", status.soundBankProperty().get());
        facts.put("MIDI input", playback == null ? "not started" : playback.midiStatus());
        facts.put("Compute", status.backendProperty().get());
        facts.put("Project", model.project().tracks().size() + " tracks, "
                + (model.fileProperty().get() == null ? "not saved" : "saved"));
        ClipboardContent content = new ClipboardContent();
        content.putString(Diagnostics.report(AppVersion.current(), UserData.current(), facts));
        Clipboard.getSystemClipboard().setContent(content);
        model.report("Diagnostics copied: paste them into your bug report (they hold no song or listening data)");
    }

    @Override
    public void about() {
        AboutDialog.show(stage, AppVersion.current());
    }

    @Override
    public void setDarkTheme(boolean dark) {
        applyTheme(dark);
        model.darkThemeProperty().set(dark);
        saveSettings(settings.withDarkTheme(dark));
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
        AppLog.logger().warning(header + ": " + text);
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.showAndWait();
        model.report(header);
    }
}
