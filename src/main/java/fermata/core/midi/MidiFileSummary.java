package fermata.core.midi;

import fermata.core.model.KeySignature;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;

import java.util.List;

/**
 * What {@code fermata info} prints about a MIDI file. Ticks in the lists are model ticks (960 per
 * quarter note), whatever the file's own resolution.
 *
 * @param type the SMF type, 0 or 1
 * @param resolution the file's ticks per quarter note; for SMPTE-timed files the equivalent at
 *     the fixed 120 BPM the reader converts them with (ticks per second / 2)
 * @param trackCount the track chunks the header declares, conductor track included
 * @param noteCount notes after pairing note-ons with note-offs
 * @param durationSeconds up to the end of the last track or note, whichever is later
 * @param tempi tempo changes, the first at tick 0 (120 BPM when the file states none)
 * @param timeSignatures meter changes, the first at tick 0 (4/4 when the file states none)
 * @param keySignatures key changes, possibly none
 */
public record MidiFileSummary(int type, int resolution, int trackCount, long noteCount, double durationSeconds,
                              List<Tempo> tempi, List<TimeSignature> timeSignatures, List<KeySignature> keySignatures) {
    public MidiFileSummary {
        tempi = List.copyOf(tempi);
        timeSignatures = List.copyOf(timeSignatures);
        keySignatures = List.copyOf(keySignatures);
    }
}
