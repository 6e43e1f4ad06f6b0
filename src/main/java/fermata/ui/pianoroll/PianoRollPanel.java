package fermata.ui.pianoroll;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

import java.util.ArrayList;
import java.util.List;

/** The piano roll with its tool bar: tool buttons (draw, select, erase) and the snap grid. */
public final class PianoRollPanel extends BorderPane {
    private final PianoRollView view;

    public PianoRollPanel(PianoRollViewModel model) {
        view = new PianoRollView(model);
        ToggleGroup tools = new ToggleGroup();
        ToolBar bar = new ToolBar();
        for (PianoRollTool tool : List.of(new DrawTool(), new SelectTool(), new EraseTool())) {
            ToggleButton button = new ToggleButton(tool.name());
            button.setId("tool-" + tool.name().toLowerCase());
            button.setToggleGroup(tools);
            button.setSelected(tool.getClass() == model.toolProperty().get().getClass());
            button.setOnAction(e -> {
                model.toolProperty().set(tool);
                button.setSelected(true);
            });
            bar.getItems().add(button);
        }
        ComboBox<SnapGrid> snap = new ComboBox<>(FXCollections.observableArrayList(snapChoices()));
        snap.setId("snap");
        snap.valueProperty().bindBidirectional(model.snapProperty());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        bar.getItems().addAll(new Label("Snap"), snap, status);
        setTop(bar);
        setCenter(view);
    }

    public PianoRollView view() {
        return view;
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
}
