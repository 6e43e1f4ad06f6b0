package fermata.core.model;

/**
 * What a MIDI track plays: a General MIDI program in a bank, on a channel.
 *
 * @param program 0..127 (General MIDI numbers minus one)
 * @param bankMsb bank select controller 0, 0..127
 * @param bankLsb bank select controller 32, 0..127
 * @param channel MIDI channel 0..15; 9 is the General MIDI drum channel
 */
public record Instrument(int program, int bankMsb, int bankLsb, int channel) {
    public static final Instrument PIANO = new Instrument(0, 0, 0, 0);
    public static final int DRUM_CHANNEL = 9;

    public Instrument {
        Check.range("program", program, 0, 127);
        Check.range("bank MSB", bankMsb, 0, 127);
        Check.range("bank LSB", bankLsb, 0, 127);
        Check.range("channel", channel, 0, 15);
    }

    public boolean isDrums() {
        return channel == DRUM_CHANNEL;
    }

    public Instrument withProgram(int newProgram) {
        return new Instrument(newProgram, bankMsb, bankLsb, channel);
    }

    public Instrument withChannel(int newChannel) {
        return new Instrument(program, bankMsb, bankLsb, newChannel);
    }
}
