package fermata.core.engine.rt;

import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;

import java.util.List;

/**
 * Clicks on every beat of the time signature in force, the first beat of each bar accented
 * (higher and louder). The beat grid comes from the model's ticks through the tempo map, so it
 * follows tempo and meter changes. Click waveforms are computed once; on the audio thread the
 * metronome only copies them.
 */
final class Metronome {
    private static final double CLICK_SECONDS = 0.03;

    private final int sampleRate;
    private final float[] accent;
    private final float[] normal;
    private float[] playing;
    private int playingPos;
    private int playingDelay;

    private TempoMap tempo;
    private long[] meterTicks = new long[0];
    private long[] beatTicks = new long[0];
    private int[] numerators = new int[0];

    Metronome(int sampleRate) {
        this.sampleRate = sampleRate;
        accent = click(sampleRate, 1760, 0.5);
        normal = click(sampleRate, 1320, 0.3);
    }

    private static float[] click(int rate, double hz, double amplitude) {
        float[] c = new float[(int) (CLICK_SECONDS * rate)];
        for (int i = 0; i < c.length; i++) {
            double t = (double) i / rate;
            c[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * t) * Math.exp(-t / 0.006));
        }
        return c;
    }

    /** Takes the project's tempo and meters; called with each new snapshot, off the audio thread's hot path. */
    void setProject(Project project) {
        List<TimeSignature> ts = project.timeSignatures();
        long[] mt = new long[ts.size()];
        long[] bt = new long[ts.size()];
        int[] num = new int[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            mt[i] = ts.get(i).tick();
            bt[i] = ts.get(i).ticksPerBeat();
            num[i] = ts.get(i).numerator();
        }
        tempo = project.tempoMap();
        meterTicks = mt;
        beatTicks = bt;
        numerators = num;
    }

    private int meterIndex(double tick) {
        int i = 0;
        while (i + 1 < meterTicks.length && meterTicks[i + 1] <= tick) {
            i++;
        }
        return i;
    }

    /** Starts clicks for the beats in timeline frames [frame, frame + frames) and mixes them into {@code out} at {@code offset}. */
    void clickTimeline(long frame, float[][] out, int offset, int frames) {
        double tick0 = tempo.tickAtFrame(frame, sampleRate);
        double tick1 = tempo.tickAtFrame(frame + frames, sampleRate);
        int m = meterIndex(Math.max(0, tick0));
        long tick = Math.max(0, (long) Math.ceil(tick0));
        while (tick < tick1) {
            long start = meterTicks[m];
            long perBeat = beatTicks[m];
            long beat = Math.floorDiv(tick - start + perBeat - 1, perBeat);
            long beatTick = start + beat * perBeat;
            if (m + 1 < meterTicks.length && beatTick >= meterTicks[m + 1]) {
                m++;
                tick = meterTicks[m];
                continue;
            }
            if (beatTick >= tick1) {
                break;
            }
            long at = tempo.frame(beatTick, sampleRate);
            if (at >= frame && at < frame + frames) {
                mixUntil(out, offset, (int) (at - frame));
                start(beat % numerators[m] == 0, (int) (at - frame));
            }
            tick = beatTick + 1;
        }
        mixUntil(out, offset, frames);
        playingDelay = 0;
    }

    /** Starts a count-in click {@code delay} frames into the block being rendered. */
    void clickAt(boolean downbeat, float[][] out, int offset, int delay) {
        mixUntil(out, offset, delay);
        start(downbeat, delay);
    }

    /** Finishes mixing a block started with {@link #clickAt}. */
    void finishBlock(float[][] out, int offset, int frames) {
        mixUntil(out, offset, frames);
        playingDelay = 0;
    }

    private void start(boolean downbeat, int delay) {
        playing = downbeat ? accent : normal;
        playingPos = 0;
        playingDelay = delay;
    }

    /** Mixes the sounding click into block positions [playingDelay, until). */
    private void mixUntil(float[][] out, int offset, int until) {
        if (playing == null) {
            playingDelay = until;
            return;
        }
        int i = playingDelay;
        while (i < until && playingPos < playing.length) {
            float s = playing[playingPos++];
            out[0][offset + i] += s;
            out[1][offset + i] += s;
            i++;
        }
        if (playingPos >= playing.length) {
            playing = null;
        }
        playingDelay = until;
    }

    /** Beat length in frames at a timeline frame and the beats per bar there, for the count-in. */
    long beatFramesAt(long frame) {
        double tick = tempo.tickAtFrame(frame, sampleRate);
        int m = meterIndex(Math.max(0, tick));
        return Math.max(1, Math.round((tempo.seconds(tick + beatTicks[m]) - tempo.seconds(tick)) * sampleRate));
    }

    int beatsPerBarAt(long frame) {
        return numerators[meterIndex(Math.max(0, tempo.tickAtFrame(frame, sampleRate)))];
    }

    void silence() {
        playing = null;
        playingDelay = 0;
    }
}
