package fermata.ui.shell;

import fermata.core.model.GeneralMidi;
import fermata.core.model.MixerSettings;
import fermata.ui.shell.StudioViewModel.TrackRow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The track list: per track its name, mute, solo and record-arm, volume and pan, and the General
 * MIDI instrument of MIDI tracks. Each control's change is an edit on the project (a fader drag is
 * one undo step); arming is transport state, not part of the song.
 */
public final class TrackListView extends ListView<TrackRow> {
    private static final double MIN_FADER_DB = -60;
    private static final double MAX_FADER_DB = 12;

    public TrackListView(StudioViewModel studio, TransportViewModel transport) {
        super(studio.tracks());
        setId("track-list");
        setPrefWidth(330);
        setMinWidth(250);
        setPlaceholder(new Label("No tracks yet: Track ▸ Add MIDI track, or drop a MIDI or audio file here."));
        setCellFactory(list -> new TrackCell(studio, transport));
        transport.armedTrackProperty().addListener((o, was, now) -> refresh());
    }

    /** Selects the row of {@code trackId}, if listed. */
    public void select(String trackId) {
        for (TrackRow row : getItems()) {
            if (row.id().equals(trackId)) {
                getSelectionModel().select(row);
                return;
            }
        }
    }

    /** The selected track's id, or null. */
    public String selectedTrackId() {
        TrackRow row = getSelectionModel().getSelectedItem();
        return row == null ? null : row.id();
    }

    private static final class TrackCell extends ListCell<TrackRow> {
        private final StudioViewModel studio;
        private final TransportViewModel transport;
        private final Label name = new Label();
        private final Label kind = new Label();
        private final ToggleButton mute = small("M", "Mute");
        private final ToggleButton solo = small("S", "Solo");
        private final ToggleButton arm = small("R", "Arm for MIDI input and recording");
        private final ComboBox<Integer> program = new ComboBox<>();
        private final Label source = new Label();
        private final Slider volume = new Slider(MIN_FADER_DB, MAX_FADER_DB, 0);
        private final Label volumeText = new Label();
        private final Slider pan = new Slider(-1, 1, 0);
        private final VBox box;
        /** True while updateItem sets the controls, so their listeners do not echo edits back. */
        private boolean showing;

        TrackCell(StudioViewModel studio, TransportViewModel transport) {
            this.studio = studio;
            this.transport = transport;
            name.setStyle("-fx-font-weight: bold;");
            name.setMaxWidth(150);
            kind.setStyle("-fx-opacity: 0.6; -fx-font-size: 11px;");
            mute.setId("mute");
            solo.setId("solo");
            arm.setId("arm");
            arm.setStyle("-fx-text-fill: #e5534b;");
            program.getItems().setAll(IntStream.range(0, 128).boxed().toList());
            program.setCellFactory(c -> new ProgramCell());
            program.setButtonCell(new ProgramCell());
            program.setMaxWidth(Double.MAX_VALUE);
            program.setId("program");
            HBox.setHgrow(program, Priority.ALWAYS);
            HBox.setHgrow(source, Priority.ALWAYS);
            volume.setId("volume");
            volume.setPrefWidth(110);
            volume.setTooltip(new Tooltip("Volume (double-click: 0 dB)"));
            volumeText.setMinWidth(58);
            volumeText.setStyle("-fx-font-size: 11px;");
            pan.setId("pan");
            pan.setPrefWidth(56);
            pan.setTooltip(new Tooltip("Pan (double-click: centre)"));

            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(6, name, kind, grow, mute, solo, arm);
            top.setAlignment(Pos.CENTER_LEFT);
            HBox middle = new HBox(6, program, source);
            middle.setAlignment(Pos.CENTER_LEFT);
            HBox bottom = new HBox(6, volume, volumeText, new Label("Pan"), pan);
            bottom.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(4, top, middle, bottom);
            box.setPadding(new Insets(4, 2, 4, 2));

            mute.setOnAction(e -> studio.setMute(getItem().id(), mute.isSelected()));
            solo.setOnAction(e -> studio.setSolo(getItem().id(), solo.isSelected()));
            arm.setOnAction(e -> transport.armedTrackProperty().set(arm.isSelected() ? getItem().id() : null));
            program.valueProperty().addListener((o, was, p) -> {
                if (!showing && p != null && getItem() != null) {
                    studio.setProgram(getItem().id(), p);
                }
            });
            volume.setOnMousePressed(e -> studio.beginGesture("Volume"));
            volume.setOnMouseReleased(e -> studio.endGesture());
            volume.valueProperty().addListener((o, was, db) -> {
                volumeText.setText(dbText(db.doubleValue()));
                if (!showing && getItem() != null) {
                    // The fader's bottom stop is silence: the quietest gain a track can hold.
                    studio.setGainDb(getItem().id(), db.doubleValue() <= MIN_FADER_DB ? MixerSettings.MIN_GAIN_DB
                            : Math.round(db.doubleValue() * 10) / 10.0);
                }
            });
            volume.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    studio.setGainDb(getItem().id(), 0);
                }
            });
            pan.setOnMousePressed(e -> studio.beginGesture("Pan"));
            pan.setOnMouseReleased(e -> studio.endGesture());
            pan.valueProperty().addListener((o, was, p) -> {
                if (!showing && getItem() != null) {
                    studio.setPan(getItem().id(), Math.round(p.doubleValue() * 100) / 100.0);
                }
            });
            pan.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    studio.setPan(getItem().id(), 0);
                }
            });
            name.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    rename();
                }
            });
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> rename());
            MenuItem up = new MenuItem("Move up");
            up.setOnAction(e -> studio.moveTrack(getItem().id(), -1));
            MenuItem down = new MenuItem("Move down");
            down.setOnAction(e -> studio.moveTrack(getItem().id(), 1));
            MenuItem remove = new MenuItem("Delete track");
            remove.setOnAction(e -> studio.removeTrack(getItem().id()));
            setContextMenu(new ContextMenu(rename, up, down, remove));
        }

        private void rename() {
            TextInputDialog ask = new TextInputDialog(getItem().name());
            ask.setHeaderText("Rename track");
            ask.initOwner(getScene().getWindow());
            String id = getItem().id();
            ask.showAndWait().ifPresent(n -> studio.rename(id, n));
        }

        @Override
        protected void updateItem(TrackRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            showing = true;
            try {
                name.setText(row.name());
                kind.setText(row.kind() + (row.isMidi() ? " · " + row.items() + " notes" : ""));
                mute.setSelected(row.mute());
                solo.setSelected(row.solo());
                arm.setVisible(row.isMidi());
                arm.setManaged(row.isMidi());
                arm.setSelected(row.id().equals(transport.armedTrackProperty().get()));
                boolean hasProgram = row.program() >= 0;
                program.setVisible(hasProgram);
                program.setManaged(hasProgram);
                if (hasProgram) {
                    program.setValue(row.program());
                }
                source.setVisible(!hasProgram);
                source.setManaged(!hasProgram);
                source.setText(row.source());
                if (!volume.isValueChanging() && !volume.isPressed()) {
                    volume.setValue(Math.max(MIN_FADER_DB, row.gainDb()));
                }
                volumeText.setText(dbText(row.gainDb()));
                if (!pan.isPressed()) {
                    pan.setValue(row.pan());
                }
            } finally {
                showing = false;
            }
            setGraphic(box);
        }

        private static ToggleButton small(String text, String tip) {
            ToggleButton b = new ToggleButton(text);
            b.setTooltip(new Tooltip(tip));
            b.setMinWidth(26);
            b.setStyle("-fx-padding: 1 6 1 6;");
            return b;
        }
    }

    private static String dbText(double db) {
        return db <= MixerSettings.MIN_GAIN_DB + 1e-9 ? "−∞ dB" : String.format(Locale.ROOT, "%+.1f dB", db);
    }

    private static final class ProgramCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : (p + 1) + " " + GeneralMidi.name(p));
        }
    }
}
