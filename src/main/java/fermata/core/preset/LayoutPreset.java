package fermata.core.preset;

import fermata.core.edit.AddTrack;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.error.BadInputException;
import fermata.core.model.Ids;
import fermata.core.model.Instrument;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An instrument layout: empty MIDI tracks to start a piece with. File format (UTF-8 JSON):
 * {@code description}, {@code tracks: [{name, program (0..127, General MIDI minus one),
 * drums (true puts the track on channel 10), channel (0..15, optional), gain_db, pan (-1..1)}]}.
 * Tracks without a channel take the free melodic channels in order, skipping the drum channel.
 */
public record LayoutPreset(String name, String description, List<Part> parts) {
    public static final PresetLibrary<LayoutPreset> LIBRARY = new PresetLibrary<>("layouts",
            List.of("piano-solo", "string-quartet", "jazz-trio", "rock-band", "satb-choir"), LayoutPreset::parse);

    /** One track of a layout. */
    public record Part(String name, Instrument instrument, double gainDb, double pan) {
    }

    public LayoutPreset {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one track");
        }
    }

    /** One undoable edit that appends the layout's tracks, empty, to {@code project}. */
    public EditCommand toEdit(Project project) {
        Set<String> taken = new HashSet<>();
        for (Track t : project.tracks()) {
            taken.add(t.id());
        }
        List<EditCommand> adds = new ArrayList<>();
        int index = project.tracks().size();
        for (Part part : parts) {
            String id = Ids.fresh("track", taken);
            taken.add(id);
            MixerSettings mixer = new MixerSettings(part.gainDb(), part.pan(), false, false, List.of());
            adds.add(new AddTrack(new MidiTrack(id, part.name(), part.instrument(), mixer, List.of()), index++));
        }
        return new CompoundEdit("New tracks from layout " + name, adds);
    }

    static LayoutPreset parse(String name, PresetJson json) throws BadInputException {
        List<Part> parts = new ArrayList<>();
        int nextChannel = 0;
        for (PresetJson track : json.objects("tracks")) {
            boolean drums = track.bool("drums", false);
            int channel;
            if (drums) {
                channel = Instrument.DRUM_CHANNEL;
            } else if (track.has("channel")) {
                channel = track.integer("channel", 0);
            } else {
                if (nextChannel == Instrument.DRUM_CHANNEL) {
                    nextChannel++;
                }
                channel = nextChannel++;
            }
            String trackName = track.text("name", null);
            if (trackName == null || trackName.isBlank()) {
                throw new BadInputException(json.file(), "tracks[" + parts.size() + "]", "the track has no name",
                        "Write \"name\": \"...\"");
            }
            double gain = track.number("gain_db", 0);
            double pan = track.number("pan", 0);
            if (!(gain >= MixerSettings.MIN_GAIN_DB && gain <= MixerSettings.MAX_GAIN_DB) || !(pan >= -1 && pan <= 1)) {
                throw new BadInputException(json.file(), "track " + trackName, "gain_db must be "
                        + MixerSettings.MIN_GAIN_DB + ".." + MixerSettings.MAX_GAIN_DB + " and pan -1..1",
                        "Fix gain_db or pan");
            }
            parts.add(new Part(trackName, new Instrument(track.integer("program", 0), 0, 0, channel), gain, pan));
        }
        return new LayoutPreset(name, json.text("description", ""), parts);
    }
}
