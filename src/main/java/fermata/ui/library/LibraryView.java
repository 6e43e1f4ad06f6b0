package fermata.ui.library;

import fermata.core.library.Recommendation;
import fermata.core.library.Track;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The library panel: a sortable, searchable track table with artist, album and genre filters;
 * recommendation shelves whose entries say why and have a play button; and the listening-history
 * plots (plays per week, top artists, weekday-by-hour heatmap). A thin view over
 * {@link LibraryViewModel}; {@link #root()} is the node the main window places.
 */
public final class LibraryView {
    private final LibraryViewModel model;
    private final Consumer<Track> play;
    private final BorderPane root = new BorderPane();
    private final BarChart<String, Number> weeks = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> artists = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Canvas heatmap = new Canvas(24 * 12 + 40, 7 * 12 + 20);
    private final VBox shelves = new VBox(8);

    public LibraryView(LibraryViewModel model, Consumer<Track> play) {
        this.model = model;
        this.play = play;
        root.setId("library");
        root.setTop(filters());
        SplitPane centre = new SplitPane(table(), shelvesPane());
        centre.setDividerPositions(0.62);
        root.setCenter(centre);
        root.setBottom(plots());
        model.shelves().addListener((javafx.collections.ListChangeListener<LibraryViewModel.Shelf>) c -> drawShelves());
        drawShelves();
    }

    public Node root() {
        return root;
    }

    private Node filters() {
        TextField search = new TextField();
        search.setId("library-search");
        search.setPromptText("Search title, artist, album, genre");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox bar = new HBox(8, search, filter("library-artist", "Artist", model.artists(), model.artistFilterProperty()),
                filter("library-album", "Album", model.albums(), model.albumFilterProperty()),
                filter("library-genre", "Genre", model.genres(), model.genreFilterProperty()));
        bar.setPadding(new Insets(8));
        return bar;
    }

    private static Node filter(String id, String label, javafx.collections.ObservableList<String> choices,
                               javafx.beans.property.ObjectProperty<String> value) {
        ComboBox<String> box = new ComboBox<>(choices);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setPrefWidth(150);
        return new HBox(4, new Label(label), box);
    }

    private Node table() {
        TableView<Track> table = new TableView<>();
        table.setId("library-tracks");
        table.getColumns().add(column("Title", 220, t -> t.displayTitle()));
        table.getColumns().add(column("Artist", 150, Track::displayArtist));
        table.getColumns().add(column("Album", 150, t -> t.album() == null ? "" : t.album()));
        table.getColumns().add(column("Genre", 90, t -> t.genre() == null ? "" : t.genre()));
        table.getColumns().add(column("Year", 50, t -> t.year() == null ? "" : t.year().toString()));
        table.getColumns().add(column("Time", 60, t -> String.format(Locale.ROOT, "%d:%02d", t.durationMs() / 60_000,
                t.durationMs() / 1000 % 60)));
        SortedList<Track> sorted = new SortedList<>(model.visibleTracks());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(v -> {
            javafx.scene.control.TableRow<Track> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    play.accept(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    private static TableColumn<Track, String> column(String title, double width, java.util.function.Function<Track, String> value) {
        TableColumn<Track, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private Node shelvesPane() {
        ScrollPane scroll = new ScrollPane(shelves);
        scroll.setFitToWidth(true);
        shelves.setPadding(new Insets(8));
        return scroll;
    }

    private void drawShelves() {
        shelves.getChildren().clear();
        for (LibraryViewModel.Shelf shelf : model.shelves()) {
            Label title = new Label(shelf.title());
            title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
            ListView<Recommendation> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(shelf.items()));
            list.setId("shelf-" + shelf.title().toLowerCase(Locale.ROOT).replace(' ', '-'));
            list.setPrefHeight(Math.min(5, shelf.items().size()) * 64 + 4);
            list.setCellFactory(v -> new ListCell<>() {
                @Override
                protected void updateItem(Recommendation r, boolean empty) {
                    super.updateItem(r, empty);
                    if (empty || r == null) {
                        setGraphic(null);
                        return;
                    }
                    Button go = new Button("\u25B6");
                    go.setOnAction(e -> play.accept(r.track()));
                    Label what = new Label(r.track().displayArtist() + " \u2013 " + r.track().displayTitle());
                    Label why = new Label(r.explanation());
                    why.setStyle("-fx-font-size: 11px; -fx-opacity: 0.75;");
                    why.setWrapText(true);
                    // A label wraps only when its width is bounded: the cell's, less the play button.
                    why.prefWidthProperty().bind(list.widthProperty().subtract(72));
                    why.setMinHeight(Region.USE_PREF_SIZE);
                    setGraphic(new HBox(6, go, new VBox(1, what, why)));
                }
            });
            shelves.getChildren().addAll(title, list);
        }
    }

    /** Redraws the plots from the model's history; call after {@link LibraryViewModel#show}. */
    public void refreshPlots(long now) {
        XYChart.Series<String, Number> perWeek = new XYChart.Series<>();
        int[] counts = model.playsPerWeek(12, now);
        for (int w = 0; w < counts.length; w++) {
            perWeek.getData().add(new XYChart.Data<>(w == counts.length - 1 ? "this week" : (counts.length - 1 - w) + "w ago", counts[w]));
        }
        weeks.getData().setAll(java.util.List.of(perWeek));
        XYChart.Series<String, Number> top = new XYChart.Series<>();
        model.topArtists(8).forEach((name, plays) -> top.getData().add(new XYChart.Data<>(name, plays)));
        artists.getData().setAll(java.util.List.of(top));
        drawHeatmap(model.heatmap());
    }

    private Node plots() {
        weeks.setTitle("Plays per week");
        artists.setTitle("Top artists");
        for (BarChart<String, Number> chart : java.util.List.of(weeks, artists)) {
            chart.setLegendVisible(false);
            chart.setAnimated(false);
            chart.setPrefSize(380, 200);
        }
        VBox heat = new VBox(4, new Label("When you listen (weekday by hour)"), heatmap);
        HBox row = new HBox(12, weeks, artists, heat);
        row.setPadding(new Insets(8));
        return row;
    }

    private void drawHeatmap(int[][] grid) {
        GraphicsContext g = heatmap.getGraphicsContext2D();
        g.clearRect(0, 0, heatmap.getWidth(), heatmap.getHeight());
        int max = 1;
        for (int[] day : grid) {
            for (int v : day) {
                max = Math.max(max, v);
            }
        }
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        g.setFill(Color.GRAY);
        for (int d = 0; d < 7; d++) {
            g.fillText(days[d], 0, 12 * d + 10);
            for (int h = 0; h < 24; h++) {
                double share = (double) grid[d][h] / max;
                g.setFill(Color.hsb(210, 0.15 + 0.75 * share, 0.95 - 0.45 * share));
                g.fillRect(40 + 12 * h, 12 * d, 11, 11);
            }
            g.setFill(Color.GRAY);
        }
        for (int h = 0; h < 24; h += 6) {
            g.fillText(h + "h", 40 + 12 * h, 7 * 12 + 14);
        }
    }
}
