package fermata.ui.waveform;

import fermata.core.dsp.Decibels;
import fermata.core.edit.AddMarker;
import fermata.core.edit.AudioClipboard;
import fermata.core.edit.ChangeAudioGain;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.CrossfadeAudioClips;
import fermata.core.edit.DeleteAudioRange;
import fermata.core.edit.EditCommand;
import fermata.core.edit.FadeAudioRange;
import fermata.core.edit.History;
import fermata.core.edit.InsertAudioSilence;
import fermata.core.edit.PasteAudio;
import fermata.core.edit.RemoveMarker;
import fermata.core.edit.ReverseAudioRange;
import fermata.core.edit.SilenceAudioRange;
import fermata.core.edit.SplitAudioClips;
import fermata.core.edit.TrimAudioToRange;
import fermata.core.engine.AudioTrackReader;
import fermata.core.engine.PlacedClip;
import fermata.core.media.PeakSummary;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.FadeCurve;
import fermata.core.model.Ids;
import fermata.core.model.Marker;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.task.Job;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import fermata.core.waveform.AudioExporter;
import fermata.core.waveform.AudioImporter;
import fermata.core.waveform.AudioInput;
import fermata.core.waveform.AudioNormalizer;
import fermata.core.waveform.AudioRecorder;
import fermata.core.waveform.Spectrogram;
import fermata.core.waveform.WaveformSources;
import fermata.core.waveform.ZeroCrossings;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * State and actions of the waveform editor for one audio track: the viewport (first pixel column
 * and frames per pixel, from the whole track down to 64 pixels per sample), vertical zoom, linear
 * or dB scale, the ruler, the selection (optionally snapped to zero crossings), the clipboard, and
 * every edit as a command on the studio's {@link History}. Drawing data comes in tiles of
 * {@value #TILE_COLUMNS} columns: min, max and RMS per pixel column from the media's peak summary
 * (the 256- or 65,536-frame level, whichever the zoom needs) or, closer in, from the samples
 * themselves; only tiles the viewport shows are computed, and they are kept while only the
 * scroll position changes. Slow work (peaks, normalize, export, import) runs on the
 * {@link TaskExecutor}; its results come back on the UI thread. Tested without the toolkit.
 */
public final class WaveformViewModel {
    public enum Scale { LINEAR, DB }

    public enum RulerMode { BARS_BEATS, MIN_SEC }

    public static final int TILE_COLUMNS = 256;
    /** The closest zoom: 64 pixels per sample. */
    public static final double MIN_FRAMES_PER_PIXEL = 1.0 / 64;
    /** Below this the view draws samples as points joined by lines instead of min/max columns. */
    public static final double SAMPLE_VIEW_FRAMES_PER_PIXEL = 1.0;
    public static final double DB_FLOOR = -60;
    private static final int MAX_CACHED_TILES = 256;
    private static final int ZERO_CROSSING_RADIUS = 2048;

    /**
     * Drawing data of one tile: per lane (channel) and column, the minimum, maximum and RMS
     * (already scaled by clip gain and fades); {@code covered[col]} is false where no clip plays.
     */
    public record Tile(float[][] min, float[][] max, float[][] rms, boolean[] covered) {
    }

    private final History history;
    private final TaskExecutor executor;
    private final Executor ui;
    private final WaveformSources sources;
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(Scale.LINEAR);
    private final ObjectProperty<RulerMode> rulerMode = new SimpleObjectProperty<>(RulerMode.MIN_SEC);
    private final ObjectProperty<FadeCurve> fadeCurve = new SimpleObjectProperty<>(FadeCurve.EQUAL_POWER);
    private final BooleanProperty snapToZeroCrossings = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> spectrogramWindow = new SimpleObjectProperty<>(2048);

    private final Map<String, PeakSummary> peaks = new HashMap<>();
    private final Set<String> peaksLoading = new HashSet<>();
    private final Map<String, PeakSummary.Level[]> pyramids = new HashMap<>();
    private final Map<Long, Tile> tiles = new LinkedHashMap<>(64, 0.75f, true);
    private double tilesFramesPerPixel = Double.NaN;
    private Project tilesProject;

    private static final int MAX_WINDOW_FRAMES = 1 << 22;
    private float[][] window;
    private long windowStart;
    private Project windowProject;
    private Project readerProject;
    private AudioTrackReader reader;

    private String trackId;
    private long firstColumn;
    private double framesPerPixel = 1024;
    private double width = 800;
    private double laneHeight = 120;
    private double verticalZoom = 1;
    private long cursor;
    private long selectionStart = -1;
    private long selectionEnd = -1;
    private long anchor;
    private AudioClipboard clipboard;
    private boolean sized;
    private AudioRecorder recorder;
    private List<Double> beatTimes = List.of();

    /** The studio's editor: peaks and decoded audio from the user-data caches, results on the FX thread. */
    public WaveformViewModel(History history, TaskExecutor executor) {
        this(history, executor, WaveformSources.forUser(), Platform::runLater);
    }

    /**
     * @param ui runs a worker's result on the thread that owns the view model ({@code Runnable::run} in tests)
     */
    public WaveformViewModel(History history, TaskExecutor executor, WaveformSources sources, Executor ui) {
        this.history = history;
        this.executor = executor;
        this.sources = sources;
        this.ui = ui;
        history.addListener(h -> projectChanged());
        scale.addListener((o, a, b) -> changed());
        rulerMode.addListener((o, a, b) -> changed());
        spectrogramWindow.addListener((o, a, b) -> changed());
    }

    // ---- what is shown

    /**
     * The file the project was read from or saved to (media paths in it are relative to its
     * folder); null while it is unsaved. Call on open, save-as and new.
     */
    public void setProjectFile(Path projectFile) {
        sources.setProjectFile(projectFile);
        readerProject = null;
        window = null;
        tiles.clear();
        loadPeaks();
        changed();
    }

    /** Shows an audio track (a MIDI track or null shows nothing) and zooms to fit it. */
    public void showTrack(String id) {
        trackId = id != null && project().indexOfTrack(id) >= 0 && project().track(id) instanceof AudioTrack ? id : null;
        clearSelection();
        cursor = 0;
        loadPeaks();
        zoomToFit();
    }

    public String trackId() {
        return trackId;
    }

    public AudioTrack track() {
        if (trackId == null || project().indexOfTrack(trackId) < 0) {
            return null;
        }
        return project().track(trackId) instanceof AudioTrack a ? a : null;
    }

    public Project project() {
        return history.current();
    }

    public int sampleRate() {
        return project().sampleRate();
    }

    /** Lanes to draw: the most channels of any clip's media (1 for an empty track). */
    public int channels() {
        AudioTrack t = track();
        int channels = 1;
        if (t != null) {
            for (AudioClip c : t.clips()) {
                channels = Math.max(channels, project().mediaById(c.mediaId()).map(MediaRef::channels).orElse(1));
            }
        }
        return channels;
    }

    /** The frame after the last clip (project frames). */
    public long trackEndFrame() {
        AudioTrack t = track();
        long end = 0;
        if (t != null) {
            for (AudioClip c : t.clips()) {
                end = Math.max(end, c.positionFrame() + timelineLength(c));
            }
        }
        return end;
    }

    // ---- viewport

    /** The lane area's size; the first size a shown track gets zooms it to fit. */
    public void setSize(double widthPixels, double laneHeightPixels) {
        width = Math.max(1, widthPixels);
        laneHeight = Math.max(1, laneHeightPixels);
        if (!sized && trackId != null) {
            sized = true;
            zoomToFit();
        }
        changed();
    }

    public double width() {
        return width;
    }

    public double laneHeight() {
        return laneHeight;
    }

    public double framesPerPixel() {
        return framesPerPixel;
    }

    public long firstColumn() {
        return firstColumn;
    }

    public double firstFrame() {
        return firstColumn * framesPerPixel;
    }

    public double frameToX(double frame) {
        return (frame - firstFrame()) / framesPerPixel;
    }

    public double xToFrame(double x) {
        return firstFrame() + x * framesPerPixel;
    }

    /** The whole track (or one second of an empty one) in the width. */
    public void zoomToFit() {
        long length = Math.max(trackEndFrame(), sampleRate());
        setFramesPerPixel(length / width);
        firstColumn = 0;
        changed();
    }

    /** Zooms by {@code factor} (> 1 zooms in) keeping the frame under {@code x} where it is. */
    public void zoom(double factor, double x) {
        double frame = xToFrame(x);
        setFramesPerPixel(framesPerPixel / factor);
        firstColumn = Math.max(0, Math.round(frame / framesPerPixel - x));
        changed();
    }

    /** Scrolls by whole pixel columns (positive: later). */
    public void scroll(double pixels) {
        firstColumn = Math.max(0, firstColumn + Math.round(pixels));
        changed();
    }

    /** Shows {@code frame} at the left edge, keeping the zoom. */
    public void scrollTo(long frame) {
        firstColumn = Math.max(0, Math.round(frame / framesPerPixel));
        changed();
    }

    public double maxFramesPerPixel() {
        return Math.max(MIN_FRAMES_PER_PIXEL, Math.max(trackEndFrame(), sampleRate()) * 2.0 / width);
    }

    private void setFramesPerPixel(double fpp) {
        framesPerPixel = Math.max(MIN_FRAMES_PER_PIXEL, Math.min(maxFramesPerPixel(), fpp));
    }

    public boolean showsSamples() {
        return framesPerPixel <= SAMPLE_VIEW_FRAMES_PER_PIXEL;
    }

    /** Vertical zoom: 1 shows full scale in a lane, 2 half of it, up to 64. */
    public void setVerticalZoom(double zoom) {
        verticalZoom = Math.max(1, Math.min(64, zoom));
        changed();
    }

    public double verticalZoom() {
        return verticalZoom;
    }

    /**
     * Where a sample value sits in a lane, as a fraction from the lane's centre to its edge
     * (-1..1, clipped): linear, or in dB over {@value #DB_FLOOR} dB so quiet detail shows.
     */
    public double amplitudeToLane(double value) {
        double v = value * verticalZoom;
        if (scale.get() == Scale.DB) {
            double magnitude = Math.abs(v);
            if (magnitude <= 0) {
                return 0;
            }
            double db = 20 * Math.log10(magnitude);
            double y = db <= DB_FLOOR ? 0 : 1 - db / DB_FLOOR;
            return Math.copySign(Math.min(1, y), v);
        }
        return Math.max(-1, Math.min(1, v));
    }

    public List<RulerTick> rulerTicks() {
        return rulerMode.get() == RulerMode.MIN_SEC
                ? Ruler.minutesSeconds(firstFrame(), framesPerPixel, width, sampleRate())
                : Ruler.barsBeats(firstFrame(), framesPerPixel, width, project());
    }

    // ---- drawing data

    /** The tiles that cover the viewport, in order; the first starts at or before column {@link #firstColumn()}. */
    public long[] visibleTileIndexes() {
        long first = Math.floorDiv(firstColumn, TILE_COLUMNS);
        long last = Math.floorDiv(firstColumn + (long) Math.ceil(width) - 1, TILE_COLUMNS);
        long[] indexes = new long[(int) (last - first + 1)];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = first + i;
        }
        return indexes;
    }

    /** Tile {@code index} at the current zoom, from the cache or computed now; null while peaks are loading. */
    public Tile tile(long index) {
        if (tilesProject != project() || tilesFramesPerPixel != framesPerPixel) {
            tiles.clear();
            tilesProject = project();
            tilesFramesPerPixel = framesPerPixel;
        }
        Tile tile = tiles.get(index);
        if (tile == null) {
            tile = computeTile(index);
            if (tile == null) {
                return null;
            }
            tiles.put(index, tile);
            if (tiles.size() > MAX_CACHED_TILES) {
                Long eldest = tiles.keySet().iterator().next();
                tiles.remove(eldest);
            }
        }
        return tile;
    }

    /** How many tiles are cached (for tests and the benchmark). */
    public int cachedTiles() {
        return tiles.size();
    }

    /** True while some media of the track has no peak summary yet. */
    public boolean peaksPending() {
        return !peaksLoading.isEmpty();
    }

    /**
     * The samples the viewport shows at sample zoom, per lane, from frame {@link #firstSampleFrame()}
     * (one frame beyond each edge, so lines run off the view).
     */
    public float[][] visibleSamples() {
        long from = firstSampleFrame();
        long to = (long) Math.ceil(xToFrame(width)) + 2;
        AudioTrackReader r = reader();
        if (r == null) {
            return new float[channels()][(int) (to - from)];
        }
        float[][] out = new float[channels()][(int) (to - from)];
        r.read(from, out, 0, (int) (to - from));
        return out;
    }

    /**
     * The spectrogram of what the viewport shows, one column per pixel, with the window size of
     * {@link #spectrogramWindowProperty()}; null when no audio track is shown.
     */
    public Spectrogram.Image spectrogram(int rows) {
        AudioTrackReader r = reader();
        if (r == null) {
            return null;
        }
        long from = (long) Math.floor(firstFrame());
        long to = Math.max(from + 1, (long) Math.ceil(xToFrame(width)));
        return Spectrogram.compute(r, from, to, (int) Math.max(1, width),
                new Spectrogram.Settings(spectrogramWindow.get(), Math.max(2, rows), 30, -120));
    }

    /** FFT size of the spectrogram: 256 to 4096. */
    public ObjectProperty<Integer> spectrogramWindowProperty() {
        return spectrogramWindow;
    }

    public long firstSampleFrame() {
        return (long) Math.floor(firstFrame()) - 1;
    }

    private Tile computeTile(long index) {
        int channels = channels();
        float[][] min = new float[channels][TILE_COLUMNS];
        float[][] max = new float[channels][TILE_COLUMNS];
        float[][] rms = new float[channels][TILE_COLUMNS];
        boolean[] covered = new boolean[TILE_COLUMNS];
        AudioTrack t = track();
        if (t == null) {
            return new Tile(min, max, rms, covered);
        }
        long firstCol = index * TILE_COLUMNS;
        if (needsSamples(t)) {
            AudioTrackReader r = reader();
            if (r == null) {
                return new Tile(min, max, rms, covered);
            }
            fromSamples(r, t, firstCol, min, max, rms, covered);
        } else {
            for (AudioClip c : t.clips()) {
                if (peaks.get(mediaOf(c).sha256()) == null) {
                    return null;
                }
            }
            fromPeaks(t, firstCol, min, max, rms, covered);
        }
        return new Tile(min, max, rms, covered);
    }

    /** Columns narrower than a fine peak bucket of some clip's media are computed from the samples. */
    private boolean needsSamples(AudioTrack t) {
        for (AudioClip c : t.clips()) {
            if (framesPerPixel * mediaOf(c).sampleRate() / sampleRate() < PeakSummary.FINE) {
                return true;
            }
        }
        return false;
    }

    private void fromSamples(AudioTrackReader r, AudioTrack t, long firstCol, float[][] min, float[][] max,
                             float[][] rms, boolean[] covered) {
        long from = (long) Math.floor(firstCol * framesPerPixel);
        long to = (long) Math.floor((firstCol + TILE_COLUMNS) * framesPerPixel);
        if (to <= from) {
            to = from + 1;
        }
        float[][] samples = samplesCovering(r, from, to);
        from = windowStart;
        for (int col = 0; col < TILE_COLUMNS; col++) {
            long a = (long) Math.floor((firstCol + col) * framesPerPixel);
            long b = Math.max(a + 1, (long) Math.floor((firstCol + col + 1) * framesPerPixel));
            covered[col] = coveredBy(t, a, b);
            for (int ch = 0; ch < min.length; ch++) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                double squares = 0;
                for (long f = a; f < b; f++) {
                    int i = (int) (f - from);
                    float s = i >= 0 && i < samples[ch].length ? samples[ch][i] : 0f;
                    lo = Math.min(lo, s);
                    hi = Math.max(hi, s);
                    squares += (double) s * s;
                }
                min[ch][col] = lo;
                max[ch][col] = hi;
                rms[ch][col] = (float) Math.sqrt(squares / (b - a));
            }
        }
    }

    /**
     * Samples of at least {@code [from, to)}, starting at {@link #windowStart}: a window read once
     * around the viewport (half a width either side) and kept while the project stays the same, so
     * zooming in and scrolling near it read nothing new.
     */
    private float[][] samplesCovering(AudioTrackReader r, long from, long to) {
        if (window == null || windowProject != project() || from < windowStart || to > windowStart + window[0].length) {
            long span = (long) Math.ceil(width * framesPerPixel);
            long start = Math.max(0, Math.min(from, (long) Math.floor(firstFrame()) - span / 2));
            long end = Math.max(to, (long) Math.ceil(firstFrame()) + span + span / 2);
            if (end - start > MAX_WINDOW_FRAMES) {
                start = from;
                end = Math.max(to, Math.min(from + MAX_WINDOW_FRAMES, end));
            }
            window = new float[Math.max(channels(), r.channels())][(int) (end - start)];
            r.read(start, window, 0, window[0].length);
            windowStart = start;
            windowProject = project();
        }
        return window;
    }

    private boolean coveredBy(AudioTrack t, long a, long b) {
        for (AudioClip c : t.clips()) {
            if (c.positionFrame() < b && c.positionFrame() + timelineLength(c) > a) {
                return true;
            }
        }
        return false;
    }

    /**
     * Columns from the media's peak summaries. Exact where one clip plays at constant gain; in a
     * fade the envelope at the column's middle scales it, and where clips overlap (a crossfade)
     * their extremes are combined rather than summed.
     */
    private void fromPeaks(AudioTrack t, long firstCol, float[][] min, float[][] max, float[][] rms, boolean[] covered) {
        int channels = min.length;
        double[][] squares = new double[channels][TILE_COLUMNS];
        long[] frames = new long[TILE_COLUMNS];
        for (int ch = 0; ch < channels; ch++) {
            java.util.Arrays.fill(min[ch], Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(max[ch], Float.NEGATIVE_INFINITY);
        }
        long tileFrom = (long) Math.floor(firstCol * framesPerPixel);
        long tileTo = (long) Math.floor((firstCol + TILE_COLUMNS) * framesPerPixel);
        for (AudioClip c : t.clips()) {
            long start = c.positionFrame();
            long end = start + timelineLength(c);
            if (end <= tileFrom || start >= tileTo) {
                continue;
            }
            MediaRef media = mediaOf(c);
            PeakSummary summary = peaks.get(media.sha256());
            double ratio = (double) media.sampleRate() / sampleRate();
            PeakSummary.Level level = levelFor(media.sha256(), summary, framesPerPixel * ratio);
            int bucket = level.framesPerBucket();
            PlacedClip envelope = new PlacedClip(null, 0, c.sourceOffsetFrame(), c.lengthFrames(),
                    (float) Decibels.toGain(c.gainDb()), c.fadeInFrames(), c.fadeInCurve(), c.fadeOutFrames(),
                    c.fadeOutCurve(), c.reversed());
            int firstColumnOfClip = (int) Math.max(0, Math.floor(start / framesPerPixel) - firstCol);
            int lastColumnOfClip = (int) Math.min(TILE_COLUMNS - 1, Math.ceil(end / framesPerPixel) - firstCol);
            for (int col = firstColumnOfClip; col <= lastColumnOfClip; col++) {
                long a = (long) Math.floor((firstCol + col) * framesPerPixel);
                long b = Math.max(a + 1, (long) Math.floor((firstCol + col + 1) * framesPerPixel));
                long ov0 = Math.max(a, start);
                long ov1 = Math.min(b, end);
                if (ov0 >= ov1) {
                    continue;
                }
                long p0 = Math.min(c.lengthFrames() - 1, Math.round((ov0 - start) * ratio));
                long p1 = Math.max(p0 + 1, Math.min(c.lengthFrames(), Math.round((ov1 - start) * ratio)));
                long m0 = c.reversed() ? c.sourceOffsetFrame() + c.lengthFrames() - p1 : c.sourceOffsetFrame() + p0;
                long m1 = m0 + (p1 - p0);
                int b0 = (int) Math.min(level.buckets() - 1, m0 / bucket);
                int b1 = (int) Math.min(level.buckets() - 1, (m1 - 1) / bucket);
                float g = envelope.gainAt((p0 + p1) / 2);
                covered[col] = true;
                frames[col] += ov1 - ov0;
                for (int ch = 0; ch < channels; ch++) {
                    int mc = media.channels() == 1 ? 0 : ch;
                    if (mc >= media.channels()) {
                        continue;
                    }
                    float lo = Float.POSITIVE_INFINITY;
                    float hi = Float.NEGATIVE_INFINITY;
                    double sq = 0;
                    for (int k = b0; k <= b1; k++) {
                        lo = Math.min(lo, level.min()[mc][k]);
                        hi = Math.max(hi, level.max()[mc][k]);
                        sq += (double) level.rms()[mc][k] * level.rms()[mc][k];
                    }
                    float scaledLo = g >= 0 ? lo * g : hi * g;
                    float scaledHi = g >= 0 ? hi * g : lo * g;
                    min[ch][col] = Math.min(min[ch][col], scaledLo);
                    max[ch][col] = Math.max(max[ch][col], scaledHi);
                    squares[ch][col] += sq / (b1 - b0 + 1) * g * g * (ov1 - ov0);
                }
            }
        }
        for (int col = 0; col < TILE_COLUMNS; col++) {
            long a = (long) Math.floor((firstCol + col) * framesPerPixel);
            long b = Math.max(a + 1, (long) Math.floor((firstCol + col + 1) * framesPerPixel));
            boolean partial = frames[col] < b - a;
            for (int ch = 0; ch < channels; ch++) {
                if (!covered[col] || partial) {
                    min[ch][col] = Math.min(covered[col] ? min[ch][col] : 0f, 0f);
                    max[ch][col] = Math.max(covered[col] ? max[ch][col] : 0f, 0f);
                }
                rms[ch][col] = (float) Math.sqrt(squares[ch][col] / (b - a));
            }
        }
    }

    /**
     * The coarsest level whose buckets are no wider than a column. Between the summary's two
     * levels (256 and 65,536 frames) sit three derived ones (1,024, 4,096, 16,384), each merging
     * four buckets of the one below, built once per media file: a column then never reads more
     * than four buckets, whatever the zoom, which is what keeps a zoom step within a frame.
     */
    private PeakSummary.Level levelFor(String sha256, PeakSummary summary, double mediaFramesPerPixel) {
        PeakSummary.Level[] levels = pyramids.computeIfAbsent(sha256, k -> pyramid(summary));
        PeakSummary.Level chosen = levels[0];
        for (PeakSummary.Level level : levels) {
            if (level.framesPerBucket() <= mediaFramesPerPixel) {
                chosen = level;
            }
        }
        return chosen;
    }

    private static PeakSummary.Level[] pyramid(PeakSummary summary) {
        PeakSummary.Level[] levels = new PeakSummary.Level[5];
        levels[0] = summary.fine();
        for (int i = 1; i < 4; i++) {
            levels[i] = levels[i - 1].merge(4, summary.frames());
        }
        levels[4] = summary.coarse();
        return levels;
    }

    private MediaRef mediaOf(AudioClip c) {
        return project().mediaById(c.mediaId()).orElseThrow(() -> new IllegalStateException("clip " + c.id()
                + " plays unknown media " + c.mediaId()));
    }

    private long timelineLength(AudioClip c) {
        int rate = project().mediaById(c.mediaId()).map(MediaRef::sampleRate).orElse(sampleRate());
        return rate == sampleRate() ? c.lengthFrames()
                : Math.max(1, Math.round((double) c.lengthFrames() * sampleRate() / rate));
    }

    private AudioTrackReader reader() {
        if (track() == null) {
            return null;
        }
        if (readerProject != project()) {
            try {
                reader = sources.reader(project(), trackId);
                readerProject = project();
            } catch (Exception e) {
                status.set("Cannot read the track's audio: " + e.getMessage());
                reader = null;
                readerProject = project();
            }
        }
        return reader;
    }

    private void loadPeaks() {
        AudioTrack t = track();
        if (t == null) {
            return;
        }
        for (AudioClip c : t.clips()) {
            MediaRef media = mediaOf(c);
            String key = media.sha256();
            if (peaks.containsKey(key) || peaksLoading.contains(key)) {
                continue;
            }
            peaksLoading.add(key);
            run("Peaks of " + Path.of(media.path()).getFileName(), p -> sources.peaks(media, p), summary -> {
                peaksLoading.remove(key);
                peaks.put(key, summary);
                tiles.clear();
                changed();
            }, () -> peaksLoading.remove(key));
        }
    }

    // ---- selection

    public boolean hasSelection() {
        return selectionStart >= 0 && selectionEnd > selectionStart;
    }

    public long selectionStart() {
        return selectionStart;
    }

    public long selectionEnd() {
        return selectionEnd;
    }

    public long cursor() {
        return cursor;
    }

    /** Selects {@code [from, to)} (snapped to zero crossings when that is on). */
    public void select(long from, long to) {
        long a = snap(Math.max(0, Math.min(from, to)));
        long b = snap(Math.max(0, Math.max(from, to)));
        cursor = a;
        selectionStart = a;
        selectionEnd = b;
        changed();
    }

    public void selectAll() {
        select(0, Math.max(1, trackEndFrame()));
    }

    public void clearSelection() {
        selectionStart = -1;
        selectionEnd = -1;
        changed();
    }

    /** A press puts the cursor there and starts a new selection. */
    public void pointerPressed(double x) {
        anchor = snap(Math.max(0, Math.round(xToFrame(x))));
        cursor = anchor;
        selectionStart = -1;
        selectionEnd = -1;
        changed();
    }

    public void pointerDragged(double x) {
        long frame = Math.max(0, Math.round(xToFrame(x)));
        select(Math.min(anchor, frame), Math.max(anchor, frame));
        cursor = anchor;
    }

    private long snap(long frame) {
        if (!snapToZeroCrossings.get()) {
            return frame;
        }
        AudioTrackReader r = reader();
        return r == null ? frame : ZeroCrossings.nearest(r, frame, ZERO_CROSSING_RADIUS);
    }

    // ---- edits

    public void copy() {
        if (requireSelection()) {
            clipboard = AudioClipboard.copy(project(), trackId, selectionStart, selectionEnd);
            status.set("Copied " + seconds(selectionEnd - selectionStart));
        }
    }

    public void cut() {
        if (requireSelection()) {
            clipboard = AudioClipboard.copy(project(), trackId, selectionStart, selectionEnd);
            if (execute(new CompoundEdit("Cut audio", List.of(new DeleteAudioRange(trackId, selectionStart, selectionEnd))))) {
                long at = selectionStart;
                clearSelection();
                cursor = at;
            }
        }
    }

    public boolean canPaste() {
        return clipboard != null && trackId != null;
    }

    /** Inserts the clipboard at the selection's start (or the cursor) and selects what was pasted. */
    public void paste() {
        if (!canPaste()) {
            status.set("Nothing to paste");
            return;
        }
        long at = hasSelection() ? selectionStart : cursor;
        if (execute(new PasteAudio(trackId, at, clipboard))) {
            select(at, at + clipboard.lengthFrames());
        }
    }

    public void delete() {
        if (requireSelection() && execute(new DeleteAudioRange(trackId, selectionStart, selectionEnd))) {
            long at = selectionStart;
            clearSelection();
            cursor = at;
        }
    }

    public void silence() {
        if (requireSelection()) {
            execute(new SilenceAudioRange(trackId, selectionStart, selectionEnd));
        }
    }

    public void trimToSelection() {
        if (requireSelection()) {
            execute(new TrimAudioToRange(trackId, selectionStart, selectionEnd));
        }
    }

    /** Splits the clips at the cursor (the selection's start). */
    public void split() {
        if (trackId != null) {
            execute(new SplitAudioClips(trackId, hasSelection() ? selectionStart : cursor));
        }
    }

    public void insertSilence(double seconds) {
        if (trackId == null) {
            return;
        }
        long frames = Math.max(1, Math.round(seconds * sampleRate()));
        long at = hasSelection() ? selectionStart : cursor;
        if (execute(new InsertAudioSilence(trackId, at, frames))) {
            select(at, at + frames);
        }
    }

    public void fadeIn() {
        if (requireSelection()) {
            execute(new FadeAudioRange(trackId, selectionStart, selectionEnd, true, fadeCurve.get()));
        }
    }

    public void fadeOut() {
        if (requireSelection()) {
            execute(new FadeAudioRange(trackId, selectionStart, selectionEnd, false, fadeCurve.get()));
        }
    }

    /**
     * Crossfades the two clips that meet inside the selection, over the selection's length with
     * the chosen curve.
     */
    public void crossfade() {
        if (!requireSelection()) {
            return;
        }
        AudioTrack t = track();
        for (AudioClip left : t.clips()) {
            long join = left.positionFrame() + timelineLength(left);
            if (join <= selectionStart || join >= selectionEnd) {
                continue;
            }
            for (AudioClip right : t.clips()) {
                if (right != left && right.positionFrame() == join) {
                    execute(new CrossfadeAudioClips(trackId, left.id(), right.id(), selectionEnd - selectionStart,
                            fadeCurve.get()));
                    return;
                }
            }
        }
        status.set("No two clips meet inside the selection: split, then delete or move, to make a join to crossfade");
    }

    public void changeGain(double db) {
        if (requireSelection()) {
            execute(new ChangeAudioGain(trackId, selectionStart, selectionEnd, db,
                    String.format(java.util.Locale.ROOT, "Gain %+.1f dB", db)));
        }
    }

    public void reverse() {
        if (requireSelection()) {
            execute(new ReverseAudioRange(trackId, selectionStart, selectionEnd));
        }
    }

    /** Normalizes the selection (or the whole track) to a peak level, measured on a worker. */
    public void normalizePeak(double dbfs) {
        long[] range = selectionOrTrack();
        if (range == null) {
            return;
        }
        Project measured = project();
        String id = trackId;
        run("Normalize", p -> AudioNormalizer.toPeak(sources.reader(measured, id), id, range[0], range[1], dbfs, p),
                executeIfCurrent(measured), () -> { });
    }

    /** Normalizes the selection (or the whole track) to an integrated loudness, measured on a worker. */
    public void normalizeLoudness(double lufs) {
        long[] range = selectionOrTrack();
        if (range == null) {
            return;
        }
        Project measured = project();
        String id = trackId;
        run("Normalize", p -> AudioNormalizer.toLoudness(sources.reader(measured, id), id, range[0], range[1], lufs, p),
                executeIfCurrent(measured), () -> { });
    }

    private Consumer<EditCommand> executeIfCurrent(Project measured) {
        return command -> {
            if (project() != measured) {
                status.set("The track changed while it was measured; normalize again");
                return;
            }
            execute(command);
        };
    }

    /** Adds a marker at the cursor, or a named region over the selection. */
    public void addMarker(String name) {
        if (trackId == null) {
            return;
        }
        Set<String> taken = new HashSet<>();
        track().markers().forEach(m -> taken.add(m.id()));
        Marker marker = hasSelection()
                ? new Marker(Ids.fresh("region", taken), name, selectionStart, selectionEnd - selectionStart)
                : new Marker(Ids.fresh("marker", taken), name, cursor, 0);
        execute(new AddMarker(trackId, marker));
    }

    public void removeMarker(String markerId) {
        if (trackId != null) {
            execute(new RemoveMarker(trackId, markerId));
        }
    }

    /** Selects a named region. */
    public void selectRegion(String markerId) {
        long[] range = AudioExporter.region(track(), markerId);
        select(range[0], range[1]);
    }

    /** Writes the selection (or the whole track) to a WAV file on a worker. */
    public void export(Path target, AudioExporter.Format format) {
        long[] range = selectionOrTrack();
        if (range == null) {
            return;
        }
        Project exported = project();
        String id = trackId;
        run("Export " + target.getFileName(),
                p -> AudioExporter.export(sources.reader(exported, id), range[0], range[1], target, format, p),
                r -> status.set("Exported " + seconds(range[1] - range[0]) + " to " + r.file().getFileName()),
                () -> { });
    }

    /** Imports audio files as clips at the cursor, each on this track (or a new one when none is shown). */
    public void importFiles(List<Path> files) {
        AudioImporter importer = new AudioImporter(sources.peakCache());
        for (Path file : files) {
            long at = cursor;
            int rate = sampleRate();
            run("Import " + file.getFileName(), p -> {
                AudioImporter.Imported imported = importer.prepare(file, at, p);
                sources.prepare(imported.media(), rate);
                return imported;
            }, imported -> {
                peaks.put(imported.media().sha256(), imported.peaks());
                execute(AudioImporter.command(project(), trackId, imported));
                if (trackId == null) {
                    showTrack(project().tracks().get(project().tracks().size() - 1).id());
                }
            }, () -> { });
        }
    }

    /** Records from the default input device at the project's rate into this track, at the cursor. */
    public void startRecordingFromDefaultInput() {
        if (requireTrack()) {
            java.util.Optional<fermata.core.waveform.LineInput> input = fermata.core.waveform.LineInput.open(sampleRate(), 2);
            if (input.isEmpty()) {
                status.set("No audio input device can record at " + sampleRate() + " Hz stereo");
                return;
            }
            startRecording(input.get(), fermata.core.project.UserData.current().root().resolve("recordings"));
        }
    }

    /**
     * Records {@code input} into a take in {@code folder} until {@link #stopRecording()} (or the
     * input ends); the take then becomes one undoable clip at the cursor.
     */
    public void startRecording(AudioInput input, Path folder) {
        if (!requireTrack() || recorder != null) {
            input.close();
            return;
        }
        AudioRecorder take = new AudioRecorder();
        recorder = take;
        String id = trackId;
        long at = cursor;
        changed();
        run("Record", p -> take.record(input, folder, at, p), result -> {
            recorder = null;
            execute(result.command(id));
            loadPeaks();
            changed();
        }, () -> recorder = null);
    }

    public void stopRecording() {
        if (recorder != null) {
            recorder.stop();
        }
    }

    public boolean isRecording() {
        return recorder != null;
    }

    private boolean requireTrack() {
        if (trackId == null) {
            status.set("No audio track is shown");
            return false;
        }
        return true;
    }

    private long[] selectionOrTrack() {
        if (trackId == null) {
            status.set("No audio track is shown");
            return null;
        }
        if (hasSelection()) {
            return new long[] {selectionStart, selectionEnd};
        }
        long end = trackEndFrame();
        if (end == 0) {
            status.set("The track is empty");
            return null;
        }
        return new long[] {0, end};
    }

    private boolean requireSelection() {
        if (trackId == null) {
            status.set("No audio track is shown");
            return false;
        }
        if (!hasSelection()) {
            status.set("Select a range first");
            return false;
        }
        return true;
    }

    /** Runs a command; a command that does not fit says why in the status line and changes nothing. */
    private boolean execute(EditCommand command) {
        try {
            history.execute(command);
            status.set(command.label());
            return true;
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
    }

    /** Runs a job on the executor, its progress into {@link #progressProperty()}, its result on the UI thread. */
    private <T> void run(String name, Job<T> job, Consumer<T> done, Runnable failed) {
        progress.set(0);
        status.set(name + "...");
        Job<T> reporting = p -> job.run(new Progress() {
            private double last = -1;

            @Override
            public void update(double fraction, String message) {
                p.update(fraction, message);
                if (fraction - last >= 0.01 || fraction >= 1) {
                    last = fraction;
                    ui.execute(() -> progress.set(fraction));
                }
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        });
        executor.submit(name, reporting).result().whenComplete((result, error) -> ui.execute(() -> {
            progress.set(-1);
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                status.set(name + " failed: " + cause.getMessage());
                failed.run();
                changed();
            } else {
                done.accept(result);
            }
        }));
    }

    private String seconds(long frames) {
        return String.format(java.util.Locale.ROOT, "%.3f s", (double) frames / sampleRate());
    }

    // ---- properties

    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0..1 while a background job (peaks, import, normalize, export) runs; -1 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObjectProperty<Scale> scaleProperty() {
        return scale;
    }

    public ObjectProperty<RulerMode> rulerModeProperty() {
        return rulerMode;
    }

    public ObjectProperty<FadeCurve> fadeCurveProperty() {
        return fadeCurve;
    }

    public BooleanProperty snapToZeroCrossingsProperty() {
        return snapToZeroCrossings;
    }

    private void projectChanged() {
        if (trackId != null && (project().indexOfTrack(trackId) < 0 || !(project().track(trackId) instanceof AudioTrack))) {
            trackId = null;
        }
        loadPeaks();
        changed();
    }

    /**
     * Beat times (seconds on the project timeline) found by the analysis panel, drawn as a grid
     * over the waveform; empty for none.
     */
    public void setBeatTimes(List<Double> seconds) {
        beatTimes = List.copyOf(seconds);
        changed();
    }

    /** The beat grid's lines as timeline frames. */
    public long[] beatFrames() {
        long[] frames = new long[beatTimes.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = Math.round(beatTimes.get(i) * sampleRate());
        }
        return frames;
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }
}
