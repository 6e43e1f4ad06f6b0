package fermata.ui.shell;

/**
 * One keyboard shortcut as the shortcuts dialog lists it.
 *
 * @param keys as printed, such as "Ctrl+Shift+Z"
 * @param action what it does
 * @param where the menu or the view it works in
 */
public record Shortcut(String keys, String action, String where) {
}
