package fermata.core.midi;

import fermata.core.error.BadInputException;
import fermata.core.model.ControlEvent;
import fermata.core.model.KeySignature;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Parses a Standard MIDI File (type 0 or 1) into a {@link Project}.
 *
 * <p>A focused parser of our own rather than {@code javax.sound.midi} (JDK 17), for three
 * reasons, each checked. Errors: it refuses a damaged event with "could not get sequence from
 * input stream", naming neither byte nor track, and it accepts a truncated track or one with a
 * 4 GB length silently, as a sequence with no tracks; DESIGN.md section 7 asks for the place and
 * a refusal. Speed and memory: it makes a {@code MidiEvent} and a {@code MidiMessage} with its own
 * byte array per event, which we would then convert once more; on the 1,000,000-note benchmark it
 * takes about 14 times as long and allocates about 4 times as much (docs/BENCHMARKS.md). Control:
 * here every length in the file is checked against the real file size before it is used. No
 * other library on our classpath reads SMF, and the format is small enough to own.
 *
 * <p>Rules a reader has to choose, and what this one does:
 * <ul>
 *   <li>Note pairing: a note-off (or note-on with velocity 0) ends the oldest open note of the
 *       same key on the same channel (first in, first out, see {@link OpenNotes}). A note-off with
 *       no open note is ignored. Notes still open at the end of the track end there.</li>
 *   <li>Notes are at least one tick long: a note-on and note-off at the same tick (or two ticks
 *       that round together when rescaling) make a one-tick note.</li>
 *   <li>Running status carries across meta and system-exclusive events, as many writers
 *       assume, although the specification says they cancel it.</li>
 *   <li>Type 0 files are split by channel, one track per channel used, named "Channel n";
 *       their track name becomes the project name. In type 1 files each track with channel
 *       messages becomes a model track, named by its first track name event or "Track n"; the
 *       name of the first track without channel messages (the conductor track) becomes the
 *       project name, else the file name does. Blank names count as absent.</li>
 *   <li>Tempo, time and key signatures are global, from whichever track states them; of several
 *       at the same tick the last one read wins.</li>
 *   <li>SMPTE division: times are absolute, so ticks are converted at a fixed 120 BPM
 *       (960 model ticks per half second) and tempo events are ignored.</li>
 *   <li>Not kept (the model has no place for them): polyphonic key pressure, note-off
 *       velocity, system exclusive, and meta events other than tempo, time signature, key
 *       signature, track name and end of track.</li>
 * </ul>
 */
final class SmfReader {
    /** Far beyond any real MIDI file (the largest public ones are a few tens of MB). */
    static final long MAX_FILE_BYTES = 256L << 20;
    /** About 18,000 years at 120 BPM; bounds tick arithmetic far away from overflow. */
    static final long MAX_MODEL_TICK = 1L << 50;

    private static final int MTHD = 0x4D546864;
    private static final int MTRK = 0x4D54726B;
    private static final int RIFF = 0x52494646;
    private static final String REMEDY_CORRUPT = "The file is damaged or not a MIDI file; export it again from the program that made it";

    /** What the reader found, for {@link MidiFiles#summarize}. */
    record Result(int format, int resolution, int trackCount, Project project) {
    }

    private final Path file;
    private final byte[] data;
    private final String fallbackProjectName;
    private int pos;
    private int trackNumber;

    private int ppq;
    private double smpteTicksPerSecond;

    private final List<Tempo> tempi = new ArrayList<>();
    private final TreeMap<Long, TimeSignature> timeSignatures = new TreeMap<>();
    private final TreeMap<Long, KeySignature> keySignatures = new TreeMap<>();
    private final List<ImportedTrack> tracks = new ArrayList<>();
    private final List<Long> trackEnds = new ArrayList<>();
    private String projectName;

    private SmfReader(Path file, byte[] data) {
        this.file = file;
        this.data = data;
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        this.fallbackProjectName = dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static Result read(Path file) throws BadInputException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file, null, "the file is " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " a MIDI file can plausibly need", "Check that this is really a MIDI file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "no such file", "Check the path", e);
        } catch (IOException e) {
            throw new BadInputException(file, null, "cannot read the file: " + e.getMessage(),
                    "Check that it exists and is readable", e);
        }
        return parse(file, bytes);
    }

    /** Parses bytes already in memory; {@code file} names them in messages and gives the fallback project name. */
    static Result parse(Path file, byte[] bytes) throws BadInputException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new BadInputException(file, null, "the input is " + bytes.length + " bytes, more than the "
                    + MAX_FILE_BYTES + " a MIDI file can plausibly need", "Check that this is really a MIDI file");
        }
        return new SmfReader(file, bytes).parse();
    }

    private Result parse() throws BadInputException {
        if (data.length < 14 || readInt(0) != MTHD) {
            boolean riff = data.length >= 4 && readInt(0) == RIFF;
            throw fail(0, "not a Standard MIDI File: it does not start with an 'MThd' header",
                    riff ? "This is a RIFF (.rmi) file; extract the MIDI data with a sequencer and save it as .mid"
                            : "Choose a .mid file");
        }
        long headerLength = readUnsignedInt(4);
        if (headerLength < 6 || headerLength > data.length - 8) {
            throw fail(4, "the header chunk declares " + headerLength + " bytes; it needs 6 and the file has "
                    + (data.length - 8) + " after the chunk header", REMEDY_CORRUPT);
        }
        int format = readShort(8);
        int declaredTracks = readShort(10);
        int division = readShort(12);
        if (format == 2) {
            throw fail(8, "type 2 MIDI files (independent sequences) are not supported",
                    "Convert it to type 1 in a sequencer, or export each sequence on its own");
        }
        if (format > 2) {
            throw fail(8, "unknown MIDI file type " + format + " (known types are 0, 1 and 2)", REMEDY_CORRUPT);
        }
        if (format == 0 && declaredTracks != 1) {
            throw fail(10, "a type 0 MIDI file has exactly one track, this one declares " + declaredTracks, REMEDY_CORRUPT);
        }
        pos = 8 + (int) headerLength;
        long roomForTracks = (data.length - (long) pos) / 8;
        if (declaredTracks > roomForTracks) {
            throw fail(10, "the header declares " + declaredTracks + " tracks but the " + (data.length - pos)
                    + " bytes after it hold at most " + roomForTracks, "The file is truncated or damaged; "
                    + "export it again from the program that made it");
        }
        readDivision(division);
        for (trackNumber = 1; trackNumber <= declaredTracks; trackNumber++) {
            int[] chunk = nextTrackChunk(declaredTracks);
            readTrack(chunk[0], chunk[1], format == 0);
            pos = chunk[1];
        }
        trackNumber = 0;
        int resolution = ppq > 0 ? ppq : (int) Math.round(smpteTicksPerSecond / 2);
        return new Result(format, resolution, declaredTracks, buildProject(format == 0));
    }

    private void readDivision(int division) throws BadInputException {
        if ((division & 0x8000) == 0) {
            if (division == 0) {
                throw fail(12, "the header gives 0 ticks per quarter note", REMEDY_CORRUPT);
            }
            ppq = division;
            return;
        }
        int framesPerSecond = -(byte) (division >> 8);
        int ticksPerFrame = division & 0xFF;
        double rate = switch (framesPerSecond) {
            case 24, 25, 30 -> framesPerSecond;
            case 29 -> 30_000.0 / 1001;
            default -> 0;
        };
        if (rate == 0 || ticksPerFrame == 0) {
            throw fail(12, "SMPTE timing with " + framesPerSecond + " frames per second and " + ticksPerFrame
                    + " ticks per frame is not valid (24, 25, 29 or 30 frames, at least 1 tick)", REMEDY_CORRUPT);
        }
        smpteTicksPerSecond = rate * ticksPerFrame;
    }

    /** Skips unknown chunks (as the specification asks) and returns the data range of the next MTrk. */
    private int[] nextTrackChunk(int declaredTracks) throws BadInputException {
        while (true) {
            if (data.length - pos < 8) {
                throw fail(pos, "the file ends at byte " + data.length + ", before track " + trackNumber + " of the "
                        + declaredTracks + " its header declares", "The file is truncated; download or export it again");
            }
            int id = readInt(pos);
            long length = readUnsignedInt(pos + 4);
            long available = data.length - (pos + 8L);
            if (length > available) {
                throw fail(pos + 4, "the " + chunkName(id) + " chunk declares " + length + " bytes but only " + available
                        + " remain in the file", "The file is truncated or damaged; export it again");
            }
            int start = pos + 8;
            int end = start + (int) length;
            if (id == MTRK) {
                return new int[] {start, end};
            }
            pos = end;
        }
    }

    private static String chunkName(int id) {
        StringBuilder name = new StringBuilder("'");
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = id >>> shift & 0xFF;
            name.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return name.append('\'').toString();
    }

    private void readTrack(int start, int end, boolean splitByChannel) throws BadInputException {
        ImportedTrack whole = new ImportedTrack();
        ImportedTrack[] byChannel = splitByChannel ? new ImportedTrack[16] : null;
        OpenNotes open = new OpenNotes();
        String trackName = null;
        long tick = 0;
        int running = 0;
        pos = start;
        while (pos < end) {
            long delta = readVarLength(end);
            tick += delta;
            int eventStart = pos;
            if (pos >= end) {
                throw fail(pos, "the track chunk ends after a delta time, where an event belongs", REMEDY_CORRUPT);
            }
            int status = data[pos] & 0xFF;
            if (status < 0x80) {
                if (running == 0) {
                    throw fail(pos, String.format("data byte 0x%02X where a status byte belongs (no running status to repeat)",
                            status), REMEDY_CORRUPT);
                }
                status = running;
            } else {
                pos++;
                if (status < 0xF0) {
                    running = status;
                }
            }
            if (status < 0xF0) {
                int channel = status & 0x0F;
                ImportedTrack target = whole;
                if (splitByChannel) {
                    if (byChannel[channel] == null) {
                        byChannel[channel] = new ImportedTrack();
                    }
                    target = byChannel[channel];
                }
                channelMessage(target, open, status, channel, tick, end, eventStart);
            } else if (status == 0xFF) {
                int type = readDataByte(end, "meta event type");
                int length = checkedLength(readVarLength(end), end, "meta event");
                int body = pos;
                pos += length;
                if (type == 0x2F) {
                    break;
                }
                if (type == 0x03 && trackName == null) {
                    trackName = text(body, length);
                } else {
                    metaEvent(type, body, length, tick, eventStart);
                }
            } else if (status == 0xF0 || status == 0xF7) {
                int length = checkedLength(readVarLength(end), end, "system exclusive event");
                pos += length;
            } else {
                throw fail(eventStart, String.format("status byte 0x%02X (a real-time or system common message) "
                        + "cannot appear in a MIDI file", status), REMEDY_CORRUPT);
            }
        }
        long modelEnd = modelTick(tick, pos);
        boolean named = trackName != null && !trackName.isBlank();
        if (splitByChannel) {
            closeOpenNotes(open, byChannel, modelEnd);
            projectName = named ? trackName : null;
            for (int channel = 0; channel < 16; channel++) {
                if (byChannel[channel] != null) {
                    byChannel[channel].setName("Channel " + (channel + 1));
                    tracks.add(byChannel[channel]);
                    trackEnds.add(modelEnd);
                }
            }
        } else {
            closeOpenNotes(open, whole, modelEnd);
            if (whole.hasChannelMessages()) {
                if (named) {
                    whole.setName(trackName);
                }
                tracks.add(whole);
                trackEnds.add(modelEnd);
            } else if (projectName == null && named) {
                projectName = trackName;
            }
        }
    }

    private void channelMessage(ImportedTrack target, OpenNotes open, int status, int channel, long tick, int end,
                                int eventStart) throws BadInputException {
        target.sawChannelMessage(channel);
        int kind = status & 0xF0;
        int first = readDataByte(end, "channel message data");
        switch (kind) {
            case 0x80, 0x90 -> {
                int velocity = readDataByte(end, "note velocity");
                int key = OpenNotes.key(channel, first);
                if (kind == 0x90 && velocity > 0) {
                    open.open(key, tick, velocity);
                    target.noteStarted(channel);
                } else {
                    int handle = open.closeOldest(key);
                    if (handle >= 0) {
                        target.addNote(note(first, open.start(handle), tick, open.velocity(handle), channel, eventStart));
                    }
                }
            }
            case 0xA0 -> readDataByte(end, "key pressure");
            case 0xB0 -> target.addControl(new ControlEvent(modelTick(tick, eventStart), channel, first,
                    readDataByte(end, "controller value")));
            case 0xC0 -> target.programChange(modelTick(tick, eventStart), channel, first);
            case 0xD0 -> target.addControl(new ControlEvent(modelTick(tick, eventStart), channel,
                    ControlEvent.CHANNEL_PRESSURE, first));
            default -> target.addControl(new ControlEvent(modelTick(tick, eventStart), channel, ControlEvent.PITCH_BEND,
                    first | readDataByte(end, "pitch bend") << 7));
        }
    }

    private Note note(int pitch, long startTick, long endTick, int velocity, int channel, int offset)
            throws BadInputException {
        long start = modelTick(startTick, offset);
        long length = Math.max(1, modelTick(endTick, offset) - start);
        return new Note(pitch, start, length, velocity, channel);
    }

    private void closeOpenNotes(OpenNotes open, ImportedTrack track, long modelEnd) {
        if (!open.isEmpty()) {
            closeOpenNotes(open, key -> track, modelEnd);
        }
    }

    private void closeOpenNotes(OpenNotes open, ImportedTrack[] byChannel, long modelEnd) {
        if (!open.isEmpty()) {
            closeOpenNotes(open, key -> byChannel[key >> 7], modelEnd);
        }
    }

    private void closeOpenNotes(OpenNotes open, IntFunction<ImportedTrack> trackOfKey, long modelEnd) {
        for (int key = 0; key < OpenNotes.KEYS; key++) {
            for (int handle = open.closeOldest(key); handle >= 0; handle = open.closeOldest(key)) {
                long start = scale(open.start(handle));
                long length = Math.max(1, modelEnd - start);
                trackOfKey.apply(key).addNote(new Note(key & 0x7F, start, length, open.velocity(handle), key >> 7));
            }
        }
    }

    private void metaEvent(int type, int body, int length, long tick, int offset) throws BadInputException {
        switch (type) {
            case 0x51 -> {
                if (length != 3) {
                    throw fail(offset, "a tempo event has " + length + " data bytes instead of 3", REMEDY_CORRUPT);
                }
                int micros = (data[body] & 0xFF) << 16 | (data[body + 1] & 0xFF) << 8 | data[body + 2] & 0xFF;
                if (micros == 0) {
                    throw fail(offset, "a tempo event gives 0 microseconds per quarter note", REMEDY_CORRUPT);
                }
                if (ppq > 0) {
                    tempi.add(new Tempo(modelTick(tick, offset), micros));
                }
            }
            case 0x58 -> {
                if (length < 2) {
                    throw fail(offset, "a time signature event has " + length + " data bytes instead of 4", REMEDY_CORRUPT);
                }
                int numerator = data[body] & 0xFF;
                int power = data[body + 1] & 0xFF;
                if (numerator == 0 || power > 6) {
                    throw fail(offset, "time signature " + numerator + "/2^" + power
                            + " is out of range (numerator 1..255, denominator 1..64)", REMEDY_CORRUPT);
                }
                long at = modelTick(tick, offset);
                timeSignatures.put(at, new TimeSignature(at, numerator, 1 << power));
            }
            case 0x59 -> {
                if (length < 2) {
                    throw fail(offset, "a key signature event has " + length + " data bytes instead of 2", REMEDY_CORRUPT);
                }
                int sharps = data[body];
                int mode = data[body + 1];
                if (sharps < -7 || sharps > 7 || (mode != 0 && mode != 1)) {
                    throw fail(offset, "key signature with " + sharps + " sharps and mode " + mode
                            + " is out of range (-7..7 sharps, mode 0 major or 1 minor)", REMEDY_CORRUPT);
                }
                long at = modelTick(tick, offset);
                keySignatures.put(at, new KeySignature(at, sharps, mode == 1));
            }
            default -> {
                // Other meta events (text, lyrics, markers, port, sequencer-specific) have no place in the model.
            }
        }
    }

    private Project buildProject(boolean splitByChannel) {
        List<Track> built = new ArrayList<>(tracks.size());
        for (int i = 0; i < tracks.size(); i++) {
            String fallback = splitByChannel ? "" : "Track " + (i + 1);
            built.add(tracks.get(i).toTrack("track-" + (i + 1), "clip-" + (i + 1), fallback, trackEnds.get(i)));
        }
        String name = projectName != null ? projectName : fallbackProjectName;
        TempoMap tempoMap = tempi.isEmpty() ? TempoMap.DEFAULT : new TempoMap(tempi);
        return new Project(name, 48_000, tempoMap, List.copyOf(timeSignatures.values()),
                List.copyOf(keySignatures.values()), built, List.of(), MixerSettings.UNITY);
    }

    private long scale(long fileTick) {
        return ppq > 0 ? Ppq.fromResolution(fileTick, ppq) : Math.round(fileTick * 1920.0 / smpteTicksPerSecond);
    }

    private long modelTick(long fileTick, int offset) throws BadInputException {
        long tick = scale(fileTick);
        if (tick > MAX_MODEL_TICK) {
            throw fail(offset, "an event lies at file tick " + fileTick + ", thousands of years into the piece",
                    REMEDY_CORRUPT);
        }
        return tick;
    }

    /** Text meta events: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1; trailing NULs (C strings) dropped. */
    private String text(int body, int length) {
        int end = body + length;
        while (end > body && data[end - 1] == 0) {
            end--;
        }
        ByteBuffer bytes = ByteBuffer.wrap(data, body, end - body);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(data, body, end - body, StandardCharsets.ISO_8859_1);
        }
    }

    /** A variable-length quantity: at most 4 bytes, 7 bits each, high bit set on all but the last. */
    private long readVarLength(int end) throws BadInputException {
        int start = pos;
        long value = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= end) {
                throw fail(start, "the track chunk ends inside a variable-length number", REMEDY_CORRUPT);
            }
            int b = data[pos++] & 0xFF;
            value = value << 7 | (b & 0x7F);
            if (b < 0x80) {
                return value;
            }
        }
        throw fail(start, "a variable-length number runs over 4 bytes", REMEDY_CORRUPT);
    }

    private int checkedLength(long length, int end, String what) throws BadInputException {
        if (length > end - pos) {
            throw fail(pos, "a " + what + " declares " + length + " bytes but only " + (end - pos)
                    + " remain in the track chunk", REMEDY_CORRUPT);
        }
        return (int) length;
    }

    private int readDataByte(int end, String what) throws BadInputException {
        if (pos >= end) {
            throw fail(pos, "the track chunk ends inside an event (" + what + " missing)", REMEDY_CORRUPT);
        }
        int b = data[pos] & 0xFF;
        if (b > 0x7F) {
            throw fail(pos, String.format("byte 0x%02X where %s (0..127) belongs", b, what), REMEDY_CORRUPT);
        }
        pos++;
        return b;
    }

    private int readInt(int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
    }

    private long readUnsignedInt(int at) {
        return readInt(at) & 0xFFFFFFFFL;
    }

    private int readShort(int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private BadInputException fail(int offset, String problem, String remedy) {
        String position = (trackNumber > 0 ? "track " + trackNumber + ", " : "") + "byte " + offset;
        return new BadInputException(file, position, problem, remedy);
    }
}
