package fermata.core.engine.synth;

/** SF2.04 generator numbers (section 8.1.2) that the voice engine reads, and unit conversions. */
final class Generators {
    static final int COUNT = 61;
    static final int START_OFFSET = 0;
    static final int END_OFFSET = 1;
    static final int START_LOOP_OFFSET = 2;
    static final int END_LOOP_OFFSET = 3;
    static final int START_COARSE_OFFSET = 4;
    static final int MOD_LFO_TO_PITCH = 5;
    static final int VIB_LFO_TO_PITCH = 6;
    static final int MOD_ENV_TO_PITCH = 7;
    static final int FILTER_FC = 8;
    static final int FILTER_Q = 9;
    static final int MOD_LFO_TO_FC = 10;
    static final int MOD_ENV_TO_FC = 11;
    static final int END_COARSE_OFFSET = 12;
    static final int MOD_LFO_TO_VOLUME = 13;
    static final int CHORUS_SEND = 15;
    static final int REVERB_SEND = 16;
    static final int PAN = 17;
    static final int MOD_LFO_DELAY = 21;
    static final int MOD_LFO_FREQ = 22;
    static final int VIB_LFO_DELAY = 23;
    static final int VIB_LFO_FREQ = 24;
    static final int MOD_ENV_DELAY = 25;
    static final int MOD_ENV_ATTACK = 26;
    static final int MOD_ENV_HOLD = 27;
    static final int MOD_ENV_DECAY = 28;
    static final int MOD_ENV_SUSTAIN = 29;
    static final int MOD_ENV_RELEASE = 30;
    static final int KEY_TO_MOD_ENV_HOLD = 31;
    static final int KEY_TO_MOD_ENV_DECAY = 32;
    static final int VOL_ENV_DELAY = 33;
    static final int VOL_ENV_ATTACK = 34;
    static final int VOL_ENV_HOLD = 35;
    static final int VOL_ENV_DECAY = 36;
    static final int VOL_ENV_SUSTAIN = 37;
    static final int VOL_ENV_RELEASE = 38;
    static final int KEY_TO_VOL_ENV_HOLD = 39;
    static final int KEY_TO_VOL_ENV_DECAY = 40;
    static final int INSTRUMENT = 41;
    static final int KEY_RANGE = 43;
    static final int VEL_RANGE = 44;
    static final int START_LOOP_COARSE_OFFSET = 45;
    static final int KEYNUM = 46;
    static final int VELOCITY = 47;
    static final int INITIAL_ATTENUATION = 48;
    static final int END_LOOP_COARSE_OFFSET = 50;
    static final int COARSE_TUNE = 51;
    static final int FINE_TUNE = 52;
    static final int SAMPLE_ID = 53;
    static final int SAMPLE_MODES = 54;
    static final int SCALE_TUNING = 56;
    static final int EXCLUSIVE_CLASS = 57;
    static final int OVERRIDING_ROOT_KEY = 58;

    private Generators() {
    }

    /** Whether a preset-level zone may set this generator (SF2.04 section 8.1.3: not sample offsets, modes, fixed key or velocity). */
    static boolean validAtPresetLevel(int gen) {
        return switch (gen) {
            case START_OFFSET, END_OFFSET, START_LOOP_OFFSET, END_LOOP_OFFSET, START_COARSE_OFFSET,
                 END_COARSE_OFFSET, START_LOOP_COARSE_OFFSET, KEYNUM, VELOCITY, END_LOOP_COARSE_OFFSET,
                 SAMPLE_MODES, EXCLUSIVE_CLASS, OVERRIDING_ROOT_KEY, INSTRUMENT, SAMPLE_ID -> false;
            default -> true;
        };
    }

    /**
     * A summed generator kept within its SF2.04 range (section 8.1.3), as FluidSynth keeps it: a
     * preset's offset added to an instrument's value may otherwise ask for a 9-hour release or a
     * cutoff above the range the filter is voiced for.
     */
    static int clamp(int gen, int value) {
        return switch (gen) {
            case MOD_LFO_DELAY, VIB_LFO_DELAY, MOD_ENV_DELAY, VOL_ENV_DELAY, MOD_ENV_HOLD, VOL_ENV_HOLD ->
                    Math.max(-12000, Math.min(5000, value));
            case MOD_ENV_ATTACK, MOD_ENV_DECAY, MOD_ENV_RELEASE, VOL_ENV_ATTACK, VOL_ENV_DECAY, VOL_ENV_RELEASE ->
                    Math.max(-12000, Math.min(8000, value));
            case FILTER_FC -> Math.max(1500, Math.min(13500, value));
            case FILTER_Q -> Math.max(0, Math.min(960, value));
            case INITIAL_ATTENUATION -> Math.min(1440, value);
            case MOD_ENV_SUSTAIN -> Math.max(0, Math.min(1000, value));
            case VOL_ENV_SUSTAIN -> Math.max(0, Math.min(1440, value));
            default -> value;
        };
    }

    /**
     * Timecents to seconds. The SF2 minimum, -12000 (about 1 ms), and below are taken as instant:
     * envelopes advance per 64-frame control block (1.3 ms at 48 kHz), which is coarser anyway.
     */
    static double seconds(double timecents) {
        return timecents <= -12000 ? 0 : Math.pow(2, timecents / 1200);
    }

    /** Absolute cents to hertz (0 = 8.176 Hz, MIDI key 0). */
    static double hertz(double absoluteCents) {
        return 8.176 * Math.pow(2, absoluteCents / 1200);
    }
}
