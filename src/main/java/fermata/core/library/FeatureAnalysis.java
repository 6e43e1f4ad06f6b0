package fermata.core.library;

import fermata.core.analysis.TrackFeatures;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.task.Job;
import fermata.core.task.Progress;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Audio features of library tracks (tempo, key, loudness, MFCC and chroma statistics), computed in
 * the background through the task executor. Each track is committed as soon as it is done and a
 * run takes only tracks without a features row, so a cancelled or killed run resumes where it
 * stopped. A track that cannot be decoded gets a row with the error, so it is not retried on every
 * run; rescanning a changed file drops its row.
 */
public final class FeatureAnalysis {
    /** Longer files are described by their first 20 minutes. */
    static final double MAX_SECONDS = 1200;

    private final LibraryDatabase db;

    public FeatureAnalysis(LibraryDatabase db) {
        this.db = db;
    }

    private record Pending(long trackId, String path) {
    }

    /** Tracks still without features, by id. */
    private List<Pending> pending() throws LibraryException {
        return db.read("listing tracks without features", c -> {
            List<Pending> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT t.id, t.path FROM tracks t LEFT JOIN features f ON f.track_id = t.id WHERE f.track_id IS NULL ORDER BY t.id")) {
                while (r.next()) {
                    out.add(new Pending(r.getLong(1), r.getString(2)));
                }
            }
            return out;
        });
    }

    public int pendingCount() throws LibraryException {
        return pending().size();
    }

    /** The job that analyses every pending track; its result is the number analysed (errors included). */
    public Job<Integer> job() {
        return this::run;
    }

    private Integer run(Progress progress) throws Exception {
        List<Pending> todo = pending();
        int done = 0;
        for (Pending track : todo) {
            progress.checkCancelled();
            progress.update((double) done / todo.size(), "features of " + track.path());
            long id = track.trackId();
            TrackFeatures features = null;
            String error = null;
            try {
                DecodedAudio audio = AudioFiles.readAll(java.nio.file.Path.of(track.path()), MAX_SECONDS);
                features = TrackFeatures.of(audio.samples(), audio.sampleRate());
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            store(id, features, error);
            done++;
        }
        progress.update(1, done + " tracks analysed");
        return done;
    }

    private void store(long trackId, TrackFeatures f, String error) throws LibraryException {
        db.inTransaction("storing features", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO features (track_id, tempo_bpm, key_name, loudness_lufs,"
                    + " mfcc_mean, mfcc_var, chroma_mean, chroma_var, error, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, trackId);
                if (f != null) {
                    s.setDouble(2, f.tempoBpm());
                    s.setString(3, f.key());
                    s.setDouble(4, Double.isFinite(f.loudnessLufs()) ? f.loudnessLufs() : -70);
                    s.setString(5, text(f.mfccMean()));
                    s.setString(6, text(f.mfccVariance()));
                    s.setString(7, text(f.chromaMean()));
                    s.setString(8, text(f.chromaVariance()));
                } else {
                    for (int p = 2; p <= 8; p++) {
                        s.setNull(p, java.sql.Types.NULL);
                    }
                }
                s.setString(9, error);
                s.setLong(10, System.currentTimeMillis());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The stored features of a track; empty when not yet analysed or when analysis failed. */
    public Optional<TrackFeatures> features(long trackId) throws LibraryException {
        return db.read("reading features", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT tempo_bpm, key_name, loudness_lufs, mfcc_mean, mfcc_var, chroma_mean,"
                    + " chroma_var FROM features WHERE track_id = ? AND error IS NULL")) {
                s.setLong(1, trackId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<TrackFeatures>empty();
                    }
                    return Optional.of(new TrackFeatures(r.getDouble(1), r.getString(2), r.getDouble(3), numbers(r.getString(4)),
                            numbers(r.getString(5)), numbers(r.getString(6)), numbers(r.getString(7))));
                }
            }
        });
    }

    static String text(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.6g", v)).collect(Collectors.joining(","));
    }

    static double[] numbers(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
