package fermata.ui.library;

import fermata.core.library.Recommendation;
import fermata.core.library.RecommendationMode;
import fermata.core.library.Track;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library panel's state without the toolkit. */
class LibraryViewModelTest {
    static final List<Track> TRACKS = List.of(
            track(1, "Blue in Green", "Miles Davis", "Kind of Blue", "Jazz"),
            track(2, "So What", "Miles Davis", "Kind of Blue", "Jazz"),
            track(3, "Naima", "John Coltrane", "Giant Steps", "Jazz"),
            track(4, "Teardrop", "Massive Attack", "Mezzanine", "Trip-Hop"),
            track(5, "Angel", "Massive Attack", "Mezzanine", "Trip-hop"));

    static Track track(long id, String title, String artist, String album, String genre) {
        return new Track(id, Path.of("/music/" + id + ".flac"), title, artist, album, null, genre, 1999, (int) id, 300_000, null, null);
    }

    @Test
    void searchAndFiltersCombine() {
        LibraryViewModel vm = new LibraryViewModel(ZoneOffset.UTC);
        vm.show(TRACKS, Map.of(), List.of());
        assertEquals(5, vm.visibleTracks().size());
        assertEquals(List.of("All", "John Coltrane", "Massive Attack", "Miles Davis"), vm.artists());
        assertEquals(List.of("All", "Jazz", "Trip-Hop"), vm.genres(), "genres differing only in case are one choice");
        vm.searchProperty().set("KIND blue");
        assertEquals(2, vm.visibleTracks().size());
        vm.searchProperty().set("");
        vm.genreFilterProperty().set("trip-hop");
        assertEquals(2, vm.visibleTracks().size());
        vm.searchProperty().set("angel");
        assertEquals(List.of(TRACKS.get(4)), List.copyOf(vm.visibleTracks()));
        vm.genreFilterProperty().set(LibraryViewModel.ALL);
        vm.searchProperty().set("");
        vm.artistFilterProperty().set("Miles Davis");
        vm.albumFilterProperty().set("Giant Steps");
        assertEquals(0, vm.visibleTracks().size());
    }

    @Test
    void shelvesFollowTheModesAndSkipEmptyOnes() {
        LibraryViewModel vm = new LibraryViewModel(ZoneOffset.UTC);
        Map<RecommendationMode, List<Recommendation>> recs = new LinkedHashMap<>();
        recs.put(RecommendationMode.FOR_YOU, List.of(new Recommendation(TRACKS.get(2), 1, "often in the same sessions as ...")));
        recs.put(RecommendationMode.REDISCOVER, List.of());
        vm.show(TRACKS, recs, List.of());
        assertEquals(1, vm.shelves().size());
        assertEquals("For you", vm.shelves().get(0).title());
    }

    @Test
    void historyFiguresCountByWeekArtistAndHour() {
        LibraryViewModel vm = new LibraryViewModel(ZoneOffset.UTC);
        ZonedDateTime wednesday = ZonedDateTime.of(2026, 11, 18, 21, 30, 0, 0, ZoneOffset.UTC); // a Wednesday, 21h
        List<LibraryViewModel.Listen> history = new ArrayList<>();
        history.add(new LibraryViewModel.Listen(wednesday.toInstant().toEpochMilli(), "Miles Davis"));
        history.add(new LibraryViewModel.Listen(wednesday.plusMinutes(5).toInstant().toEpochMilli(), "Miles Davis"));
        history.add(new LibraryViewModel.Listen(wednesday.plusDays(4).toInstant().toEpochMilli(), "Massive Attack")); // Sunday
        history.add(new LibraryViewModel.Listen(wednesday.plusDays(6).toInstant().toEpochMilli(), "Massive Attack")); // next Tuesday
        history.add(new LibraryViewModel.Listen(wednesday.plusDays(6).toInstant().toEpochMilli() + 1, "John Coltrane"));
        vm.show(TRACKS, Map.of(), history);
        long now = wednesday.plusDays(7).toInstant().toEpochMilli(); // the next Wednesday
        assertArrayEquals(new int[] {0, 3, 2}, vm.playsPerWeek(3, now));
        assertEquals(List.of("Massive Attack", "Miles Davis", "John Coltrane"), List.copyOf(vm.topArtists(5).keySet()));
        assertEquals(2, vm.topArtists(1).get("Massive Attack"));
        int[][] grid = vm.heatmap();
        assertEquals(2, grid[2][21], "Wednesday 21h");
        assertEquals(1, grid[6][21], "Sunday 21h");
        assertEquals(2, grid[1][21], "Tuesday 21h");
    }
}
