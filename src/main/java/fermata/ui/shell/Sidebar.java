package fermata.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

/**
 * The right sidebar: one tab per panel (analysis, AI composition, mix). A panel not built yet shows
 * what it will do; {@link #setPanel} puts the real one in.
 */
public final class Sidebar extends TabPane {
    public static final String ANALYSIS = "Analysis";
    public static final String COMPOSE = "Compose";
    public static final String MIX = "Mix";

    public Sidebar() {
        setId("sidebar");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setMinWidth(240);
        setPrefWidth(320);
        getTabs().addAll(
                tab(ANALYSIS, "Loudness (EBU R128), tempo and beats, key and chords, pitch and spectrum of the "
                        + "selected track or the master, with advice you can act on."),
                tab(COMPOSE, "Draft, continue, infill and harmonize with the local AI models; "
                        + "results arrive in the piano roll as one undoable edit."),
                tab(MIX, "One-click automix of the stems to a loudness target, and denoise."));
    }

    private static Tab tab(String title, String description) {
        Label text = new Label(description);
        text.setWrapText(true);
        text.setStyle("-fx-opacity: 0.7;");
        VBox box = new VBox(8, text);
        box.setPadding(new Insets(12));
        Tab tab = new Tab(title, box);
        tab.setId("tab-" + title.toLowerCase());
        return tab;
    }

    /** Shows {@code panel} in the tab titled {@code title}. */
    public void setPanel(String title, Node panel) {
        for (Tab t : getTabs()) {
            if (t.getText().equals(title)) {
                t.setContent(panel);
                return;
            }
        }
        throw new IllegalArgumentException("no sidebar tab " + title);
    }
}
