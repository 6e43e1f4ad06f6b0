package fermata.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Help ▸ About: the version, Fermata's licence, the licence of every bundled library and the data
 * the shipped models were trained on, from {@code fermata/about/licences.json} (a test keeps that
 * file in step with the pom's dependencies).
 */
public final class AboutDialog {
    public static final String LICENCES = "/fermata/about/licences.json";

    private AboutDialog() {
    }

    /** The About text. */
    public static String text(String version) {
        JsonNode root = licences();
        StringBuilder out = new StringBuilder();
        JsonNode self = root.path("fermata");
        out.append("Fermata Studio ").append(version).append("\n")
                .append("A local music studio: compose, edit, analyse, mix and discover music on your own machine.\n\n")
                .append("Licence: ").append(self.path("licence").asText()).append(" (")
                .append(self.path("why").asText()).append(")\n").append(self.path("url").asText()).append("\n\n")
                .append("Bundled libraries (and their own dependencies, listed in the installation's lib folder):\n");
        for (JsonNode d : root.path("dependencies")) {
            out.append("  • ").append(d.path("name").asText()).append(": ").append(d.path("licence").asText())
                    .append("  ").append(d.path("url").asText()).append('\n');
        }
        out.append("\nShipped models:\n");
        for (JsonNode m : root.path("models")) {
            out.append("  • ").append(m.path("file").asText()).append(": trained with ").append(m.path("by").asText())
                    .append(" on ").append(m.path("trainedOn").asText()).append('\n');
        }
        out.append("\nSoundFonts: ").append(root.path("soundfonts").asText()).append('\n');
        return out.toString();
    }

    /** The licence list as stored. */
    public static JsonNode licences() {
        try (InputStream in = AboutDialog.class.getResourceAsStream(LICENCES)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + LICENCES);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void show(Window owner, String version) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Fermata Studio");
        TextArea text = new TextArea(text(version));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(640, 460);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }
}
