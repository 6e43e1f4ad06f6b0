package fermata.core.engine;

import fermata.core.dsp.AudioProcessor;
import fermata.core.dsp.Decibels;
import fermata.core.dsp.LoudnessMeter;
import fermata.core.dsp.TruePeakLimiter;

/**
 * The master: user inserts, fader, the true-peak limiter that guards the output, then the
 * meters. The limiter comes last so that nothing after it can push a peak over the ceiling.
 */
final class MasterBus {
    private final AudioProcessor[] inserts;
    private final TruePeakLimiter limiter;
    private final LoudnessMeter loudness;
    private final MeterReadings meters;
    private double gainDb;
    private boolean mute;
    private float gain;

    MasterBus(AudioProcessor[] inserts, TruePeakLimiter limiter, double gainDb, boolean mute, int sampleRate,
              MeterReadings meters) {
        this.inserts = inserts;
        this.limiter = limiter;
        this.gainDb = gainDb;
        this.mute = mute;
        this.loudness = new LoudnessMeter(sampleRate, 2);
        this.meters = meters;
        this.gain = target();
    }

    private float target() {
        return mute ? 0f : (float) Decibels.toGain(gainDb);
    }

    void setGainDb(double db) {
        gainDb = db;
    }

    void setMute(boolean m) {
        mute = m;
    }

    /** Output latency of the master path (inserts and limiter look-ahead) in frames. */
    int latencyFrames() {
        int latency = limiter == null ? 0 : limiter.latencyFrames();
        for (AudioProcessor p : inserts) {
            latency += p.latencyFrames();
        }
        return latency;
    }

    void process(float[][] mix, int frames) {
        for (AudioProcessor p : inserts) {
            p.process(mix, frames);
        }
        float to = target();
        float step = (to - gain) / frames;
        if (step != 0f || gain != 1f) {
            for (int i = 0; i < frames; i++) {
                float g = i == frames - 1 ? to : gain + step * (i + 1);
                mix[0][i] *= g;
                mix[1][i] *= g;
            }
        }
        gain = to;
        if (limiter != null) {
            limiter.process(mix, frames);
        }
        float peakL = 0f;
        float peakR = 0f;
        for (int i = 0; i < frames; i++) {
            peakL = Math.max(peakL, Math.abs(mix[0][i]));
            peakR = Math.max(peakR, Math.abs(mix[1][i]));
        }
        meters.publishPeaks(peakL, peakR);
        loudness.process(mix, frames);
        meters.publishLoudness(loudness.momentaryLufs(),
                limiter == null ? 0.0 : Decibels.fromGain(limiter.currentGain()));
    }

    void reset() {
        for (AudioProcessor p : inserts) {
            p.reset();
        }
        if (limiter != null) {
            limiter.reset();
        }
        loudness.reset();
    }
}
