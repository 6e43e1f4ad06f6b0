package fermata.core.engine.synth;

/**
 * The controller state of one MIDI channel, reduced to what the voices read once per control
 * sub-block: the default SF2.04 modulators (section 8.4) are applied here, at the moment a
 * controller changes, so a voice only adds numbers.
 */
final class ChannelState {
    static final int DRUM_CHANNEL = 9;
    private static final int RPN_NULL = 127;

    final int number;
    Preset preset;
    int program;
    /** Bank select MSB (CC0); the LSB (CC32) is ignored, since the JDK's SF2 bank numbers carry none. */
    int bankMsb;
    boolean sustain;
    /** Pitch bend in cents (RPN 0 range). */
    double bendCents;
    /** CC7 volume and CC11 expression, each through the negative concave curve, 960 cB at most. */
    double attenuationCb;
    /** CC10 in SF2 pan units (-500 left .. 500 right). */
    double pan;
    /** CC1 mod wheel and channel pressure to vibrato LFO pitch depth, 50 cents each at full. */
    double vibratoCents;
    /** CC91 reverb send through its SF2 default modulator: 20 % at 127. */
    float reverbSend;
    /** CC93 chorus send through its SF2 default modulator: 20 % at 127. */
    float chorusSend;
    private int bend;
    private int bendRangeCents;
    private int volume;
    private int expression;
    private int modWheel;
    private int pressure;
    private int rpnMsb;
    private int rpnLsb;

    ChannelState(int number) {
        this.number = number;
        reset();
        resetControllers();
    }

    boolean percussion() {
        return number == DRUM_CHANNEL;
    }

    /** Power-on state: program 0, bank 0, default controllers. */
    void reset() {
        program = 0;
        bankMsb = 0;
        volume = 100;
        pan = 0;
        bendRangeCents = 200;
        controller(91, 40);
        controller(93, 0);
    }

    /** Reset All Controllers (CC121) as General MIDI defines it: volume, pan and sends stay. */
    void resetControllers() {
        bend = 8192;
        expression = 127;
        modWheel = 0;
        pressure = 0;
        sustain = false;
        rpnMsb = RPN_NULL;
        rpnLsb = RPN_NULL;
        update();
    }

    void pitchBend(int lsb, int msb) {
        bend = (msb << 7) | lsb;
        update();
    }

    void pressure(int value) {
        pressure = value;
        update();
    }

    /** Applies a controller that changes channel state; others (notes off, sound off) are the synthesizer's. */
    void controller(int cc, int value) {
        switch (cc) {
            case 0 -> bankMsb = value;
            case 1 -> modWheel = value;
            case 7 -> volume = value;
            case 10 -> pan = (value - 64) / 64.0 * 500;
            case 11 -> expression = value;
            case 64 -> sustain = value >= 64;
            case 91 -> reverbSend = 0.2f * value / 127;
            case 93 -> chorusSend = 0.2f * value / 127;
            case 101 -> rpnMsb = value;
            case 100 -> rpnLsb = value;
            case 98, 99 -> {
                rpnMsb = RPN_NULL;
                rpnLsb = RPN_NULL;
            }
            case 6 -> {
                if (rpnMsb == 0 && rpnLsb == 0) {
                    bendRangeCents = value * 100 + bendRangeCents % 100;
                }
            }
            case 38 -> {
                if (rpnMsb == 0 && rpnLsb == 0) {
                    bendRangeCents = bendRangeCents / 100 * 100 + Math.min(value, 99);
                }
            }
            default -> {
                return;
            }
        }
        update();
    }

    private void update() {
        bendCents = (bend - 8192) / 8192.0 * bendRangeCents;
        attenuationCb = Math.min(960, concaveCb(volume) + concaveCb(expression));
        vibratoCents = 50.0 * modWheel / 127 + 50.0 * pressure / 127;
    }

    /** 960 cB times the SF2 negative concave curve of a 7-bit value: 40 log10(v / 127) dB. */
    static double concaveCb(int value) {
        return value <= 0 ? 960 : Math.min(960, -400 * Math.log10(value / 127.0));
    }
}
