package fermata.core.library;

import fermata.core.analysis.TrackFeatures;
import fermata.core.library.recommend.Blend;
import fermata.core.library.recommend.ItemKnnModel;
import fermata.core.library.recommend.ListenEvent;
import fermata.core.library.recommend.Sessions;
import fermata.core.library.recommend.TemporalReplay;
import fermata.core.library.recommend.TopK;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The library's recommendations: trained once from the database (listens, play counts, features,
 * tags), then answers {@link RecommendationMode} requests in milliseconds, each with a human
 * explanation. Items are the library's tracks plus the unmatched listens' artist/title keys, which
 * cannot be recommended but still teach which tracks go together. The blend of collaborative,
 * "again", time-of-day and popularity signals is learnt from the owner's own history
 * ({@link TemporalReplay#learnBlend}). Immutable after {@link #train}; safe to share.
 */
public final class LibraryRecommender {
    static final long REDISCOVER_AFTER_MS = 60L * 24 * 3600 * 1000;
    static final long RECENTLY_PLAYED_MS = 2L * 24 * 3600 * 1000;
    private static final String[] PARTS = {"at night", "in the morning", "in the afternoon", "in the evening"};

    private final List<Track> tracks;
    private final Map<Long, Integer> itemOfTrack;
    private final int items;
    private final List<ListenEvent> events;
    private final TemporalReplay.Context context;
    private final ItemKnnModel knn;
    private final Blend blend;
    private final ContentSimilarity content;
    private final int[] plays;
    private final int[] skips;
    private final long[] lastPlayed;
    private final int[][] partPlays;
    private final Map<Long, Integer>[] followers;
    private final ZoneId zone;

    @SuppressWarnings("unchecked")
    private LibraryRecommender(List<Track> tracks, int items, List<ListenEvent> events, Map<Integer, TrackFeatures> features,
                               int[] countPlays, int[] countSkips, long[] countLast, ZoneId zone, long seed, Progress progress)
            throws CancelledException {
        this.tracks = tracks;
        this.items = items;
        this.events = events;
        this.zone = zone;
        itemOfTrack = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            itemOfTrack.put(tracks.get(i).id(), i);
        }
        progress.update(0.1, "learning from " + events.size() + " listens");
        context = new TemporalReplay.Context(events, events.size(), items, zone, seed, false, progress.slice(0.1, 0.4));
        knn = (ItemKnnModel) context.model("itemknn");
        blend = TemporalReplay.learnBlend(events, items, zone, seed, progress.slice(0.5, 0.5));
        content = ContentSimilarity.of(items, features);
        plays = countPlays;
        skips = countSkips;
        lastPlayed = countLast;
        partPlays = new int[4][items];
        followers = new Map[items];
        for (int e = 0; e < events.size(); e++) {
            ListenEvent event = events.get(e);
            if (event.skipped()) {
                skips[event.item()]++;
                continue;
            }
            plays[event.item()]++;
            lastPlayed[event.item()] = Math.max(lastPlayed[event.item()], event.time());
            partPlays[TemporalReplay.partOfDay(event.time(), zone)][event.item()]++;
            if (e > 0 && event.time() - events.get(e - 1).time() <= Sessions.GAP_MS && !events.get(e - 1).skipped()) {
                int before = events.get(e - 1).item();
                if (followers[before] == null) {
                    followers[before] = new HashMap<>();
                }
                followers[before].merge((long) event.item(), 1, Integer::sum);
            }
        }
    }

    /** Reads the database and trains; the slow step (seconds for a million listens). */
    public static LibraryRecommender train(LibraryDatabase db, ZoneId zone, long seed, Progress progress)
            throws LibraryException, CancelledException {
        List<Track> tracks = new LibraryIndex(db).all();
        Map<Long, Integer> itemOfTrack = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            itemOfTrack.put(tracks.get(i).id(), i);
        }
        Map<String, Integer> unmatched = new HashMap<>();
        List<ListenEvent> events = new ArrayList<>();
        int[] countPlays = new int[tracks.size()];
        int[] countSkips = new int[tracks.size()];
        long[] countLast = new long[tracks.size()];
        Map<Integer, TrackFeatures> features = new HashMap<>();
        db.read("reading the listening history", c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT listened_at, track_id, match_key, skipped FROM listens ORDER BY listened_at")) {
                while (r.next()) {
                    long trackId = r.getLong(2);
                    Integer item = r.wasNull() ? null : itemOfTrack.get(trackId);
                    if (item == null) {
                        item = tracks.size() + unmatched.computeIfAbsent(r.getString(3), k -> unmatched.size());
                    }
                    events.add(new ListenEvent(r.getLong(1), item, r.getInt(4) == 1));
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT track_id, plays, skips, last_played FROM play_counts WHERE track_id IS NOT NULL")) {
                while (r.next()) {
                    Integer item = itemOfTrack.get(r.getLong(1));
                    if (item != null) {
                        countPlays[item] += r.getInt(2);
                        countSkips[item] += r.getInt(3);
                        countLast[item] = Math.max(countLast[item], r.getLong(4));
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT track_id, tempo_bpm, key_name, loudness_lufs,"
                    + " mfcc_mean, mfcc_var, chroma_mean, chroma_var FROM features WHERE error IS NULL")) {
                while (r.next()) {
                    Integer item = itemOfTrack.get(r.getLong(1));
                    if (item != null) {
                        features.put(item, new TrackFeatures(r.getDouble(2), r.getString(3), r.getDouble(4),
                                FeatureAnalysis.numbers(r.getString(5)), FeatureAnalysis.numbers(r.getString(6)),
                                FeatureAnalysis.numbers(r.getString(7)), FeatureAnalysis.numbers(r.getString(8))));
                    }
                }
            }
            return null;
        });
        int items = tracks.size() + unmatched.size();
        return new LibraryRecommender(tracks, Math.max(1, items), events, features, grow(countPlays, items), grow(countSkips, items),
                grow(countLast, items), zone, seed, progress);
    }

    private static int[] grow(int[] a, int n) {
        return java.util.Arrays.copyOf(a, Math.max(1, n));
    }

    private static long[] grow(long[] a, int n) {
        return java.util.Arrays.copyOf(a, Math.max(1, n));
    }

    /** The blend weights learnt from this history. */
    public Blend blend() {
        return blend;
    }

    /**
     * @param seed the seed track (LIKE) or the current track (CONTINUE); ignored otherwise
     * @param now  the moment to recommend for (time of day, what counts as lately)
     */
    public List<Recommendation> recommend(RecommendationMode mode, Path seed, int n, long now) throws LibraryException {
        if (tracks.isEmpty()) {
            return List.of();
        }
        Integer seedItem = null;
        if (mode == RecommendationMode.LIKE || mode == RecommendationMode.CONTINUE) {
            Path wanted = seed == null ? null : seed.toAbsolutePath().normalize();
            for (int i = 0; i < tracks.size() && wanted != null; i++) {
                if (tracks.get(i).path().equals(wanted)) {
                    seedItem = i;
                }
            }
            if (seedItem == null) {
                throw new LibraryException((seed == null ? "no seed track" : seed + ": not a track of the library")
                        + ". Name a library file with --seed-track (scan its folder first)");
            }
        }
        return switch (mode) {
            case FOR_YOU -> forYou(n, now);
            case LIKE -> like(seedItem, n);
            case REDISCOVER -> rediscover(n, now);
            case CONTINUE -> continueAfter(seedItem, n, now);
        };
    }

    private List<Recommendation> forYou(int n, long now) {
        TemporalReplay.Profile profile = TemporalReplay.profile(events, now, items);
        double[] scores = blend.combine(context.components(profile.items(), profile.weights(), profile.dense(), now));
        boolean[] excluded = excludeRecent(now);
        if (profile.items().length == 0) {
            // Nothing played lately: what was loved most.
            Blend.addScaled(toDouble(plays), 1, scores);
        }
        // Cold start: never-played tracks that sound like the recent listening.
        Blend.addScaled(soundsLike(profile), 0.5, scores);
        int[] top = TopK.select(restrictToTracks(scores), n, excluded);
        List<Recommendation> out = new ArrayList<>();
        int part = TemporalReplay.partOfDay(now, zone);
        for (int item : top) {
            out.add(new Recommendation(tracks.get(item), scores[item], explainForYou(item, profile, part)));
        }
        return out;
    }

    private String explainForYou(int item, TemporalReplay.Profile profile, int part) {
        int[] near = knn.neighboursOf(item);
        double[] sim = knn.similaritiesOf(item);
        int because = -1;
        double best = 0;
        for (int b = 0; b < near.length; b++) {
            double w = profile.dense()[near[b]] * sim[b];
            if (w > best && near[b] < tracks.size()) {
                best = w;
                because = near[b];
            }
        }
        StringBuilder text = new StringBuilder();
        if (because >= 0) {
            text.append("often in the same sessions as ").append(name(because)).append(", which you have been playing");
        } else if (plays[item] > 0) {
            text.append(playedText(item));
        } else if (closestInSound(item, profile) >= 0) {
            int like = closestInSound(item, profile);
            text.append("never played; ").append(content.sharedSound(like, item)).append(" as ").append(name(like))
                    .append(", which you have been playing");
        } else {
            text.append("not played yet");
        }
        if (plays[item] >= 3 && context.hourShare(part, item) >= 0.5 && because >= 0) {
            text.append("; you play it mostly ").append(PARTS[part]);
        }
        return text.toString();
    }

    private List<Recommendation> like(int seed, int n) {
        double[] sessions = new double[items];
        int[] near = knn.neighboursOf(seed);
        double[] sim = knn.similaritiesOf(seed);
        for (int b = 0; b < near.length; b++) {
            sessions[near[b]] = sim[b];
        }
        double[] sound = new double[items];
        for (int i = 0; i < tracks.size(); i++) {
            double s = content.similarity(seed, i);
            sound[i] = Double.isNaN(s) ? 0 : Math.max(0, s);
        }
        double[] tags = new double[items];
        Track seedTrack = tracks.get(seed);
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            tags[i] = (same(t.artist(), seedTrack.artist()) ? 0.6 : 0) + (same(t.genre(), seedTrack.genre()) ? 0.4 : 0);
        }
        double[] scores = new double[items];
        Blend.addScaled(sessions, 1, scores);
        Blend.addScaled(sound, 0.8, scores);
        Blend.addScaled(tags, 0.5, scores);
        boolean[] excluded = new boolean[items];
        excluded[seed] = true;
        List<Recommendation> out = new ArrayList<>();
        for (int item : TopK.select(restrictToTracks(scores), n, excluded)) {
            List<String> why = new ArrayList<>();
            if (sessions[item] > 0) {
                why.add("played in the same sessions as " + name(seed));
            }
            if (sound[item] > 0.3) {
                why.add(content.sharedSound(seed, item) + " as " + name(seed));
            }
            if (same(tracks.get(item).artist(), seedTrack.artist())) {
                why.add("also by " + seedTrack.displayArtist());
            } else if (same(tracks.get(item).genre(), seedTrack.genre())) {
                why.add("same genre (" + seedTrack.genre() + ")");
            }
            out.add(new Recommendation(tracks.get(item), scores[item], why.isEmpty() ? "close to " + name(seed) : String.join("; ", why)));
        }
        return out;
    }

    private List<Recommendation> rediscover(int n, long now) {
        double[] scores = new double[items];
        java.util.Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < tracks.size(); i++) {
            double skipShare = (double) skips[i] / Math.max(1, plays[i] + skips[i]);
            long since = now - lastPlayed[i];
            if (plays[i] >= 3 && skipShare < 0.34 && lastPlayed[i] > 0 && since >= REDISCOVER_AFTER_MS) {
                scores[i] = plays[i] * (1 - skipShare) * Math.log1p(since / 86_400_000.0);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        for (int item : TopK.select(scores, n, null)) {
            out.add(new Recommendation(tracks.get(item), scores[item], playedText(item) + "; last played " + ago(now - lastPlayed[item])));
        }
        return out;
    }

    private List<Recommendation> continueAfter(int current, int n, long now) {
        double[] follow = new double[items];
        if (followers[current] != null) {
            followers[current].forEach((item, count) -> follow[item.intValue()] = count);
        }
        TemporalReplay.Profile recent = TemporalReplay.profile(events, now, items);
        double[] weights = {1};
        double[] ease = new double[items];
        context.model("ease").scoreProfile(new int[] {current}, weights, ease);
        double[] together = new double[items];
        knn.scoreProfile(new int[] {current}, weights, together);
        double[] sound = new double[items];
        for (int i = 0; i < tracks.size(); i++) {
            double s = content.similarity(current, i);
            sound[i] = Double.isNaN(s) ? 0 : Math.max(0, s);
        }
        double[] scores = new double[items];
        Blend.addScaled(follow, 1, scores);
        Blend.addScaled(ease, 0.6, scores);
        Blend.addScaled(together, 0.6, scores);
        Blend.addScaled(sound, 0.3, scores);
        Blend.addScaled(recent.dense(), -0.2, scores); // just heard: a little less likely next
        boolean[] excluded = new boolean[items];
        excluded[current] = true;
        List<Recommendation> out = new ArrayList<>();
        for (int item : TopK.select(restrictToTracks(scores), n, excluded)) {
            String why;
            if (follow[item] > 0) {
                why = "followed " + name(current) + " " + times((int) follow[item]) + " in your sessions";
            } else if (together[item] > 0) {
                why = "often in the same sessions as " + name(current);
            } else if (sound[item] > 0.3) {
                why = content.sharedSound(current, item) + " as " + name(current);
            } else {
                why = "fits what you have been playing";
            }
            out.add(new Recommendation(tracks.get(item), scores[item], why));
        }
        return out;
    }

    private double[] restrictToTracks(double[] scores) {
        for (int i = tracks.size(); i < items; i++) {
            scores[i] = Double.NEGATIVE_INFINITY;
        }
        return scores;
    }

    private boolean[] excludeRecent(long now) {
        boolean[] excluded = new boolean[items];
        for (int i = 0; i < items; i++) {
            excluded[i] = lastPlayed[i] > 0 && now - lastPlayed[i] < RECENTLY_PLAYED_MS;
        }
        return excluded;
    }

    /** For never-played tracks with features: the profile-weighted similarity of sound to the recent listening. */
    private double[] soundsLike(TemporalReplay.Profile profile) {
        double[] out = new double[items];
        double total = 0;
        for (double w : profile.weights()) {
            total += w;
        }
        for (int i = 0; i < tracks.size() && total > 0; i++) {
            if (plays[i] > 0 || !content.has(i)) {
                continue;
            }
            double sum = 0;
            for (int p = 0; p < profile.items().length; p++) {
                double s = content.similarity(profile.items()[p], i);
                if (!Double.isNaN(s)) {
                    sum += profile.weights()[p] * Math.max(0, s);
                }
            }
            out[i] = sum / total;
        }
        return out;
    }

    private int closestInSound(int item, TemporalReplay.Profile profile) {
        int best = -1;
        double bestScore = 0.3;
        for (int p = 0; p < profile.items().length; p++) {
            double s = content.similarity(profile.items()[p], item);
            if (s > bestScore && profile.items()[p] < tracks.size()) {
                bestScore = s;
                best = profile.items()[p];
            }
        }
        return best;
    }

    private String playedText(int item) {
        StringBuilder text = new StringBuilder("played ").append(times(plays[item]));
        int best = 0;
        int total = 0;
        for (int p = 0; p < 4; p++) {
            total += partPlays[p][item];
            if (partPlays[p][item] > partPlays[best][item]) {
                best = p;
            }
        }
        if (total >= 3 && partPlays[best][item] * 2 > total) {
            text.append(", mostly ").append(PARTS[best]);
        }
        return text.toString();
    }

    private static String times(int count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }

    static String ago(long ms) {
        long days = ms / 86_400_000L;
        if (days < 14) {
            return days + (days == 1 ? " day ago" : " days ago");
        }
        if (days < 60) {
            return days / 7 + " weeks ago";
        }
        if (days < 730) {
            return days / 30 + " months ago";
        }
        return days / 365 + " years ago";
    }

    private String name(int item) {
        Track t = tracks.get(item);
        return "\u201c" + t.displayTitle() + "\u201d by " + t.displayArtist();
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private static double[] toDouble(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
