package fermata.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A whole song: tracks, tempo and meter, the media its audio clips use and the master bus.
 * Immutable: every edit makes a new value that shares the unchanged tracks and clips with the old
 * one, which is what makes undo cheap.
 *
 * @param sampleRate the rate audio clip positions are counted in, and the default render rate
 */
public record Project(String name, int sampleRate, TempoMap tempoMap, List<TimeSignature> timeSignatures,
                      List<KeySignature> keySignatures, List<Track> tracks, List<MediaRef> media,
                      MixerSettings master) {

    public Project {
        name = name == null ? "" : name;
        Check.range("sample rate", sampleRate, 8000, 384_000);
        List<TimeSignature> ts = new ArrayList<>(timeSignatures);
        ts.sort(Comparator.comparingLong(TimeSignature::tick));
        if (ts.isEmpty() || ts.get(0).tick() != 0) {
            ts.add(0, TimeSignature.COMMON);
        }
        timeSignatures = List.copyOf(ts);
        List<KeySignature> ks = new ArrayList<>(keySignatures);
        ks.sort(Comparator.comparingLong(KeySignature::tick));
        keySignatures = List.copyOf(ks);
        tracks = List.copyOf(tracks);
        media = List.copyOf(media);
        requireUniqueIds(tracks);
    }

    private static void requireUniqueIds(List<Track> tracks) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Track t : tracks) {
            if (!seen.add(t.id())) {
                throw new IllegalArgumentException("two tracks share the id " + t.id());
            }
        }
    }

    /** An empty project at 120 BPM in 4/4, 48 kHz. */
    public static Project empty(String name) {
        return new Project(name, 48_000, TempoMap.DEFAULT, List.of(TimeSignature.COMMON), List.of(), List.of(),
                List.of(), MixerSettings.UNITY);
    }

    public Project withName(String n) {
        return new Project(n, sampleRate, tempoMap, timeSignatures, keySignatures, tracks, media, master);
    }

    public Project withTempoMap(TempoMap map) {
        return new Project(name, sampleRate, map, timeSignatures, keySignatures, tracks, media, master);
    }

    public Project withTimeSignatures(List<TimeSignature> list) {
        return new Project(name, sampleRate, tempoMap, list, keySignatures, tracks, media, master);
    }

    public Project withKeySignatures(List<KeySignature> list) {
        return new Project(name, sampleRate, tempoMap, timeSignatures, list, tracks, media, master);
    }

    public Project withTracks(List<Track> list) {
        return new Project(name, sampleRate, tempoMap, timeSignatures, keySignatures, list, media, master);
    }

    public Project withMedia(List<MediaRef> list) {
        return new Project(name, sampleRate, tempoMap, timeSignatures, keySignatures, tracks, list, master);
    }

    public Project withMaster(MixerSettings m) {
        return new Project(name, sampleRate, tempoMap, timeSignatures, keySignatures, tracks, media, m);
    }

    public Project withSampleRate(int rate) {
        return new Project(name, rate, tempoMap, timeSignatures, keySignatures, tracks, media, master);
    }

    public int indexOfTrack(String trackId) {
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).id().equals(trackId)) {
                return i;
            }
        }
        return -1;
    }

    public Track track(String trackId) {
        int i = indexOfTrack(trackId);
        if (i < 0) {
            throw new IllegalArgumentException("no track " + trackId);
        }
        return tracks.get(i);
    }

    public MidiTrack midiTrack(String trackId) {
        if (track(trackId) instanceof MidiTrack m) {
            return m;
        }
        throw new IllegalArgumentException("track " + trackId + " is not a MIDI track");
    }

    public AudioTrack audioTrack(String trackId) {
        if (track(trackId) instanceof AudioTrack a) {
            return a;
        }
        throw new IllegalArgumentException("track " + trackId + " is not an audio track");
    }

    /** A copy with one track replaced by the result of {@code change}; other tracks are shared. */
    public Project withTrack(String trackId, UnaryOperator<Track> change) {
        int i = indexOfTrack(trackId);
        if (i < 0) {
            throw new IllegalArgumentException("no track " + trackId);
        }
        List<Track> next = new ArrayList<>(tracks);
        next.set(i, change.apply(tracks.get(i)));
        return withTracks(next);
    }

    public Optional<MediaRef> mediaById(String mediaId) {
        return media.stream().filter(m -> m.id().equals(mediaId)).findFirst();
    }

    /** The time signature in force at a tick. */
    public TimeSignature timeSignatureAt(long tick) {
        TimeSignature current = timeSignatures.get(0);
        for (TimeSignature ts : timeSignatures) {
            if (ts.tick() > tick) {
                break;
            }
            current = ts;
        }
        return current;
    }

    /** The tick just after the last note or clip ends; 0 for an empty project. */
    public long endTick() {
        long end = 0;
        for (Track t : tracks) {
            if (t instanceof MidiTrack m) {
                for (MidiClip c : m.clips()) {
                    end = Math.max(end, c.endTick());
                    for (Note n : c.notes()) {
                        end = Math.max(end, c.startTick() + n.endTick());
                    }
                    if (!c.events().isEmpty()) {
                        end = Math.max(end, c.startTick() + c.events().get(c.events().size() - 1).tick());
                    }
                }
            }
        }
        return end;
    }

    /** Length in seconds: the last MIDI note or the last audio clip, whichever ends later. */
    public double durationSeconds() {
        double end = tempoMap.seconds(endTick());
        for (Track t : tracks) {
            if (t instanceof AudioTrack a) {
                for (AudioClip c : a.clips()) {
                    double clipSeconds = (double) c.positionFrame() / sampleRate
                            + mediaById(c.mediaId()).map(m -> (double) c.lengthFrames() / m.sampleRate())
                                    .orElse((double) c.lengthFrames() / sampleRate);
                    end = Math.max(end, clipSeconds);
                }
            }
        }
        return end;
    }

    public int noteCount() {
        int n = 0;
        for (Track t : tracks) {
            if (t instanceof MidiTrack m) {
                n += m.noteCount();
            }
        }
        return n;
    }
}
