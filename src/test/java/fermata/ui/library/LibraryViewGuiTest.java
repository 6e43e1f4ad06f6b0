package fermata.ui.library;

import fermata.core.library.Recommendation;
import fermata.core.library.RecommendationMode;
import fermata.core.library.Track;
import fermata.testsupport.Screenshots;
import fermata.ui.shell.StudioApp;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library panel in a real window, headless: typing in the search box filters the table; writes docs/screenshots/library.png. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LibraryViewGuiTest {
    private final List<Track> played = new ArrayList<>();
    private Scene scene;
    private LibraryViewModel model;

    @Start
    void start(Stage stage) {
        List<Track> tracks = new ArrayList<>(LibraryViewModelTest.TRACKS);
        String[][] more = {{"Windowlicker", "Aphex Twin", "Windowlicker", "Electronic"}, {"Roygbiv", "Boards of Canada",
                "Music Has the Right to Children", "Electronic"}, {"Hyperballad", "Bjork", "Post", "Pop"},
            {"Jolene", "Dolly Parton", "Jolene", "Country"}, {"Clair de lune", "Claude Debussy", "Suite bergamasque", "Classical"}};
        for (int i = 0; i < more.length; i++) {
            tracks.add(LibraryViewModelTest.track(6 + i, more[i][0], more[i][1], more[i][2], more[i][3]));
        }
        Map<RecommendationMode, List<Recommendation>> shelves = new LinkedHashMap<>();
        shelves.put(RecommendationMode.FOR_YOU, List.of(
                new Recommendation(tracks.get(2), 1, "often in the same sessions as \u201cSo What\u201d by Miles Davis, which you have been playing"),
                new Recommendation(tracks.get(6), 0.8, "never played; same key (A minor) and tempo (about 92 BPM) as \u201cTeardrop\u201d")));
        shelves.put(RecommendationMode.REDISCOVER, List.of(
                new Recommendation(tracks.get(8), 1, "played 14 times, mostly in the evening; last played 5 months ago")));
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 24, 18, 0, 0, 0, ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(4);
        List<LibraryViewModel.Listen> history = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int hour = random.nextInt(10) < 7 ? 19 + random.nextInt(4) : 7 + random.nextInt(3);
            ZonedDateTime at = now.minusDays(random.nextInt(80)).withHour(hour);
            history.add(new LibraryViewModel.Listen(at.toInstant().toEpochMilli(), tracks.get(random.nextInt(tracks.size()) % 7).displayArtist()));
        }
        model = new LibraryViewModel(ZoneOffset.UTC);
        model.show(tracks, shelves, history);
        LibraryView view = new LibraryView(model, played::add);
        view.refreshPlots(now.toInstant().toEpochMilli());
        scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 1280, 760);
        StudioApp.applyTheme();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void searchFiltersTheTableAndTheShelvesPlay(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#library-tracks").queryAs(TableView.class);
        assertEquals(10, table.getItems().size());
        robot.clickOn("#library-search").write("miles");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, table.getItems().size());
        robot.interact(() -> model.searchProperty().set(""));
        robot.clickOn("\u25B6");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, played.size(), "the first shelf entry's play button");
        assertEquals("Naima", played.get(0).displayTitle());

        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "library"));
        assertTrue(Files.size(png[0].toAbsolutePath()) > 10_000, "screenshot written");
    }
}
