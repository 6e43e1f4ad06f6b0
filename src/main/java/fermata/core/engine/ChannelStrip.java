package fermata.core.engine;

import fermata.core.dsp.AudioProcessor;
import fermata.core.dsp.Decibels;
import fermata.core.model.MixerSettings;

import java.util.Arrays;

/**
 * One track's path: source, inserts, fader and pan, summed into the mix. Fader, pan, mute and
 * solo may change while playing (commands from the UI); the gains then ramp over one block so a
 * change never clicks. A muted or soloed-out track keeps rendering its source, silenced, so its
 * synthesizer stays in time and comes back mid-note when unmuted.
 */
final class ChannelStrip implements AutoCloseable {
    private final String trackId;
    private final TrackSource source;
    private final AudioProcessor[] inserts;
    private final float[][] buffer;
    private double gainDb;
    private double pan;
    private boolean mute;
    private boolean solo;
    private float leftGain;
    private float rightGain;
    private float sendGain;

    ChannelStrip(String trackId, TrackSource source, AudioProcessor[] inserts, MixerSettings mixer, int maxBlockFrames) {
        this.trackId = trackId;
        this.source = source;
        this.inserts = inserts;
        this.buffer = new float[2][maxBlockFrames];
        this.gainDb = mixer.gainDb();
        this.pan = mixer.pan();
        this.mute = mixer.mute();
        this.solo = mixer.solo();
    }

    String trackId() {
        return trackId;
    }

    TrackSource source() {
        return source;
    }

    boolean solo() {
        return solo;
    }

    void setGainDb(double db) {
        gainDb = db;
    }

    void setPan(double p) {
        pan = p;
    }

    void setMute(boolean m) {
        mute = m;
    }

    void setSolo(boolean s) {
        solo = s;
    }

    int latencyFrames() {
        int latency = 0;
        for (AudioProcessor p : inserts) {
            latency += p.latencyFrames();
        }
        return latency;
    }

    /** Sets the gains for the first block without a ramp, so a render starts at its true level. */
    void settle(boolean anySolo) {
        leftGain = targetLeft(anySolo);
        rightGain = targetRight(anySolo);
        sendGain = targetSend(anySolo);
    }

    private float targetSend(boolean anySolo) {
        return audible(anySolo) ? (float) Decibels.toGain(gainDb) : 0f;
    }

    /** Whether this strip feeds the shared reverb and chorus (a MIDI track on Fermata's synthesizer). */
    boolean hasReverbSend() {
        return source instanceof MidiTrackSource midi && midi.reverbSend() != null;
    }

    /**
     * Adds the source's reverb and chorus sends to the two buses after the fader (not the pan:
     * the effects are a room around all tracks), ramping gain changes over the block like the dry
     * signal.
     */
    void sendInto(float[] reverbBus, float[] chorusBus, int frames, boolean anySolo) {
        if (!(source instanceof MidiTrackSource midi) || midi.reverbSend() == null) {
            return;
        }
        float[] reverb = midi.reverbSend();
        float[] chorus = midi.chorusSend();
        float to = targetSend(anySolo);
        float step = (to - sendGain) / frames;
        float g = sendGain;
        if (g == 0f && to == 0f) {
            return;
        }
        for (int i = 0; i < frames; i++) {
            g += step;
            reverbBus[i] += reverb[i] * g;
            chorusBus[i] += chorus[i] * g;
        }
        sendGain = to;
    }

    private float targetLeft(boolean anySolo) {
        return audible(anySolo) ? (float) (Decibels.toGain(gainDb) * PanLaw.left(pan)) : 0f;
    }

    private float targetRight(boolean anySolo) {
        return audible(anySolo) ? (float) (Decibels.toGain(gainDb) * PanLaw.right(pan)) : 0f;
    }

    private boolean audible(boolean anySolo) {
        return !mute && (!anySolo || solo);
    }

    /** Renders the source through the inserts into this strip's own buffer; strips may do this in parallel. */
    void renderSource(long frame, int frames) {
        source.render(frame, buffer, frames);
        for (AudioProcessor p : inserts) {
            p.process(buffer, frames);
        }
    }

    /**
     * As {@link #renderSource} while the transport stands still: a MIDI track's synthesizer keeps
     * sounding (live input, release tails), an audio track is silent.
     */
    void renderIdle(int frames) {
        if (source instanceof MidiTrackSource midi) {
            midi.renderIdle(buffer, frames);
        } else {
            Arrays.fill(buffer[0], 0, frames, 0f);
            Arrays.fill(buffer[1], 0, frames, 0f);
        }
        for (AudioProcessor p : inserts) {
            p.process(buffer, frames);
        }
    }

    /** Adds the rendered buffer to the mix through fader and pan, ramping gain changes over the block. */
    void mixInto(float[][] mix, int frames, boolean anySolo) {
        float toLeft = targetLeft(anySolo);
        float toRight = targetRight(anySolo);
        float[] l = buffer[0];
        float[] r = buffer[1];
        float[] outL = mix[0];
        float[] outR = mix[1];
        if (toLeft == leftGain && toRight == rightGain) {
            if (leftGain == 0f && rightGain == 0f) {
                return;
            }
            for (int i = 0; i < frames; i++) {
                outL[i] += l[i] * leftGain;
                outR[i] += r[i] * rightGain;
            }
            return;
        }
        float stepL = (toLeft - leftGain) / frames;
        float stepR = (toRight - rightGain) / frames;
        for (int i = 0; i < frames; i++) {
            float gl = i == frames - 1 ? toLeft : leftGain + stepL * (i + 1);
            float gr = i == frames - 1 ? toRight : rightGain + stepR * (i + 1);
            outL[i] += l[i] * gl;
            outR[i] += r[i] * gr;
        }
        leftGain = toLeft;
        rightGain = toRight;
    }

    void locate(long frame, boolean cutSound) {
        source.locate(frame, cutSound);
        for (AudioProcessor p : inserts) {
            p.reset();
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
