package fermata.ui.shell;

import fermata.ui.pianoroll.PianoRollPanel;
import fermata.ui.pianoroll.PianoRollViewModel;
import fermata.ui.shell.StudioViewModel.TrackRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.function.Function;

/**
 * The studio's main window content: menus, the track list on the left, the piano roll of the selected
 * MIDI track in the main area and a status bar. Thin: state lives in the view-models.
 */
public final class MainWindow {
    private final StudioViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<TrackRow> trackTable = new TableView<>();
    private final PianoRollPanel pianoRoll;

    public MainWindow(StudioViewModel model, StudioActions actions) {
        this.model = model;
        PianoRollViewModel roll = new PianoRollViewModel(model.history());
        pianoRoll = new PianoRollPanel(roll);
        root.setTop(menuBar(actions));
        SplitPane main = new SplitPane(buildTrackTable(), pianoRoll);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(trackTable, false);
        root.setCenter(main);
        root.setBottom(statusBar());
        trackTable.getSelectionModel().selectedItemProperty().addListener(
                (o, was, row) -> {
                    if (row != null && !row.id().equals(roll.trackId())) {
                        roll.showTrack(row.id());
                    }
                });
        model.projectProperty().addListener((o, was, now) -> keepTrackShown(roll));
    }

    /** The track list is rebuilt on every change; keep the piano roll's track selected in it. */
    private void keepTrackShown(PianoRollViewModel roll) {
        String shown = roll.trackId();
        if (shown == null) {
            return;
        }
        for (TrackRow row : trackTable.getItems()) {
            if (row.id().equals(shown) && trackTable.getSelectionModel().getSelectedItem() != row) {
                trackTable.getSelectionModel().select(row);
                return;
            }
        }
    }

    public Parent root() {
        return root;
    }

    public TableView<TrackRow> trackTable() {
        return trackTable;
    }

    public PianoRollPanel pianoRoll() {
        return pianoRoll;
    }

    private MenuBar menuBar(StudioActions actions) {
        MenuItem newItem = item("New", "Shortcut+N", actions::newProject);
        MenuItem open = item("Open…", "Shortcut+O", actions::open);
        MenuItem save = item("Save", "Shortcut+S", actions::save);
        MenuItem saveAs = item("Save As…", "Shortcut+Shift+S", actions::saveAs);
        MenuItem importMidi = item("Import MIDI…", "Shortcut+I", actions::importMidi);
        MenuItem exportMidi = item("Export MIDI…", "Shortcut+E", actions::exportMidi);
        MenuItem quit = item("Quit", "Shortcut+Q", actions::quit);
        Menu file = new Menu("_File", null, newItem, open, save, saveAs, importMidi, exportMidi, quit);

        MenuItem undo = item("Undo", "Shortcut+Z", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        Menu edit = new Menu("_Edit", null, undo, redo);
        return new MenuBar(file, edit);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private TableView<TrackRow> buildTrackTable() {
        trackTable.setId("track-list");
        trackTable.setItems(model.tracks());
        trackTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        trackTable.getColumns().add(column("Track", TrackRow::name));
        trackTable.getColumns().add(column("Kind", TrackRow::kind));
        trackTable.getColumns().add(column("Instrument / clips", TrackRow::source));
        trackTable.getColumns().add(column("Notes / clips", r -> Integer.toString(r.items())));
        trackTable.getColumns().add(column("Gain", r -> String.format("%+.1f dB", r.gainDb())));
        trackTable.getColumns().add(column("Pan", r -> panLabel(r.pan())));
        trackTable.getColumns().add(column("M / S", r -> (r.mute() ? "M" : "·") + " " + (r.solo() ? "S" : "·")));
        trackTable.setPlaceholder(new Label("No tracks yet: File ▸ Import MIDI… or drop a file here."));
        return trackTable;
    }

    private static String panLabel(double pan) {
        if (Math.abs(pan) < 0.005) {
            return "C";
        }
        return (pan < 0 ? "L" : "R") + Math.round(Math.abs(pan) * 100);
    }

    private static TableColumn<TrackRow, String> column(String title, Function<TrackRow, String> value) {
        TableColumn<TrackRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }
}
