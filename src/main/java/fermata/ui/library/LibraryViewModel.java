package fermata.ui.library;

import fermata.core.library.Recommendation;
import fermata.core.library.RecommendationMode;
import fermata.core.library.Track;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * State of the library panel, testable without the toolkit: the tracks with a search box and
 * artist, album and genre filters; recommendation shelves; and the listening-history figures the
 * plots draw (plays per week, top artists, a weekday-by-hour heatmap). Filled by {@link #show},
 * on the FX thread, with data a worker read from the library.
 */
public final class LibraryViewModel {
    /** Shown in a filter box for "no filter". */
    public static final String ALL = "All";

    /** One shelf of recommendations: its title and its tracks with their explanations. */
    public record Shelf(String title, List<Recommendation> items) {
    }

    /** A listen for the plots: when, and by whom. */
    public record Listen(long time, String artist) {
    }

    private final ObservableList<Track> tracks = FXCollections.observableArrayList();
    private final FilteredList<Track> visible = new FilteredList<>(tracks, t -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> artist = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> album = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> genre = new SimpleObjectProperty<>(ALL);
    private final ObservableList<String> artists = FXCollections.observableArrayList();
    private final ObservableList<String> albums = FXCollections.observableArrayList();
    private final ObservableList<String> genres = FXCollections.observableArrayList();
    private final ObservableList<Shelf> shelves = FXCollections.observableArrayList();
    private final ZoneId zone;
    private List<Listen> listens = List.of();

    public LibraryViewModel(ZoneId zone) {
        this.zone = zone;
        search.addListener((o, a, b) -> refilter());
        artist.addListener((o, a, b) -> refilter());
        album.addListener((o, a, b) -> refilter());
        genre.addListener((o, a, b) -> refilter());
    }

    /** Replaces everything shown. */
    public void show(List<Track> library, Map<RecommendationMode, List<Recommendation>> recommendations, List<Listen> history) {
        tracks.setAll(library);
        artists.setAll(choices(library.stream().map(Track::displayArtist).toList()));
        albums.setAll(choices(library.stream().map(Track::album).toList()));
        genres.setAll(choices(library.stream().map(Track::genre).toList()));
        List<Shelf> out = new ArrayList<>();
        recommendations.forEach((mode, list) -> {
            if (!list.isEmpty()) {
                out.add(new Shelf(title(mode), List.copyOf(list)));
            }
        });
        shelves.setAll(out);
        listens = List.copyOf(history);
        refilter();
    }

    private static List<String> choices(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(ALL);
        out.addAll(values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))));
        return out;
    }

    static String title(RecommendationMode mode) {
        return switch (mode) {
            case FOR_YOU -> "For you";
            case LIKE -> "More like this";
            case REDISCOVER -> "Rediscover";
            case CONTINUE -> "Up next";
        };
    }

    private void refilter() {
        String words = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(t -> matches(t, words) && chosen(artist.get(), t.displayArtist()) && chosen(album.get(), t.album())
                && chosen(genre.get(), t.genre()));
    }

    private static boolean chosen(String filter, String value) {
        return filter == null || ALL.equals(filter) || (value != null && value.equalsIgnoreCase(filter));
    }

    /** Every word of the search must appear in the title, artist, album or genre. */
    private static boolean matches(Track t, String words) {
        if (words.isEmpty()) {
            return true;
        }
        String text = (t.displayTitle() + " " + t.displayArtist() + " " + Objects.toString(t.album(), "") + " "
                + Objects.toString(t.genre(), "")).toLowerCase(Locale.ROOT);
        for (String word : words.split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public ObservableList<Track> visibleTracks() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> artistFilterProperty() {
        return artist;
    }

    public ObjectProperty<String> albumFilterProperty() {
        return album;
    }

    public ObjectProperty<String> genreFilterProperty() {
        return genre;
    }

    public ObservableList<String> artists() {
        return artists;
    }

    public ObservableList<String> albums() {
        return albums;
    }

    public ObservableList<String> genres() {
        return genres;
    }

    public ObservableList<Shelf> shelves() {
        return shelves;
    }

    /** Plays in each of the last {@code weeks} weeks (Monday to Sunday), oldest first, the week of {@code now} last. */
    public int[] playsPerWeek(int weeks, long now) {
        ZonedDateTime thisMonday = Instant.ofEpochMilli(now).atZone(zone).truncatedTo(ChronoUnit.DAYS)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int[] counts = new int[weeks];
        for (Listen l : listens) {
            ZonedDateTime at = Instant.ofEpochMilli(l.time()).atZone(zone);
            long back = ChronoUnit.WEEKS.between(at.truncatedTo(ChronoUnit.DAYS)
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), thisMonday);
            if (back >= 0 && back < weeks) {
                counts[weeks - 1 - (int) back]++;
            }
        }
        return counts;
    }

    /** The {@code n} most played artists with their plays, most first (ties by name). */
    public Map<String, Integer> topArtists(int n) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Listen l : listens) {
            counts.merge(l.artist(), 1, Integer::sum);
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** Plays by weekday (0 = Monday) and hour of day. */
    public int[][] heatmap() {
        int[][] grid = new int[7][24];
        for (Listen l : listens) {
            ZonedDateTime at = Instant.ofEpochMilli(l.time()).atZone(zone);
            grid[at.getDayOfWeek().getValue() - 1][at.getHour()]++;
        }
        return grid;
    }
}
