package fermata.core.project;

import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.FadeCurve;
import fermata.core.model.Marker;
import fermata.core.model.ControlEvent;
import fermata.core.model.InsertSettings;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a parsed file of the current format version onto the model, field by field (the mirror of
 * {@link ProjectJsonWriter}). Older versions reach it only through {@link ProjectMigrations}.
 * Every problem is a {@link FormatProblem} with the JSON path of the offending value.
 */
final class ProjectJsonReader {
    private static final Set<String> PROJECT_FIELDS = Set.of("formatVersion", "name", "sampleRate", "tempos",
            "timeSignatures", "keySignatures", "master", "media", "tracks");
    private static final Set<String> TEMPO_FIELDS = Set.of("tick", "microsPerQuarter");
    private static final Set<String> TIME_SIGNATURE_FIELDS = Set.of("tick", "numerator", "denominator");
    private static final Set<String> KEY_SIGNATURE_FIELDS = Set.of("tick", "sharps", "minor");
    private static final Set<String> MIXER_FIELDS = Set.of("gainDb", "pan", "mute", "solo", "inserts");
    private static final Set<String> INSERT_FIELDS = Set.of("type", "enabled", "parameters");
    private static final Set<String> MEDIA_FIELDS = Set.of("id", "path", "sha256", "frames", "sampleRate", "channels");
    private static final Set<String> MIDI_TRACK_FIELDS = Set.of("kind", "id", "name", "instrument", "mixer", "clips");
    private static final Set<String> AUDIO_TRACK_FIELDS = Set.of("kind", "id", "name", "mixer", "clips",
            "markers");
    private static final Set<String> MARKER_FIELDS = Set.of("id", "name", "frame", "lengthFrames");
    private static final Set<String> INSTRUMENT_FIELDS = Set.of("program", "bankMsb", "bankLsb", "channel");
    private static final Set<String> MIDI_CLIP_FIELDS = Set.of("id", "startTick", "lengthTicks", "notes", "events");
    private static final Set<String> AUDIO_CLIP_FIELDS = Set.of("id", "mediaId", "positionFrame",
            "sourceOffsetFrame", "lengthFrames", "gainDb", "fadeInFrames", "fadeOutFrames", "fadeInCurve", "fadeOutCurve",
            "reversed");
    private static final String NOTE_LAYOUT = "a note [pitch, startTick, lengthTicks, velocity, channel]";
    private static final String EVENT_LAYOUT = "an event [tick, channel, type, value]";

    private ProjectJsonReader() {
    }

    static Project read(JsonCursor root) {
        root.object(PROJECT_FIELDS);
        String name = root.field("name").text();
        int sampleRate = root.field("sampleRate").intValue();
        List<Tempo> tempos = new ArrayList<>();
        for (JsonCursor t : root.field("tempos").elements()) {
            t.object(TEMPO_FIELDS);
            long tick = t.field("tick").longValue();
            long micros = t.field("microsPerQuarter").longValue();
            tempos.add(t.build(() -> new Tempo(tick, micros)));
        }
        List<TimeSignature> meters = new ArrayList<>();
        for (JsonCursor t : root.field("timeSignatures").elements()) {
            t.object(TIME_SIGNATURE_FIELDS);
            long tick = t.field("tick").longValue();
            int numerator = t.field("numerator").intValue();
            int denominator = t.field("denominator").intValue();
            meters.add(t.build(() -> new TimeSignature(tick, numerator, denominator)));
        }
        List<KeySignature> keys = new ArrayList<>();
        for (JsonCursor k : root.field("keySignatures").elements()) {
            k.object(KEY_SIGNATURE_FIELDS);
            long tick = k.field("tick").longValue();
            int sharps = k.field("sharps").intValue();
            boolean minor = k.field("minor").bool();
            keys.add(k.build(() -> new KeySignature(tick, sharps, minor)));
        }
        MixerSettings master = mixer(root.field("master"));
        List<MediaRef> media = new ArrayList<>();
        for (JsonCursor m : root.field("media").elements()) {
            media.add(mediaRef(m));
        }
        List<Track> tracks = new ArrayList<>();
        for (JsonCursor t : root.field("tracks").elements()) {
            tracks.add(track(t));
        }
        TempoMap tempoMap = root.field("tempos").build(() -> new TempoMap(tempos));
        return root.build(() -> new Project(name, sampleRate, tempoMap, meters, keys, tracks, media, master));
    }

    private static MixerSettings mixer(JsonCursor m) {
        m.object(MIXER_FIELDS);
        double gain = m.field("gainDb").doubleValue();
        double pan = m.field("pan").doubleValue();
        boolean mute = m.field("mute").bool();
        boolean solo = m.field("solo").bool();
        List<InsertSettings> inserts = new ArrayList<>();
        for (JsonCursor i : m.field("inserts").elements()) {
            i.object(INSERT_FIELDS);
            String type = i.field("type").text();
            boolean enabled = i.field("enabled").bool();
            JsonCursor parameters = i.field("parameters");
            if (!parameters.node().isObject()) {
                throw parameters.problem("expected an object of named numbers");
            }
            Map<String, Double> values = new TreeMap<>();
            for (Iterator<String> names = parameters.node().fieldNames(); names.hasNext(); ) {
                String parameter = names.next();
                values.put(parameter, parameters.field(parameter).doubleValue());
            }
            inserts.add(i.build(() -> new InsertSettings(type, enabled, values)));
        }
        return m.build(() -> new MixerSettings(gain, pan, mute, solo, inserts));
    }

    private static MediaRef mediaRef(JsonCursor m) {
        m.object(MEDIA_FIELDS);
        String id = m.field("id").text();
        String path = m.field("path").text();
        String sha = m.field("sha256").text();
        long frames = m.field("frames").longValue();
        int rate = m.field("sampleRate").intValue();
        int channels = m.field("channels").intValue();
        return m.build(() -> new MediaRef(id, path, sha, frames, rate, channels));
    }

    private static Track track(JsonCursor t) {
        if (!t.node().isObject()) {
            t.object(Set.of());
        }
        String kind = t.field("kind").text();
        switch (kind) {
            case "midi" -> {
                t.object(MIDI_TRACK_FIELDS);
                String id = t.field("id").text();
                String name = t.field("name").text();
                Instrument instrument = instrument(t.field("instrument"));
                MixerSettings mixer = mixer(t.field("mixer"));
                List<MidiClip> clips = new ArrayList<>();
                for (JsonCursor c : t.field("clips").elements()) {
                    clips.add(midiClip(c));
                }
                return t.build(() -> new MidiTrack(id, name, instrument, mixer, clips));
            }
            case "audio" -> {
                t.object(AUDIO_TRACK_FIELDS);
                String id = t.field("id").text();
                String name = t.field("name").text();
                MixerSettings mixer = mixer(t.field("mixer"));
                List<AudioClip> clips = new ArrayList<>();
                for (JsonCursor c : t.field("clips").elements()) {
                    clips.add(audioClip(c));
                }
                List<Marker> markers = new ArrayList<>();
                for (JsonCursor m : t.field("markers").elements()) {
                    m.object(MARKER_FIELDS);
                    String markerId = m.field("id").text();
                    String markerName = m.field("name").text();
                    long frame = m.field("frame").longValue();
                    long length = m.field("lengthFrames").longValue();
                    markers.add(m.build(() -> new Marker(markerId, markerName, frame, length)));
                }
                return t.build(() -> new AudioTrack(id, name, mixer, clips, markers));
            }
            default -> throw t.field("kind").problem("unknown track kind \"" + kind + "\" (expected \"midi\" or \"audio\")");
        }
    }

    private static Instrument instrument(JsonCursor i) {
        i.object(INSTRUMENT_FIELDS);
        int program = i.field("program").intValue();
        int msb = i.field("bankMsb").intValue();
        int lsb = i.field("bankLsb").intValue();
        int channel = i.field("channel").intValue();
        return i.build(() -> new Instrument(program, msb, lsb, channel));
    }

    private static MidiClip midiClip(JsonCursor c) {
        c.object(MIDI_CLIP_FIELDS);
        String id = c.field("id").text();
        long start = c.field("startTick").longValue();
        long length = c.field("lengthTicks").longValue();
        List<JsonCursor> noteNodes = c.field("notes").elements();
        List<Note> notes = new ArrayList<>(noteNodes.size());
        for (JsonCursor n : noteNodes) {
            n.tuple(5, NOTE_LAYOUT);
            int pitch = n.element(0).intValue();
            long noteStart = n.element(1).longValue();
            long noteLength = n.element(2).longValue();
            int velocity = n.element(3).intValue();
            int channel = n.element(4).intValue();
            notes.add(n.build(() -> new Note(pitch, noteStart, noteLength, velocity, channel)));
        }
        List<ControlEvent> events = new ArrayList<>();
        for (JsonCursor e : c.field("events").elements()) {
            e.tuple(4, EVENT_LAYOUT);
            long tick = e.element(0).longValue();
            int channel = e.element(1).intValue();
            int type = e.element(2).intValue();
            int value = e.element(3).intValue();
            events.add(e.build(() -> new ControlEvent(tick, channel, type, value)));
        }
        return c.build(() -> new MidiClip(id, start, length, notes, events));
    }

    private static AudioClip audioClip(JsonCursor c) {
        c.object(AUDIO_CLIP_FIELDS);
        String id = c.field("id").text();
        String mediaId = c.field("mediaId").text();
        long position = c.field("positionFrame").longValue();
        long offset = c.field("sourceOffsetFrame").longValue();
        long length = c.field("lengthFrames").longValue();
        double gain = c.field("gainDb").doubleValue();
        long fadeIn = c.field("fadeInFrames").longValue();
        long fadeOut = c.field("fadeOutFrames").longValue();
        FadeCurve inCurve = fadeCurve(c.field("fadeInCurve"));
        FadeCurve outCurve = fadeCurve(c.field("fadeOutCurve"));
        boolean reversed = c.field("reversed").bool();
        return c.build(() -> new AudioClip(id, mediaId, position, offset, length, gain, fadeIn, fadeOut, inCurve,
                outCurve, reversed));
    }

    private static FadeCurve fadeCurve(JsonCursor c) {
        String key = c.text();
        return c.build(() -> FadeCurve.ofKey(key));
    }
}
