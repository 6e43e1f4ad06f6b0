package fermata.ui.shell;

import fermata.core.engine.rt.TransportState;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;

import java.util.Locale;

/** The transport bar: buttons, loop, metronome and count-in, tempo, meter and the position. Thin over {@link TransportViewModel}. */
public final class TransportBar extends HBox {

    public TransportBar(TransportViewModel model) {
        setId("transport");
        getStyleClass().add("transport-bar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));

        Button rewind = button("|◀", "transport-rewind", "Back to the start (Home)", model::rewind);
        Button play = button("▶", "transport-play", "Play / pause (Space)", model::togglePlay);
        play.textProperty().bind(Bindings.createStringBinding(
                () -> model.stateProperty().get() == TransportState.PLAYING
                        || model.stateProperty().get() == TransportState.COUNT_IN ? "❚❚" : "▶",
                model.stateProperty()));
        Button stop = button("■", "transport-stop", "Stop and return to the start", model::stop);
        ToggleButton record = new ToggleButton("●");
        record.setId("transport-record");
        record.setTooltip(new Tooltip("Record into the armed track (Shift+R)"));
        record.getStyleClass().add("record");
        record.selectedProperty().bind(model.recordingProperty());
        record.setOnAction(e -> model.toggleRecord());
        record.setStyle("-fx-text-fill: #e5534b;");

        ToggleButton loop = new ToggleButton("Loop");
        loop.setId("transport-loop");
        loop.setTooltip(new Tooltip("Loop the region dragged on the piano roll's ruler (L)"));
        loop.selectedProperty().bindBidirectional(model.loopProperty());
        ToggleButton click = new ToggleButton("Click");
        click.setId("transport-metronome");
        click.setTooltip(new Tooltip("Metronome, accented on the downbeat (C)"));
        click.selectedProperty().bindBidirectional(model.metronomeProperty());
        ComboBox<Integer> countIn = new ComboBox<>();
        countIn.getItems().addAll(0, 1, 2);
        countIn.setValue(model.countInBarsProperty().get());
        countIn.valueProperty().addListener((o, was, bars) -> model.countInBarsProperty().set(bars == null ? 0 : bars));
        countIn.setTooltip(new Tooltip("Bars of count-in before playing and recording"));
        countIn.setId("transport-count-in");

        TextField tempo = new TextField();
        tempo.setId("transport-tempo");
        tempo.setPrefColumnCount(5);
        tempo.setTooltip(new Tooltip("Tempo at the playhead in BPM; Enter sets it (undoable)"));
        model.tempoBpmProperty().addListener((o, was, bpm) -> tempo.setText(formatBpm(bpm.doubleValue())));
        tempo.setText(formatBpm(model.tempoBpmProperty().get()));
        tempo.setOnAction(e -> {
            try {
                model.setTempo(Double.parseDouble(tempo.getText().strip().replace(',', '.')));
            } catch (NumberFormatException ex) {
                tempo.setText(formatBpm(model.tempoBpmProperty().get()));
            }
        });
        TextField meter = new TextField();
        meter.setId("transport-meter");
        meter.setPrefColumnCount(4);
        meter.setTooltip(new Tooltip("Time signature at the playhead, such as 3/4; Enter sets it (undoable)"));
        model.meterProperty().addListener((o, was, text) -> meter.setText(text));
        meter.setText(model.meterProperty().get());
        meter.setOnAction(e -> model.setMeter(meter.getText()));

        Label bars = new Label();
        bars.setId("transport-bars");
        bars.textProperty().bind(model.barsBeatsProperty());
        bars.getStyleClass().add("transport-position");
        bars.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 18px;");
        bars.setMinWidth(120);
        Label time = new Label();
        time.setId("transport-time");
        time.textProperty().bind(model.clockProperty());
        time.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 13px; -fx-opacity: 0.75;");
        VBox position = new VBox(bars, time);
        position.setAlignment(Pos.CENTER_LEFT);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(rewind, play, stop, record, separator(), loop, click, new Label("Count-in"), countIn,
                separator(), new Label("Tempo"), tempo, new Label("BPM"), new Label("Meter"), meter, grow,
                position);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String formatBpm(double bpm) {
        return Math.abs(bpm - Math.rint(bpm)) < 0.005 ? Long.toString(Math.round(bpm))
                : String.format(Locale.ROOT, "%.2f", bpm);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(36);
        return b;
    }
}
