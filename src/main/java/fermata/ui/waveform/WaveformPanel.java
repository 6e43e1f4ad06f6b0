package fermata.ui.waveform;

import fermata.core.model.FadeCurve;
import fermata.core.waveform.AudioExporter;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * The waveform editor as one node for the studio's editor area: a tool bar with the edits (cut,
 * copy, paste, delete, trim, split, silence, insert silence, fades with a curve choice, crossfade,
 * gain, normalize, reverse, markers, export), view settings (zoom, scale, ruler, zero-crossing
 * snap, spectrogram and its window) and progress; under it the {@link WaveformView} and the
 * {@link SpectrogramView} of the same region. Audio files dropped on it are imported onto the
 * shown track (or a new one).
 */
public final class WaveformPanel extends BorderPane {
    private final WaveformViewModel model;
    private final WaveformView view;
    private final SpectrogramView spectrogram;

    public WaveformPanel(WaveformViewModel model) {
        this.model = model;
        view = new WaveformView(model);
        spectrogram = new SpectrogramView(model);
        setId("waveform-panel");

        ToolBar edits = new ToolBar(
                button("Cut", "cut", "Cut the selection (Ctrl+X)", model::cut),
                button("Copy", "copy", "Copy the selection (Ctrl+C)", model::copy),
                button("Paste", "paste", "Insert the copied audio at the cursor (Ctrl+V)", model::paste),
                button("Delete", "delete", "Delete the selection and close the gap (Del)", model::delete),
                button("Trim", "trim", "Keep only the selection", model::trimToSelection),
                button("Split", "split", "Split clips at the cursor (S)", model::split),
                button("Silence", "silence", "Make the selection silent", model::silence),
                button("Insert silence", "insert-silence", "Insert silence at the cursor", this::askInsertSilence),
                new Separator(Orientation.VERTICAL),
                button("Fade in", "fade-in", "Fade the selection in", model::fadeIn),
                button("Fade out", "fade-out", "Fade the selection out", model::fadeOut),
                button("Crossfade", "crossfade", "Crossfade the clips that meet inside the selection", model::crossfade),
                curveChoice(),
                new Separator(Orientation.VERTICAL),
                gainMenu(),
                normalizeMenu(),
                button("Reverse", "reverse", "Play the selection backwards", model::reverse),
                button("Marker", "marker", "Add a marker at the cursor, or a named region over the selection",
                        this::askMarker),
                exportMenu(),
                new Separator(Orientation.VERTICAL),
                recordButton());

        ProgressBar progress = new ProgressBar();
        progress.setId("waveform-progress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.progressProperty().greaterThanOrEqualTo(0));
        Label status = new Label();
        status.setId("waveform-status");
        status.textProperty().bind(model.statusProperty());

        ToggleButton db = new ToggleButton("dB");
        db.setId("scale-db");
        db.setTooltip(new Tooltip("Show the level in dB instead of linearly"));
        db.selectedProperty().addListener((o, a, on) -> model.scaleProperty().set(on
                ? WaveformViewModel.Scale.DB : WaveformViewModel.Scale.LINEAR));
        ToggleButton bars = new ToggleButton("Bars");
        bars.setId("ruler-bars");
        bars.setTooltip(new Tooltip("Ruler in bars:beats instead of minutes:seconds"));
        bars.selectedProperty().addListener((o, a, on) -> model.rulerModeProperty().set(on
                ? WaveformViewModel.RulerMode.BARS_BEATS : WaveformViewModel.RulerMode.MIN_SEC));
        ToggleButton zero = new ToggleButton("Snap 0");
        zero.setId("snap-zero");
        zero.setTooltip(new Tooltip("Snap selection edges to zero crossings"));
        zero.selectedProperty().bindBidirectional(model.snapToZeroCrossingsProperty());
        ToggleButton showSpectrogram = new ToggleButton("Spectrogram");
        showSpectrogram.setId("show-spectrogram");
        showSpectrogram.setSelected(true);
        ComboBox<Integer> window = new ComboBox<>(FXCollections.observableArrayList(256, 512, 1024, 2048, 4096));
        window.setId("spectrogram-window");
        window.setTooltip(new Tooltip("Spectrogram window (FFT size): longer resolves pitch, shorter time"));
        window.valueProperty().bindBidirectional(model.spectrogramWindowProperty());
        ToolBar viewBar = new ToolBar(
                button("Fit", "zoom-fit", "Show the whole track", model::zoomToFit),
                button("+", "zoom-in", "Zoom in (+)", () -> model.zoom(2, model.width() / 2)),
                button("\u2212", "zoom-out", "Zoom out (-)", () -> model.zoom(0.5, model.width() / 2)),
                button("\u2195+", "vzoom-in", "Vertical zoom in (Alt+wheel)", () -> model.setVerticalZoom(model.verticalZoom() * 2)),
                button("\u2195\u2212", "vzoom-out", "Vertical zoom out", () -> model.setVerticalZoom(model.verticalZoom() / 2)),
                db, bars, zero, new Separator(Orientation.VERTICAL), showSpectrogram, window,
                new Separator(Orientation.VERTICAL), progress, status);
        BorderPane bars2 = new BorderPane();
        bars2.setTop(edits);
        bars2.setBottom(viewBar);
        setTop(bars2);

        SplitPane split = new SplitPane(view, spectrogram);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        showSpectrogram.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                split.getItems().add(spectrogram);
                split.setDividerPositions(0.62);
            } else {
                split.getItems().remove(spectrogram);
            }
        });
        setCenter(split);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                importFiles(e.getDragboard().getFiles());
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    public WaveformView view() {
        return view;
    }

    public SpectrogramView spectrogramView() {
        return spectrogram;
    }

    public WaveformViewModel model() {
        return model;
    }

    private ToggleButton recordButton() {
        ToggleButton record = new ToggleButton("\u25CF Rec");
        record.setId("wave-record");
        record.setTooltip(new Tooltip("Record from the default input into this track at the cursor"));
        record.setOnAction(e -> {
            if (record.isSelected()) {
                model.startRecordingFromDefaultInput();
            } else {
                model.stopRecording();
            }
            record.setSelected(model.isRecording());
        });
        model.changesProperty().addListener((o, a, b) -> record.setSelected(model.isRecording()));
        return record;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId("wave-" + id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private ComboBox<FadeCurve> curveChoice() {
        ComboBox<FadeCurve> curve = new ComboBox<>(FXCollections.observableArrayList(FadeCurve.values()));
        curve.setId("fade-curve");
        curve.setTooltip(new Tooltip("Shape of fades and crossfades"));
        curve.valueProperty().bindBidirectional(model.fadeCurveProperty());
        curve.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FadeCurve c) {
                return c == null ? "" : c.key();
            }

            @Override
            public FadeCurve fromString(String key) {
                return FadeCurve.ofKey(key);
            }
        });
        return curve;
    }

    private MenuButton gainMenu() {
        MenuButton gain = new MenuButton("Gain");
        gain.setId("wave-gain");
        for (double db : new double[] {6, 3, 1, -1, -3, -6}) {
            MenuItem item = new MenuItem(String.format(Locale.ROOT, "%+.0f dB", db));
            item.setOnAction(e -> model.changeGain(db));
            gain.getItems().add(item);
        }
        MenuItem other = new MenuItem("Other...");
        other.setOnAction(e -> ask("Gain", "Change in dB", "0").ifPresent(v -> model.changeGain(v)));
        gain.getItems().add(other);
        return gain;
    }

    private MenuButton normalizeMenu() {
        MenuButton normalize = new MenuButton("Normalize");
        normalize.setId("wave-normalize");
        MenuItem peak = new MenuItem("Peak to -1 dBFS");
        peak.setOnAction(e -> model.normalizePeak(-1));
        MenuItem peak0 = new MenuItem("Peak to 0 dBFS");
        peak0.setOnAction(e -> model.normalizePeak(0));
        MenuItem stream = new MenuItem("Loudness to -14 LUFS");
        stream.setOnAction(e -> model.normalizeLoudness(-14));
        MenuItem broadcast = new MenuItem("Loudness to -23 LUFS (EBU R128)");
        broadcast.setOnAction(e -> model.normalizeLoudness(-23));
        MenuItem other = new MenuItem("Loudness to...");
        other.setOnAction(e -> ask("Normalize", "Target loudness in LUFS", "-16").ifPresent(model::normalizeLoudness));
        normalize.getItems().addAll(peak, peak0, stream, broadcast, other);
        return normalize;
    }

    private MenuButton exportMenu() {
        MenuButton export = new MenuButton("Export");
        export.setId("wave-export");
        for (int bits : new int[] {16, 24, 32}) {
            for (int rate : new int[] {0, 44_100, 48_000, 96_000}) {
                String label = (bits == 32 ? "WAV 32-bit float" : "WAV " + bits + "-bit")
                        + (rate == 0 ? ", project rate" : String.format(Locale.ROOT, ", %.1f kHz", rate / 1000.0));
                MenuItem item = new MenuItem(label);
                item.setOnAction(e -> exportTo(bits, rate));
                export.getItems().add(item);
            }
        }
        return export;
    }

    private void exportTo(int bits, int rate) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the selection (or the whole track) to WAV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV", "*.wav"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            int sampleRate = rate == 0 ? model.sampleRate() : rate;
            model.export(file.toPath(), new AudioExporter.Format(bits, sampleRate,
                    bits == 32 ? null : fermata.core.media.WavWriter.Dither.TPDF, true));
        }
    }

    private void askInsertSilence() {
        ask("Insert silence", "Seconds of silence", "1.0").ifPresent(model::insertSilence);
    }

    private void askMarker() {
        TextInputDialog dialog = new TextInputDialog(model.hasSelection() ? "Region" : "Marker");
        dialog.setHeaderText(model.hasSelection() ? "Name of the region" : "Name of the marker");
        dialog.showAndWait().ifPresent(model::addMarker);
    }

    private static java.util.Optional<Double> ask(String title, String question, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        return dialog.showAndWait().flatMap(text -> {
            try {
                return java.util.Optional.of(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** Imports dropped or chosen audio files onto the shown track (or a new one). */
    public void importFiles(List<File> files) {
        model.importFiles(files.stream().map(File::toPath).toList());
    }
}
