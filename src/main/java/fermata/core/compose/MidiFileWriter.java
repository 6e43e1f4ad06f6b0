package fermata.core.compose;

import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the notes, tempi, meters and keys of a project as a type-1 Standard MIDI File. A stop-gap
 * so that generation can be saved before the MIDI package (fermata.core.midi) is merged; it writes
 * no controllers and is meant to be replaced by that package's exporter.
 */
public final class MidiFileWriter {
    private MidiFileWriter() {
    }

    public static void write(Project project, OutputStream out) throws IOException {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, Ppq.TICKS_PER_QUARTER);
            javax.sound.midi.Track conductor = sequence.createTrack();
            for (Tempo t : project.tempoMap().changes()) {
                long us = t.microsPerQuarter();
                conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us}, 3), t.tick()));
            }
            for (TimeSignature ts : project.timeSignatures()) {
                byte log2 = (byte) Integer.numberOfTrailingZeros(ts.denominator());
                conductor.add(new MidiEvent(new MetaMessage(0x58, new byte[] {(byte) ts.numerator(), log2, 24, 8}, 4), ts.tick()));
            }
            for (KeySignature ks : project.keySignatures()) {
                conductor.add(new MidiEvent(new MetaMessage(0x59, new byte[] {(byte) ks.sharps(), (byte) (ks.minor() ? 1 : 0)}, 2), ks.tick()));
            }
            for (Track track : project.tracks()) {
                if (!(track instanceof MidiTrack midi)) {
                    continue;
                }
                javax.sound.midi.Track events = sequence.createTrack();
                byte[] name = midi.name().getBytes(StandardCharsets.UTF_8);
                events.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
                Instrument instrument = midi.instrument();
                events.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, instrument.channel(), instrument.program(), 0), 0));
                for (MidiClip clip : midi.clips()) {
                    for (Note n : clip.notes()) {
                        long on = clip.startTick() + n.startTick();
                        events.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, n.channel(), n.pitch(), n.velocity()), on));
                        events.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, n.channel(), n.pitch(), 0), on + n.lengthTicks()));
                    }
                }
            }
            MidiSystem.write(sequence, 1, out);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a valid project made an invalid MIDI message", e);
        }
    }

    public static void write(Project project, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(project, out);
        }
    }
}
