package fermata.core.engine.synth;

/** A SoundFont preset ready to play: its bank (the SF2 wBank times 128, as the JDK numbers it), program and zones. */
final class Preset {
    final int bank;
    final int program;
    final boolean percussion;
    final Zone[] zones;

    Preset(int bank, int program, boolean percussion, Zone[] zones) {
        this.bank = bank;
        this.program = program;
        this.percussion = percussion;
        this.zones = zones;
    }
}
