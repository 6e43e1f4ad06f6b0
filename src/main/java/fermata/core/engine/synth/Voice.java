package fermata.core.engine.synth;

import static fermata.core.engine.synth.Generators.*;

/**
 * One sounding sample: a pre-allocated slot of the synthesizer's pool, set up at note-on from a
 * {@link Zone} and the channel state, then rendered sub-block by sub-block without allocating.
 *
 * <p>Everything that changes slowly (envelopes, LFOs, pitch, filter coefficients, pan and level)
 * is computed once per control sub-block of at most {@link #CONTROL_FRAMES} frames, and the level
 * is ramped linearly across the sub-block so it never steps. Per sample there is only linear
 * interpolation, the low-pass filter when the zone's cutoff is below {@link #FILTER_OPEN_CENTS},
 * and the stereo gain: this is what makes the engine fast. Linear interpolation is chosen over
 * cubic because SoundFont samples are mostly recorded at 44.1 kHz or more and played within an
 * octave or two of their root, where its high-frequency loss (under 1 dB below 5 kHz for a
 * sample played at its own rate) is far below what the instruments' own filters take away;
 * FluidSynth's default is a 4-point interpolator, Gervill's is cubic, both cost about three times
 * as much per sample.
 */
final class Voice {
    static final int CONTROL_FRAMES = 64;
    /** Cutoffs at or above this (19.9 kHz, the SF2 default) leave the filter out: fully open. */
    static final double FILTER_OPEN_CENTS = 13500;
    /** The voice ends once its release has taken it this far down (96 dB). */
    private static final double SILENT_CB = 960;
    /** SoundFonts were voiced on EMU hardware, which applies 0.4 of the initial attenuation (FluidSynth does the same). */
    private static final double ATTENUATION_SCALE = 0.4;
    /** How fast a voice cut by its exclusive class, all-sound-off or the voice limit fades out: 960 cB over this many seconds. */
    private static final double CUT_SECONDS = 0.005;

    private static final int DELAY = 0;
    private static final int ATTACK = 1;
    private static final int HOLD = 2;
    private static final int DECAY = 3;
    private static final int SUSTAIN = 4;
    private static final int RELEASE = 5;
    private static final int DONE = 6;

    boolean active;
    boolean released;
    /** Cut short (exclusive class, all sound off, over the graph's voice budget): fading out already. */
    boolean cutting;
    /** Frames since the note-off, to shed the longest-released voices first when over budget. */
    int releaseAge;
    boolean heldBySustain;
    int key;
    int exclusiveClass;
    long order;
    ChannelState channel;

    private final int outputRate;
    private float[] data;
    private double position;
    private int end;
    private int loopStart;
    private int loopEnd;
    private int loopMode;
    private boolean looping;

    private double pitchCents;
    private double rateRatio;
    private double attenuationCb;
    private double panBase;
    private float reverbSend;
    private float chorusSend;

    private int volStage;
    private double volTime;
    private double volDelay;
    private double volAttack;
    private double volHold;
    private double volDecay;
    private double volSustainCb;
    private double volRelease;
    private double volCb;
    private double volAmp;

    private int modStage;
    private double modTime;
    private double modDelay;
    private double modAttack;
    private double modHold;
    private double modDecay;
    private double modSustain;
    private double modRelease;
    private double modValue;
    private double modEnvToPitch;
    private double modEnvToFc;

    private double modLfoDelay;
    private double modLfoStep;
    private double modLfoPhase;
    private double modLfoToPitch;
    private double modLfoToFc;
    private double modLfoToVolume;
    private double vibLfoDelay;
    private double vibLfoStep;
    private double vibLfoPhase;
    private double vibLfoToPitch;
    private double lfoTime;

    private boolean filterOn;
    private double filterCents;
    private double filterQ;
    private float b0;
    private float b1;
    private float b2;
    private float a1;
    private float a2;
    private float x1;
    private float x2;
    private float y1;
    private float y2;

    /** The current sub-block: its length, frames left, where the level ramps to, and the slowly varying values at its start. */
    private int chunkFrames;
    private int chunkLeft;
    private boolean dirty;
    private double chunkStartAmp;
    private double chunkModLfo;
    private double chunkVibLfo;
    private double chunkModEnv;
    private double step;
    private double lastCents;
    private double lastFilterCents;
    private double lastCb;
    private double lastPan;
    private double attenuationGain;
    private double silentEnvelope;
    private double panLeft;
    private double panRight;
    private float sendScale = 1f;
    private float gainLeft;
    private float gainRight;
    private float targetLeft;
    private float targetRight;
    private float slopeLeft;
    private float slopeRight;

    Voice(int outputRate) {
        this.outputRate = outputRate;
    }

    /** Sets the voice up for {@code key} at {@code velocity} from {@code zone}; it sounds from the next render. */
    void start(Zone zone, ChannelState channel, int key, int velocity, long order) {
        int[] g = zone.gen;
        SampleData s = zone.sample;
        this.channel = channel;
        this.key = key;
        this.order = order;
        active = true;
        released = false;
        cutting = false;
        releaseAge = 0;
        heldBySustain = false;
        exclusiveClass = g[EXCLUSIVE_CLASS];
        data = s.data;
        int start = clamp(g[START_OFFSET] + 32768 * g[START_COARSE_OFFSET], 0, s.length - 1);
        end = clamp(s.length + g[END_OFFSET] + 32768 * g[END_COARSE_OFFSET], start + 1, s.length);
        loopStart = s.loopStart + g[START_LOOP_OFFSET] + 32768 * g[START_LOOP_COARSE_OFFSET];
        loopEnd = s.loopEnd + g[END_LOOP_OFFSET] + 32768 * g[END_LOOP_COARSE_OFFSET];
        loopMode = g[SAMPLE_MODES] & 3;
        if (loopMode == 2 || loopStart < 0 || loopEnd > s.length || loopEnd - loopStart < 2) {
            loopMode = 0;
        }
        looping = loopMode == 1 || loopMode == 3;
        position = start;

        int pitchKey = g[KEYNUM] >= 0 ? g[KEYNUM] : key;
        int vel = g[VELOCITY] >= 0 ? g[VELOCITY] : velocity;
        int root = g[OVERRIDING_ROOT_KEY] >= 0 ? g[OVERRIDING_ROOT_KEY] : s.originalPitch;
        pitchCents = (pitchKey - root) * (double) g[SCALE_TUNING] + 100.0 * g[COARSE_TUNE] + g[FINE_TUNE]
                + s.pitchCorrection;
        rateRatio = (double) s.sampleRate / outputRate;
        // A negative initial attenuation (some banks use it as a boost) counts against the
        // velocity and volume curves; only the total is kept at 0 or more, as in FluidSynth.
        attenuationCb = ATTENUATION_SCALE * g[INITIAL_ATTENUATION] + ChannelState.concaveCb(vel);
        panBase = g[PAN];
        reverbSend = clamp(g[REVERB_SEND], 0, 1000) / 1000f;
        chorusSend = clamp(g[CHORUS_SEND], 0, 1000) / 1000f;

        int keyOffset = 60 - key;
        volDelay = frames(g[VOL_ENV_DELAY]);
        volAttack = frames(g[VOL_ENV_ATTACK]);
        volHold = frames(g[VOL_ENV_HOLD] + g[KEY_TO_VOL_ENV_HOLD] * keyOffset);
        volDecay = frames(g[VOL_ENV_DECAY] + g[KEY_TO_VOL_ENV_DECAY] * keyOffset);
        volSustainCb = clamp(g[VOL_ENV_SUSTAIN], 0, 1440);
        volRelease = frames(g[VOL_ENV_RELEASE]);
        volStage = DELAY;
        volTime = 0;
        volCb = 0;
        volAmp = 0;

        modDelay = frames(g[MOD_ENV_DELAY]);
        modAttack = frames(g[MOD_ENV_ATTACK]);
        modHold = frames(g[MOD_ENV_HOLD] + g[KEY_TO_MOD_ENV_HOLD] * keyOffset);
        modDecay = frames(g[MOD_ENV_DECAY] + g[KEY_TO_MOD_ENV_DECAY] * keyOffset);
        modSustain = 1 - clamp(g[MOD_ENV_SUSTAIN], 0, 1000) / 1000.0;
        modRelease = frames(g[MOD_ENV_RELEASE]);
        modStage = DELAY;
        modTime = 0;
        modValue = 0;
        modEnvToPitch = g[MOD_ENV_TO_PITCH];
        modEnvToFc = g[MOD_ENV_TO_FC];

        modLfoDelay = frames(g[MOD_LFO_DELAY]);
        modLfoStep = Generators.hertz(g[MOD_LFO_FREQ]) / outputRate;
        modLfoPhase = 0;
        modLfoToPitch = g[MOD_LFO_TO_PITCH];
        modLfoToFc = g[MOD_LFO_TO_FC];
        modLfoToVolume = g[MOD_LFO_TO_VOLUME];
        vibLfoDelay = frames(g[VIB_LFO_DELAY]);
        vibLfoStep = Generators.hertz(g[VIB_LFO_FREQ]) / outputRate;
        vibLfoPhase = 0;
        vibLfoToPitch = g[VIB_LFO_TO_PITCH];
        lfoTime = 0;

        // SF2.04's default velocity-to-cutoff modulator is left out, as FluidSynth 2 and Gervill
        // leave it out: it would darken every note below velocity 127 (see ADR 0041).
        filterCents = g[FILTER_FC];
        filterQ = Math.pow(10, (clamp(g[FILTER_Q], 0, 960) / 10.0 - 3.01) / 20);
        filterOn = filterCents < FILTER_OPEN_CENTS || modEnvToFc != 0 || modLfoToFc != 0;
        x1 = x2 = y1 = y2 = 0;
        gainLeft = 0;
        gainRight = 0;
        chunkFrames = 0;
        chunkLeft = 0;
        dirty = false;
        lastCents = Double.NaN;
        lastFilterCents = Double.NaN;
        lastCb = Double.NaN;
        lastPan = Double.NaN;
    }

    private double frames(double timecents) {
        return Generators.seconds(timecents) * outputRate;
    }

    /**
     * Note-off (or sustain pedal up) at the current frame, which may lie inside a control
     * sub-block: the volume envelope leaves from the level the ramp has reached here, so the
     * release starts on this very sample; a mode-3 loop plays out to the sample's end.
     */
    void release() {
        if (released) {
            return;
        }
        released = true;
        heldBySustain = false;
        if (loopMode == 3) {
            looping = false;
        }
        if (volStage < RELEASE) {
            double now = chunkFrames == 0 ? volAmp
                    : chunkStartAmp + (volAmp - chunkStartAmp) * (chunkFrames - chunkLeft) / chunkFrames;
            volAmp = now;
            volCb = now <= 1e-5 ? SILENT_CB : -200 * Math.log10(now);
            volStage = RELEASE;
            advanceVolEnv(chunkLeft);
        }
        if (modStage < RELEASE) {
            modStage = RELEASE;
        }
        dirty = true;
    }

    /** Fades out within a few milliseconds: exclusive class cut, all sound off. */
    void cut() {
        cutting = true;
        volRelease = Math.min(volRelease, CUT_SECONDS * outputRate);
        release();
    }

    /** Something the level, pan or pitch depends on changed (a controller, bend): re-aim the current sub-block. */
    void channelChanged() {
        dirty = true;
    }

    /**
     * Adds frames {@code [from, to)} of this voice to {@code left}, {@code right} and the reverb
     * and chorus sends. Control sub-blocks are counted from the voice's own start, not cut at the caller's
     * block or message boundaries, so a voice sounds the same wherever it starts in a block.
     */
    void render(float[] left, float[] right, float[] reverb, float[] chorus, int from, int to) {
        if (released) {
            releaseAge += to - from;
        }
        int at = from;
        while (at < to && active) {
            if (chunkLeft == 0) {
                control();
            } else if (dirty) {
                aim();
            }
            int n = Math.min(chunkLeft, to - at);
            int done = mix(left, right, reverb, chorus, at, n);
            at += done;
            chunkLeft -= done;
            if (done < n || chunkLeft == 0 && volStage == DONE) {
                active = false;
            }
        }
    }

    /** Starts a sub-block: LFOs and the modulation envelope as they are now, the volume envelope as it will be at its end. */
    private void control() {
        chunkModLfo = lfoTime < modLfoDelay ? 0 : triangle(modLfoPhase);
        chunkVibLfo = lfoTime < vibLfoDelay ? 0 : triangle(vibLfoPhase);
        chunkModEnv = modValue;
        advanceLfos(CONTROL_FRAMES);
        advanceModEnv(CONTROL_FRAMES);
        chunkStartAmp = volAmp;
        advanceVolEnv(CONTROL_FRAMES);
        chunkFrames = CONTROL_FRAMES;
        chunkLeft = CONTROL_FRAMES;
        aim();
    }

    /** Pitch, filter and the gain ramp to the end of the current sub-block. */
    private void aim() {
        // Each transcendental is recomputed only when its input moved: most sub-blocks of most
        // voices change nothing but the envelope.
        double cents = pitchCents + channel.bendCents + chunkModEnv * modEnvToPitch + chunkModLfo * modLfoToPitch
                + chunkVibLfo * (vibLfoToPitch + channel.vibratoCents);
        if (cents != lastCents) {
            lastCents = cents;
            step = rateRatio * Math.pow(2, cents / 1200);
        }
        if (filterOn) {
            double fc = filterCents + chunkModEnv * modEnvToFc + chunkModLfo * modLfoToFc;
            if (fc != lastFilterCents) {
                lastFilterCents = fc;
                coefficients(fc);
            }
        }
        // SF2.04 8.1.2 (modLfoToVolume): a positive amount makes a positive LFO swing louder, so it lowers the attenuation.
        double cb = Math.max(0, attenuationCb + channel.attenuationCb - chunkModLfo * modLfoToVolume);
        if (cb != lastCb) {
            lastCb = cb;
            attenuationGain = Math.pow(10, -cb / 200);
            // A released voice is over once it is 96 dB down with all its attenuation counted,
            // not just its envelope's: FluidSynth ends voices the same way.
            silentEnvelope = Math.pow(10, -(SILENT_CB - cb) / 200);
        }
        double pan = Math.max(-500, Math.min(500, panBase + channel.pan));
        if (pan != lastPan) {
            lastPan = pan;
            double angle = (pan + 500) / 1000 * Math.PI / 2;
            panLeft = Math.cos(angle);
            panRight = Math.sin(angle);
            // The effect sends take the left plus right gains, which the equal-power law makes 1 at
            // the sides and 1.41 in the centre; this keeps the send level independent of pan.
            sendScale = (float) (1 / (panLeft + panRight));
        }
        double level = volAmp * attenuationGain;
        if (released && volAmp < silentEnvelope) {
            volStage = DONE;
            level = 0;
        }
        targetLeft = (float) (level * panLeft);
        targetRight = (float) (level * panRight);
        slopeLeft = (targetLeft - gainLeft) / chunkLeft;
        slopeRight = (targetRight - gainRight) / chunkLeft;
        dirty = false;
    }

    /** Mixes up to {@code n} frames from {@code from}; fewer when a sample without loop runs out. */
    private int mix(float[] left, float[] right, float[] reverb, float[] chorus, int from, int n) {
        int frames = n;
        if (!looping) {
            double remaining = (end - position) / step;
            if (remaining < frames) {
                frames = Math.max(0, (int) Math.ceil(remaining));
            }
        }
        float gl = gainLeft;
        float gr = gainRight;
        float dl = slopeLeft;
        float dr = slopeRight;
        float toReverb = (reverbSend + channel.reverbSend) * sendScale;
        float toChorus = (chorusSend + channel.chorusSend) * sendScale;
        float[] d = data;
        double pos = position;
        double inc = step;
        int le = looping ? loopEnd : Integer.MAX_VALUE;
        int ll = loopEnd - loopStart;
        int stop = from + frames;
        // Four loops (filter or not, chorus send or not) so that none of them branches inside:
        // this is where nearly all the synthesizer's time goes.
        if (filterOn) {
            float fx1 = x1;
            float fx2 = x2;
            float fy1 = y1;
            float fy2 = y2;
            if (toChorus == 0f) {
                for (int i = from; i < stop; i++) {
                    int idx = (int) pos;
                    float frac = (float) (pos - idx);
                    int next = idx + 1 >= le ? idx + 1 - ll : idx + 1;
                    float u = d[idx] + (d[next] - d[idx]) * frac;
                    float x = b0 * u + b1 * fx1 + b2 * fx2 - a1 * fy1 - a2 * fy2;
                    fx2 = fx1;
                    fx1 = u;
                    fy2 = fy1;
                    fy1 = x;
                    gl += dl;
                    gr += dr;
                    left[i] += x * gl;
                    right[i] += x * gr;
                    float mono = x * (gl + gr);
                    reverb[i] += mono * toReverb;
                    pos += inc;
                    while (pos >= le) {
                        pos -= ll;
                    }
                }
            } else {
                for (int i = from; i < stop; i++) {
                    int idx = (int) pos;
                    float frac = (float) (pos - idx);
                    int next = idx + 1 >= le ? idx + 1 - ll : idx + 1;
                    float u = d[idx] + (d[next] - d[idx]) * frac;
                    float x = b0 * u + b1 * fx1 + b2 * fx2 - a1 * fy1 - a2 * fy2;
                    fx2 = fx1;
                    fx1 = u;
                    fy2 = fy1;
                    fy1 = x;
                    gl += dl;
                    gr += dr;
                    left[i] += x * gl;
                    right[i] += x * gr;
                    float mono = x * (gl + gr);
                    reverb[i] += mono * toReverb;
                    chorus[i] += mono * toChorus;
                    pos += inc;
                    while (pos >= le) {
                        pos -= ll;
                    }
                }
            }
            x1 = fx1;
            x2 = fx2;
            // Flush values that would decay into denormals, which are slow on x86.
            y1 = Math.abs(fy1) < 1e-20f ? 0 : fy1;
            y2 = Math.abs(fy2) < 1e-20f ? 0 : fy2;
        } else if (toChorus == 0f) {
            for (int i = from; i < stop; i++) {
                int idx = (int) pos;
                float frac = (float) (pos - idx);
                int next = idx + 1 >= le ? idx + 1 - ll : idx + 1;
                float x = d[idx] + (d[next] - d[idx]) * frac;
                gl += dl;
                gr += dr;
                left[i] += x * gl;
                right[i] += x * gr;
                float mono = x * (gl + gr);
                reverb[i] += mono * toReverb;
                pos += inc;
                while (pos >= le) {
                    pos -= ll;
                }
            }
        } else {
            for (int i = from; i < stop; i++) {
                int idx = (int) pos;
                float frac = (float) (pos - idx);
                int next = idx + 1 >= le ? idx + 1 - ll : idx + 1;
                float x = d[idx] + (d[next] - d[idx]) * frac;
                gl += dl;
                gr += dr;
                left[i] += x * gl;
                right[i] += x * gr;
                float mono = x * (gl + gr);
                reverb[i] += mono * toReverb;
                chorus[i] += mono * toChorus;
                pos += inc;
                while (pos >= le) {
                    pos -= ll;
                }
            }
        }
        position = pos;
        if (frames == chunkLeft) {
            gainLeft = targetLeft;
            gainRight = targetRight;
        } else {
            gainLeft = gl;
            gainRight = gr;
        }
        return frames;
    }

    private static double triangle(double phase) {
        return phase < 0.25 ? 4 * phase : phase < 0.75 ? 2 - 4 * phase : 4 * phase - 4;
    }

    private void advanceLfos(int n) {
        if (lfoTime >= modLfoDelay) {
            modLfoPhase = (modLfoPhase + modLfoStep * n) % 1.0;
        }
        if (lfoTime >= vibLfoDelay) {
            vibLfoPhase = (vibLfoPhase + vibLfoStep * n) % 1.0;
        }
        lfoTime += n;
    }

    /** Modulation envelope, 0..1, linear segments; its value at a sub-block's start drives pitch and cutoff. */
    private void advanceModEnv(double n) {
        while (n > 0) {
            switch (modStage) {
                case DELAY -> {
                    double take = Math.min(n, modDelay - modTime);
                    modTime += take;
                    n -= take;
                    if (modTime >= modDelay) {
                        modStage = ATTACK;
                        modTime = 0;
                    }
                }
                case ATTACK -> {
                    double take = Math.min(n, modAttack - modTime);
                    modTime += take;
                    n -= take;
                    modValue = modAttack <= 0 ? 1 : modTime / modAttack;
                    if (modTime >= modAttack) {
                        modValue = 1;
                        modStage = HOLD;
                        modTime = 0;
                    }
                }
                case HOLD -> {
                    double take = Math.min(n, modHold - modTime);
                    modTime += take;
                    n -= take;
                    if (modTime >= modHold) {
                        modStage = DECAY;
                    }
                }
                case DECAY -> {
                    modValue -= modDecay <= 0 ? 1 : n / modDecay;
                    n = 0;
                    if (modValue <= modSustain) {
                        modValue = modSustain;
                        modStage = SUSTAIN;
                    }
                }
                case RELEASE -> {
                    modValue -= modRelease <= 0 ? 1 : n / modRelease;
                    n = 0;
                    if (modValue <= 0) {
                        modValue = 0;
                        modStage = DONE;
                    }
                }
                default -> n = 0;
            }
        }
    }

    /**
     * Volume envelope: linear amplitude in the attack, then attenuation in centibels (SF2 decay
     * and release times are for a 96 dB change, so they fall in straight lines of dB).
     */
    private void advanceVolEnv(double n) {
        while (n > 0) {
            switch (volStage) {
                case DELAY -> {
                    double take = Math.min(n, volDelay - volTime);
                    volTime += take;
                    n -= take;
                    if (volTime >= volDelay) {
                        volStage = ATTACK;
                        volTime = 0;
                    }
                }
                case ATTACK -> {
                    double take = Math.min(n, volAttack - volTime);
                    volTime += take;
                    n -= take;
                    volAmp = volAttack <= 0 ? 1 : volTime / volAttack;
                    if (volTime >= volAttack) {
                        volAmp = 1;
                        volCb = 0;
                        volStage = HOLD;
                        volTime = 0;
                    }
                }
                case HOLD -> {
                    double take = Math.min(n, volHold - volTime);
                    volTime += take;
                    n -= take;
                    if (volTime >= volHold) {
                        volStage = DECAY;
                    }
                }
                case DECAY -> {
                    volCb += volDecay <= 0 ? SILENT_CB : SILENT_CB * n / volDecay;
                    n = 0;
                    if (volCb >= volSustainCb) {
                        volCb = volSustainCb;
                        volStage = SUSTAIN;
                    }
                    volAmp = amplitude(volCb);
                }
                case SUSTAIN -> n = 0;
                case RELEASE -> {
                    volCb += volRelease <= 0 ? SILENT_CB : SILENT_CB * n / volRelease;
                    n = 0;
                    if (volCb >= SILENT_CB) {
                        volStage = DONE;
                        volAmp = 0;
                    } else {
                        volAmp = amplitude(volCb);
                    }
                }
                default -> {
                    volAmp = 0;
                    n = 0;
                }
            }
        }
    }

    private static double amplitude(double cb) {
        return Math.pow(10, -cb / 200);
    }

    /** RBJ low-pass biquad at {@code cents} (absolute cents) with the zone's resonance. */
    private void coefficients(double cents) {
        double hz = Math.min(Generators.hertz(cents), 0.45 * outputRate);
        double w = 2 * Math.PI * Math.max(hz, 20) / outputRate;
        double alpha = Math.sin(w) / (2 * filterQ);
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        b1 = (float) ((1 - cos) / a0);
        b0 = b1 * 0.5f;
        b2 = b0;
        a1 = (float) (-2 * cos / a0);
        a2 = (float) ((1 - alpha) / a0);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
