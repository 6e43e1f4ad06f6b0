package fermata.ui.shell;

/** The File menu's actions; the application implements them with dialogs and the core's readers and writers. */
public interface StudioActions {
    void newProject();

    void open();

    void save();

    void saveAs();

    void importMidi();

    void exportMidi();

    void quit();
}
