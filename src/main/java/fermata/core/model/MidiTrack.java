package fermata.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A track of MIDI clips played by one instrument. */
public record MidiTrack(String id, String name, Instrument instrument, MixerSettings mixer, List<MidiClip> clips)
        implements Track {
    public MidiTrack {
        Check.nonBlank("track id", id);
        name = name == null ? "" : name;
        clips = List.copyOf(clips);
    }

    @Override
    public MidiTrack withName(String newName) {
        return new MidiTrack(id, newName, instrument, mixer, clips);
    }

    @Override
    public MidiTrack withMixer(MixerSettings newMixer) {
        return new MidiTrack(id, name, instrument, newMixer, clips);
    }

    public MidiTrack withInstrument(Instrument newInstrument) {
        return new MidiTrack(id, name, newInstrument, mixer, clips);
    }

    public MidiTrack withClips(List<MidiClip> newClips) {
        return new MidiTrack(id, name, instrument, mixer, newClips);
    }

    public MidiClip clip(String clipId) {
        for (MidiClip c : clips) {
            if (c.id().equals(clipId)) {
                return c;
            }
        }
        throw new IllegalArgumentException("track " + id + " has no clip " + clipId);
    }

    /** A copy with one clip replaced by the result of {@code change}. */
    public MidiTrack withClip(String clipId, UnaryOperator<MidiClip> change) {
        List<MidiClip> next = new ArrayList<>(clips);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(clipId)) {
                next.set(i, change.apply(next.get(i)));
                return withClips(next);
            }
        }
        throw new IllegalArgumentException("track " + id + " has no clip " + clipId);
    }

    public int noteCount() {
        int n = 0;
        for (MidiClip c : clips) {
            n += c.notes().size();
        }
        return n;
    }
}
