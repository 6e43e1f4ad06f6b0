package fermata.core.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Playlists saved as rules, not track lists, so they follow the listening: a recommendation mode
 * (with its seed), a length and an optional genre. Stored in the library's {@code playlists} table
 * as JSON ({@code {"mode":"like","seed":"/music/a.flac","n":20,"genre":"Jazz"}}).
 */
public final class SmartPlaylists {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param seed the seed track for "like" and "continue", else null; @param genre only tracks of this genre, or null */
    public record Rule(RecommendationMode mode, Path seed, int n, String genre) {
        public Rule {
            if (n < 1) {
                throw new IllegalArgumentException("a playlist needs at least one track");
            }
        }
    }

    private final LibraryDatabase db;

    public SmartPlaylists(LibraryDatabase db) {
        this.db = db;
    }

    /** Saves (or replaces) a playlist. */
    public void save(String name, Rule rule) throws LibraryException {
        ObjectNode json = JSON.createObjectNode();
        json.put("mode", rule.mode().cliName());
        if (rule.seed() != null) {
            json.put("seed", rule.seed().toString());
        }
        json.put("n", rule.n());
        if (rule.genre() != null) {
            json.put("genre", rule.genre());
        }
        db.inTransaction("saving playlist " + name, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO playlists (name, rule, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET rule = excluded.rule")) {
                s.setString(1, name);
                s.setString(2, json.toString());
                s.setLong(3, System.currentTimeMillis());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Every saved playlist by name, in name order. */
    public Map<String, Rule> all() throws LibraryException {
        return db.read("listing playlists", c -> {
            Map<String, Rule> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, rule FROM playlists ORDER BY name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), parse(r.getString(1), r.getString(2)));
                }
            }
            return out;
        });
    }

    public boolean delete(String name) throws LibraryException {
        return db.inTransaction("deleting playlist " + name, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM playlists WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** The playlist's tracks now. */
    public List<Recommendation> evaluate(String name, LibraryRecommender recommender, long now) throws LibraryException {
        Rule rule = all().get(name);
        if (rule == null) {
            throw new LibraryException("no playlist named \"" + name + "\"");
        }
        int ask = rule.genre() == null ? rule.n() : rule.n() * 20;
        List<Recommendation> out = new ArrayList<>();
        for (Recommendation r : recommender.recommend(rule.mode(), rule.seed(), ask, now)) {
            String genre = r.track().genre();
            if (rule.genre() == null || (genre != null && genre.toLowerCase(Locale.ROOT).equals(rule.genre().toLowerCase(Locale.ROOT)))) {
                out.add(r);
            }
            if (out.size() == rule.n()) {
                break;
            }
        }
        return out;
    }

    private static Rule parse(String name, String text) throws LibraryException {
        try {
            JsonNode json = JSON.readTree(text);
            RecommendationMode mode = RecommendationMode.byName(json.path("mode").asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown mode " + json.path("mode")));
            return new Rule(mode, json.hasNonNull("seed") ? Path.of(json.get("seed").asText()) : null, json.path("n").asInt(20),
                    json.hasNonNull("genre") ? json.get("genre").asText() : null);
        } catch (Exception e) {
            throw new LibraryException("playlist \"" + name + "\" has a damaged rule (" + e.getMessage() + "): " + text, e);
        }
    }
}
