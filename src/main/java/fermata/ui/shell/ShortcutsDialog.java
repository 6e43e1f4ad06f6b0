package fermata.ui.shell;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Function;

/** Help ▸ Keyboard Shortcuts: every shortcut of the window in one table. */
public final class ShortcutsDialog {
    private ShortcutsDialog() {
    }

    /** A table of {@code shortcuts}, as the dialog shows it. */
    public static TableView<Shortcut> table(List<Shortcut> shortcuts) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcuts");
        table.getItems().setAll(shortcuts);
        table.getColumns().add(column("Keys", Shortcut::keys, 150));
        table.getColumns().add(column("Action", Shortcut::action, 260));
        table.getColumns().add(column("Where", Shortcut::where, 110));
        table.setPrefSize(540, 520);
        return table;
    }

    public static void show(Window owner, List<Shortcut> shortcuts) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.getDialogPane().setContent(table(shortcuts));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    private static TableColumn<Shortcut, String> column(String title, Function<Shortcut, String> value, double width) {
        TableColumn<Shortcut, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
