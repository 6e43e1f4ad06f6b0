package fermata.ui.pianoroll;

import atlantafx.base.theme.Styles;
import fermata.core.model.KeySignature;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The piano roll with its tool bar (tools, snap grid, quantize with strength and swing, transpose,
 * legato, humanize, scale, zoom), the canvas view with scroll bars and the note properties panel
 * on the right. Thin: every control calls the {@link PianoRollViewModel}.
 */
public final class PianoRollPanel extends BorderPane {
    private final PianoRollViewModel model;
    private final PianoRollView view;
    private final ScrollBar timeBar = new ScrollBar();
    private final ScrollBar pitchBar = new ScrollBar();
    private final Map<String, TextField> properties = new LinkedHashMap<>();
    private final Label selectionCount = new Label();
    private boolean syncing;

    public PianoRollPanel(PianoRollViewModel model) {
        this.model = model;
        this.view = new PianoRollView(model);
        setId("piano-roll-panel");
        getStyleClass().add("piano-roll-panel");
        setTop(toolBar());
        setCenter(viewWithScrollBars());
        setRight(propertiesPanel());
        model.changesProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public PianoRollView view() {
        return view;
    }

    public PianoRollViewModel model() {
        return model;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        ToggleGroup group = new ToggleGroup();
        List<ToggleButton> toolButtons = new ArrayList<>();
        for (PianoRollTool tool : List.of(new DrawTool(), new SelectTool(), new EraseTool())) {
            ToggleButton button = new ToggleButton(tool.name());
            button.setId("tool-" + tool.name().toLowerCase());
            button.setToggleGroup(group);
            button.setUserData(tool);
            button.getStyleClass().add(Styles.SMALL);
            button.setFocusTraversable(false);
            button.setOnAction(e -> model.toolProperty().set(tool));
            toolButtons.add(button);
        }
        Runnable syncTools = () -> toolButtons.forEach(b ->
                b.setSelected(b.getUserData().getClass() == model.toolProperty().get().getClass()));
        model.toolProperty().addListener((o, a, b) -> syncTools.run());
        syncTools.run();
        bar.getItems().addAll(toolButtons);

        ComboBox<SnapGrid> snap = new ComboBox<>(FXCollections.observableArrayList(snapChoices()));
        snap.setId("snap");
        snap.valueProperty().bindBidirectional(model.snapProperty());
        snap.setTooltip(new Tooltip("Snap grid: note values, T for triplets"));
        snap.getStyleClass().add(Styles.SMALL);

        Spinner<Integer> strength = percent(model.quantizeStrengthProperty(), "quantize-strength");
        Spinner<Integer> swing = percent(model.quantizeSwingProperty(), "quantize-swing");
        Button quantize = button("Quantize", "quantize", model::quantize, "Quantize the selection (or the clip) to the snap grid");

        bar.getItems().addAll(new Separator(Orientation.VERTICAL), new Label("Snap"), snap,
                new Separator(Orientation.VERTICAL), quantize, new Label("Strength"), strength, new Label("Swing"), swing,
                new Separator(Orientation.VERTICAL), new Label("Transpose"),
                button("-12", "transpose-down-octave", () -> model.transpose(-12), "Down an octave"),
                button("-1", "transpose-down", () -> model.transpose(-1), "Down a semitone"),
                button("+1", "transpose-up", () -> model.transpose(1), "Up a semitone"),
                button("+12", "transpose-up-octave", () -> model.transpose(12), "Up an octave"),
                new Separator(Orientation.VERTICAL),
                button("Legato", "legato", model::legato, "Each note lasts until the next one starts"),
                button("Humanize", "humanize", () -> model.humanize(System.nanoTime()),
                        "Loosen timing and velocity a little"),
                new Separator(Orientation.VERTICAL),
                button("\u2212", "zoom-out", model::zoomOut, "Zoom out in time"),
                button("+", "zoom-in", model::zoomIn, "Zoom in in time"));
        return bar;
    }

    private static Button button(String text, String id, Runnable action, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add(Styles.SMALL);
        return b;
    }

    private static Spinner<Integer> percent(javafx.beans.property.DoubleProperty property, String id) {
        Spinner<Integer> spinner = new Spinner<>(0, 100, (int) Math.round(property.get() * 100), 5);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(80);
        spinner.getStyleClass().add(Styles.SMALL);
        spinner.valueProperty().addListener((o, a, b) -> property.set(b / 100.0));
        property.addListener((o, a, b) -> spinner.getValueFactory().setValue((int) Math.round(b.doubleValue() * 100)));
        return spinner;
    }

    private Node viewWithScrollBars() {
        timeBar.setId("time-scroll");
        pitchBar.setId("pitch-scroll");
        pitchBar.setOrientation(Orientation.VERTICAL);
        timeBar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                model.scrollTimeTo(b.doubleValue());
            }
        });
        pitchBar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                model.scrollPitchTo((int) Math.round(pitchBar.getMax() - b.doubleValue()));
            }
        });
        BorderPane pane = new BorderPane(view);
        pane.setBottom(timeBar);
        pane.setRight(pitchBar);
        return pane;
    }

    private Node propertiesPanel() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        int row = 0;
        for (String field : List.of("pitch", "start", "length", "velocity")) {
            TextField text = new TextField();
            text.setId("note-" + field);
            text.setPrefColumnCount(6);
            text.setOnAction(e -> model.applyProperty(field, text.getText()));
            text.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    refresh();
                }
            });
            properties.put(field, text);
            Label label = new Label(Character.toUpperCase(field.charAt(0)) + field.substring(1));
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, label, text);
        }
        ComboBox<KeySignature> scale = new ComboBox<>(FXCollections.observableArrayList(keyChoices()));
        scale.setId("scale");
        scale.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeySignature key) {
                return key == null ? "No scale" : key.label();
            }

            @Override
            public KeySignature fromString(String text) {
                return null;
            }
        });
        scale.valueProperty().bindBidirectional(model.scaleKeyProperty());
        scale.setTooltip(new Tooltip("Scale shown on the rows and the keyboard"));

        scale.setMaxWidth(Double.MAX_VALUE);
        Button detect = button("Detect key and chords", "detect-harmony", model::detectKeyAndChords,
                "Find the key and chords of the song's pitched tracks");
        CheckBox follow = new CheckBox("Follow playhead");
        follow.setId("follow-playhead");
        follow.selectedProperty().bindBidirectional(model.followPlayheadProperty());
        Label scaleTitle = new Label("Scale");
        scaleTitle.getStyleClass().add(Styles.TITLE_4);
        Label title = new Label("Note");
        title.getStyleClass().add(Styles.TITLE_4);
        selectionCount.getStyleClass().add(Styles.TEXT_MUTED);
        Label hint = new Label("Enter applies.\nStart: bar.beat.tick\nLength: ticks (960 = 1/4)");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        Label status = new Label();
        status.setId("piano-roll-status");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox box = new VBox(10, title, selectionCount, grid, hint, new Separator(), scaleTitle, scale, detect,
                new Separator(), follow, status);
        box.setId("note-properties");
        box.setPadding(new Insets(10));
        box.setPrefWidth(200);
        box.setMinWidth(200);
        VBox.setVgrow(grid, Priority.NEVER);
        return box;
    }

    /** Brings the scroll bars and the note properties in line with the view-model. */
    private void refresh() {
        syncing = true;
        try {
            timeBar.setMin(0);
            timeBar.setMax(Math.max(1, model.scrollableTicks() - model.width() * model.ticksPerPixel()));
            timeBar.setVisibleAmount(model.width() * model.ticksPerPixel());
            timeBar.setValue(model.firstTick());
            int visibleKeys = (int) Math.floor(model.height() / model.pixelsPerKey());
            pitchBar.setMin(0);
            pitchBar.setMax(Math.max(1, 128 - visibleKeys));
            pitchBar.setVisibleAmount(visibleKeys);
            pitchBar.setValue(pitchBar.getMax() - model.lowestPitch());
        } finally {
            syncing = false;
        }
        NoteSummary summary = model.selectionSummary();
        selectionCount.setText(summary.count() == 0 ? "No notes selected"
                : summary.count() == 1 ? "1 note selected" : summary.count() + " notes selected");
        show("pitch", summary.pitch() == null ? "" : PianoRollViewModel.pitchName(summary.pitch()), summary);
        show("start", summary.start() == null ? "" : model.formatPosition(summary.start()), summary);
        show("length", summary.length() == null ? "" : Long.toString(summary.length()), summary);
        show("velocity", summary.velocity() == null ? "" : Integer.toString(summary.velocity()), summary);
    }

    private void show(String field, String value, NoteSummary summary) {
        TextField text = properties.get(field);
        if (text == null || text.isFocused()) {
            return;
        }
        text.setText(value);
        text.setPromptText(summary.count() > 1 ? "mixed" : "");
        text.setDisable(summary.count() == 0);
    }

    private static List<SnapGrid> snapChoices() {
        List<SnapGrid> choices = new ArrayList<>();
        for (int division = 1; division <= 64; division *= 2) {
            choices.add(new SnapGrid(division, false));
            choices.add(new SnapGrid(division, true));
        }
        choices.add(SnapGrid.OFF);
        return choices;
    }

    /** No scale, then the twelve major and twelve minor keys in fifths order as a key signature names them. */
    private static List<KeySignature> keyChoices() {
        List<KeySignature> keys = new ArrayList<>();
        keys.add(null);
        for (boolean minor : new boolean[] {false, true}) {
            for (int sharps = -5; sharps <= 6; sharps++) {
                keys.add(new KeySignature(0, sharps, minor));
            }
        }
        return keys;
    }
}
