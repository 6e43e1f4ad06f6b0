package fermata.ui.shell;

import java.nio.file.Path;
import java.util.List;

/** The menu actions that need dialogs, files or the engine; the application implements them. */
public interface StudioActions {
    void newProject();

    void open();

    /**
     * Opens a project the menus name (a recent file, a bundled demo), asking about unsaved changes
     * first; a file that is gone is reported.
     */
    void openKnownFile(Path file);

    void save();

    void saveAs();

    /** Adds the tracks of a MIDI file to the project. */
    void importMidi();

    void importAudio();

    void exportMidi();

    /** Renders the project to a WAV file with a progress bar. */
    void exportAudio();

    /** Files dropped on the window: projects open, MIDI files add tracks, audio files add audio tracks. */
    void dropFiles(List<Path> files);

    void setDarkTheme(boolean dark);

    void preferences();

    void welcome();

    /** Copies the diagnostics report for a bug report to the clipboard. */
    void copyDiagnostics();

    void about();

    void quit();
}
