package fermata.core.model;

/** A lane of the project: MIDI notes played by an instrument, or audio clips. */
public sealed interface Track permits MidiTrack, AudioTrack {
    String id();

    String name();

    MixerSettings mixer();

    Track withName(String newName);

    Track withMixer(MixerSettings newMixer);
}
