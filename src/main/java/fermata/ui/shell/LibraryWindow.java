package fermata.ui.shell;

import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.library.LibraryOverview;
import fermata.core.library.LibraryPlayer;
import fermata.core.library.PlayLog;
import fermata.core.library.Track;
import fermata.core.project.UserData;
import fermata.core.task.TaskExecutor;
import fermata.ui.library.LibraryView;
import fermata.ui.library.LibraryViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.ZoneId;
import java.util.List;

/**
 * View ▸ Library: the music library browser with its recommendation shelves and history plots in
 * a window of its own, and a small player. Playing a track goes through the library's player
 * logic, so each play is logged with the skip rule; the sound comes from JavaFX's media player,
 * which reads the common formats (MP3, AAC, WAV, AIFF) on its own thread.
 */
public final class LibraryWindow {
    private static final int SHELF_SIZE = 12;
    private final Stage stage = new Stage();
    private final LibraryViewModel model = new LibraryViewModel(ZoneId.systemDefault());
    private final Label nowPlaying = new Label("Nothing playing");
    private LibraryDatabase db;
    private LibraryPlayer player;
    private MediaPlayer media;

    private LibraryWindow(Window owner) {
        stage.initOwner(owner);
        stage.setTitle("Library — Fermata Studio");
        LibraryView view = new LibraryView(model, this::play);
        Button stop = new Button("■ Stop");
        stop.setOnAction(e -> stopPlaying(true));
        nowPlaying.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(nowPlaying, Priority.ALWAYS);
        HBox bar = new HBox(8, stop, nowPlaying);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        BorderPane root = new BorderPane(view.root());
        root.setBottom(bar);
        stage.setScene(new Scene(root, 1180, 760));
        stage.setOnHidden(e -> close());
    }

    /** Opens the window and loads the library on {@code tasks}; problems go to {@code report}. */
    public static void open(Window owner, TaskExecutor tasks, java.util.function.Consumer<String> report) {
        LibraryWindow window = new LibraryWindow(owner);
        window.stage.show();
        window.load(tasks, report);
    }

    private void load(TaskExecutor tasks, java.util.function.Consumer<String> report) {
        try {
            db = LibraryDatabase.open(UserData.current());
        } catch (LibraryException e) {
            report.accept("Cannot open the library: " + e.getMessage());
            return;
        }
        player = new LibraryPlayer(new PlayLog(db), System::currentTimeMillis, System.nanoTime());
        LibraryDatabase opened = db;
        FxTaskExecutor.onFx(tasks.submit("Load library", p -> LibraryOverview.load(opened, ZoneId.systemDefault(),
                SHELF_SIZE, System.currentTimeMillis(), p)).result()).whenComplete((overview, failure) -> {
                    if (failure != null) {
                        report.accept("Cannot load the library: " + failure.getMessage());
                        return;
                    }
                    List<LibraryViewModel.Listen> listens = overview.listens().stream()
                            .map(l -> new LibraryViewModel.Listen(l.time(), l.artist())).toList();
                    model.show(overview.tracks(), overview.shelves(), listens);
                    if (overview.tracks().isEmpty()) {
                        nowPlaying.setText("The library is empty: add folders in Edit ▸ Preferences or with "
                                + "`fermata library add DIR`, then `fermata library scan`");
                    }
                });
    }

    private void play(Track track) {
        stopPlaying(true);
        try {
            media = new MediaPlayer(new Media(track.path().toUri().toString()));
        } catch (MediaException e) {
            nowPlaying.setText("Cannot play " + track.path().getFileName() + ": " + e.getMessage());
            return;
        }
        media.setOnEndOfMedia(() -> {
            try {
                player.trackEnded();
            } catch (LibraryException e) {
                nowPlaying.setText("Play not logged: " + e.getMessage());
            }
            stopPlaying(false);
        });
        media.setOnError(() -> nowPlaying.setText("Cannot play " + track.path().getFileName() + ": "
                + media.getError().getMessage()));
        try {
            player.playAll(List.of(track));
        } catch (LibraryException e) {
            nowPlaying.setText("Play not logged: " + e.getMessage());
        }
        media.play();
        nowPlaying.setText("▶ " + track.displayArtist() + " — " + track.title());
    }

    /** Stops the sound; {@code byUser} logs the play as ended by the user (a skip when short). */
    private void stopPlaying(boolean byUser) {
        if (media != null) {
            media.dispose();
            media = null;
            if (byUser && player != null && player.isPlaying()) {
                try {
                    player.stop();
                } catch (LibraryException e) {
                    nowPlaying.setText("Play not logged: " + e.getMessage());
                }
            }
        }
        nowPlaying.setText("Nothing playing");
    }

    private void close() {
        stopPlaying(true);
        if (db != null) {
            try {
                db.close();
            } catch (LibraryException e) {
                nowPlaying.setText(e.getMessage());
            }
        }
    }
}
