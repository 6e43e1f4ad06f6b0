package fermata.core.engine.synth;

import javax.sound.midi.Soundbank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fermata's SoundFont synthesizer: SF2 sample playback with a fixed pool of pre-allocated voices,
 * messages applied at their exact frame, and nothing allocated, locked, logged or read from disk
 * in {@link #send}, {@link #sendNow} or {@link #render}.
 *
 * <p>Why our own: the JDK's Gervill, which the engine used first, spends most of its time in
 * cubic interpolation, a per-voice filter that runs even when fully open and 16-bit to float
 * conversion on every read, and its per-chunk control logic allocates and takes a lock on the
 * audio thread. No Java library plays SoundFonts without allocating per block (Gervill is the
 * only maintained pure-Java one; FluidSynth is native and would need JNI and a native build per
 * platform). Gervill stays as the SF2 parser ({@link SoundFontBank}) and as a reference engine.
 * See docs/decisions/0041-own-soundfont-voice-engine.md for what of SF2.04 is implemented.
 */
public final class FermataSynth implements TrackSynth {
    /** Voices per synthesizer (one per track): a dense piano part with the pedal down stays well under it. */
    public static final int VOICES = 256;
    private static final int QUEUE = 4096;
    private static final int NOTE_OFF = 0x80;
    private static final int NOTE_ON = 0x90;
    private static final int CONTROL_CHANGE = 0xB0;
    private static final int PROGRAM_CHANGE = 0xC0;
    private static final int CHANNEL_PRESSURE = 0xD0;
    private static final int PITCH_BEND = 0xE0;

    private final SoundFontBank bank;
    private final int maxBlockFrames;
    private final Voice[] voices;
    private final ChannelState[] channels = new ChannelState[16];
    private final long[] queueFrame = new long[QUEUE];
    private final int[] queueMessage = new int[QUEUE];
    private final float[] reverb;
    private final float[] chorus;
    private final Object loadLock = new Object();
    private int queued;
    private long streamFrame;
    private long noteOrder;
    /** Loaded presets, replaced whole (copy on write) so the audio thread reads them without a lock. */
    private volatile PresetTable presets = PresetTable.EMPTY;
    /** Per channel: the table its preset was looked up in, so a load makes the next note look again. */
    private final PresetTable[] resolvedIn = new PresetTable[16];

    private FermataSynth(SoundFontBank bank, int sampleRate, int maxBlockFrames) {
        this.bank = bank;
        this.maxBlockFrames = maxBlockFrames;
        this.voices = new Voice[VOICES];
        for (int i = 0; i < VOICES; i++) {
            voices[i] = new Voice(sampleRate);
        }
        for (int c = 0; c < 16; c++) {
            channels[c] = new ChannelState(c);
        }
        this.reverb = new float[maxBlockFrames];
        this.chorus = new float[maxBlockFrames];
    }

    /** Opens a synthesizer at {@code sampleRate} playing {@code bank}, or the JDK's built-in bank when empty. */
    public static FermataSynth open(int sampleRate, int maxBlockFrames, Optional<Soundbank> bank) throws SynthException {
        Soundbank soundbank = bank.isPresent() ? bank.get() : SoundFontBank.builtInBank();
        return new FermataSynth(SoundFontBank.of(soundbank), sampleRate, maxBlockFrames);
    }

    @Override
    public void loadInstruments(Set<Integer> programs, boolean percussion) throws SynthException {
        List<Preset> found = bank.presets(programs, percussion);
        synchronized (loadLock) {
            presets = presets.with(found);
        }
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    /**
     * Queued in frame order. A full queue (4096 messages in one block) applies what it holds at once,
     * in order, and starts again: those messages lose their place within the block, but a note-off
     * can never overtake its note-on.
     */
    @Override
    public void send(int command, int channel, int data1, int data2, long framesAhead) {
        if (queued == QUEUE) {
            for (int q = 0; q < queued; q++) {
                int m = queueMessage[q];
                apply(m & 0xFF, (m >> 8) & 0x7F, (m >> 16) & 0x7F);
            }
            queued = 0;
        }
        long frame = streamFrame + Math.max(0, framesAhead);
        int i = queued;
        while (i > 0 && queueFrame[i - 1] > frame) {
            queueFrame[i] = queueFrame[i - 1];
            queueMessage[i] = queueMessage[i - 1];
            i--;
        }
        queueFrame[i] = frame;
        queueMessage[i] = (command & 0xF0) | (channel & 0x0F) | (data1 & 0x7F) << 8 | (data2 & 0x7F) << 16;
        queued++;
    }

    @Override
    public void sendNow(int command, int channel, int data1, int data2) {
        apply((command & 0xF0) | (channel & 0x0F), data1 & 0x7F, data2 & 0x7F);
    }

    @Override
    public void render(float[] left, float[] right, int frames) {
        if (frames > maxBlockFrames) {
            throw new IllegalArgumentException("block of " + frames + " frames exceeds " + maxBlockFrames);
        }
        Arrays.fill(left, 0, frames, 0f);
        Arrays.fill(right, 0, frames, 0f);
        Arrays.fill(reverb, 0, frames, 0f);
        Arrays.fill(chorus, 0, frames, 0f);
        long blockEnd = streamFrame + frames;
        int next = 0;
        int at = 0;
        while (at < frames) {
            while (next < queued && queueFrame[next] <= streamFrame + at) {
                int m = queueMessage[next++];
                apply(m & 0xFF, (m >> 8) & 0x7F, (m >> 16) & 0x7F);
            }
            int until = next < queued && queueFrame[next] < blockEnd ? (int) (queueFrame[next] - streamFrame) : frames;
            for (Voice v : voices) {
                if (v.active) {
                    v.render(left, right, reverb, chorus, at, until);
                }
            }
            at = until;
        }
        System.arraycopy(queueFrame, next, queueFrame, 0, queued - next);
        System.arraycopy(queueMessage, next, queueMessage, 0, queued - next);
        queued -= next;
        streamFrame = blockEnd;
    }

    @Override
    public float[] reverbSend() {
        return reverb;
    }

    @Override
    public float[] chorusSend() {
        return chorus;
    }

    /** Voices sounding now, those fading out after a cut included. */
    public int activeVoices() {
        int n = 0;
        for (Voice v : voices) {
            if (v.active) {
                n++;
            }
        }
        return n;
    }

    /** Voices sounding and not cut short: what counts against a {@link VoiceBudget}. */
    public int countedVoices() {
        int n = 0;
        for (Voice v : voices) {
            if (v.active && !v.cutting) {
                n++;
            }
        }
        return n;
    }

    /** Voices whose note is still held (not released): never shed by a {@link VoiceBudget}. */
    int heldVoices() {
        int n = 0;
        for (Voice v : voices) {
            if (v.active && !v.released) {
                n++;
            }
        }
        return n;
    }

    /** Released voices, not cut yet, whose note-off is at least {@code age} frames ago. */
    int releasedAtLeast(int age) {
        int n = 0;
        for (Voice v : voices) {
            if (v.active && v.released && !v.cutting && v.releaseAge >= age) {
                n++;
            }
        }
        return n;
    }

    /** The longest time since a note-off among the released voices, in frames; -1 when none. */
    int longestRelease() {
        int age = -1;
        for (Voice v : voices) {
            if (v.active && v.released && !v.cutting) {
                age = Math.max(age, v.releaseAge);
            }
        }
        return age;
    }

    /** Cuts up to {@code most} released voices whose note-off is at least {@code age} frames ago; returns how many. */
    int cutReleasedAtLeast(int age, int most) {
        int n = 0;
        for (Voice v : voices) {
            if (n < most && v.active && v.released && !v.cutting && v.releaseAge >= age) {
                v.cut();
                n++;
            }
        }
        return n;
    }

    private void apply(int status, int data1, int data2) {
        ChannelState ch = channels[status & 0x0F];
        switch (status & 0xF0) {
            case NOTE_ON -> {
                if (data2 == 0) {
                    noteOff(ch, data1);
                } else {
                    noteOn(ch, data1, data2);
                }
            }
            case NOTE_OFF -> noteOff(ch, data1);
            case CONTROL_CHANGE -> controller(ch, data1, data2);
            case PROGRAM_CHANGE -> {
                ch.program = data1;
                resolvedIn[ch.number] = null;
            }
            case CHANNEL_PRESSURE -> {
                ch.pressure(data1);
                channelChanged(ch);
            }
            case PITCH_BEND -> {
                ch.pitchBend(data1, data2);
                channelChanged(ch);
            }
            default -> {
                // Poly pressure and system messages have no default SF2 modulator: ignored.
            }
        }
    }

    private void controller(ChannelState ch, int cc, int value) {
        switch (cc) {
            case 64 -> {
                ch.controller(cc, value);
                if (!ch.sustain) {
                    releaseSustained(ch);
                }
            }
            case 120 -> {
                for (Voice v : voices) {
                    if (v.active && v.channel == ch) {
                        v.cut();
                    }
                }
            }
            case 121 -> {
                ch.resetControllers();
                releaseSustained(ch);
                channelChanged(ch);
            }
            case 123 -> {
                for (Voice v : voices) {
                    if (v.active && v.channel == ch) {
                        v.release();
                    }
                }
            }
            case 0, 32 -> {
                ch.controller(cc, value);
                resolvedIn[ch.number] = null;
            }
            default -> {
                ch.controller(cc, value);
                channelChanged(ch);
            }
        }
    }

    private void channelChanged(ChannelState ch) {
        for (Voice v : voices) {
            if (v.active && v.channel == ch) {
                v.channelChanged();
            }
        }
    }

    private void releaseSustained(ChannelState ch) {
        for (Voice v : voices) {
            if (v.active && v.channel == ch && v.heldBySustain) {
                v.release();
            }
        }
    }

    private void noteOff(ChannelState ch, int key) {
        for (Voice v : voices) {
            if (v.active && v.channel == ch && v.key == key && !v.released && !v.heldBySustain) {
                if (ch.sustain) {
                    v.heldBySustain = true;
                } else {
                    v.release();
                }
            }
        }
    }

    private void noteOn(ChannelState ch, int key, int velocity) {
        PresetTable table = presets;
        if (resolvedIn[ch.number] != table) {
            // The JDK numbers an SF2 bank as wBank << 7, so only the MSB can match; the LSB is
            // ignored, as FluidSynth's default (GS) bank-select style does.
            ch.preset = table.find(ch.percussion(), ch.bankMsb << 7, ch.program);
            resolvedIn[ch.number] = table;
        }
        Preset preset = ch.preset;
        if (preset == null) {
            return;
        }
        long first = noteOrder + 1;
        for (Zone zone : preset.zones) {
            if (!zone.matches(key, velocity)) {
                continue;
            }
            int exclusive = zone.gen[Generators.EXCLUSIVE_CLASS];
            if (exclusive != 0) {
                for (Voice v : voices) {
                    if (v.active && v.channel == ch && v.exclusiveClass == exclusive && v.order < first) {
                        v.cut();
                    }
                }
            }
            free().start(zone, ch, key, velocity, ++noteOrder);
        }
    }

    /** A free voice, else the oldest released one, else the oldest (SF2 players steal the same way). */
    /**
     * A voice for a new note: an idle one, else the one least missed, taken over at once: a voice
     * already fading out (cut), else the one released longest ago, else the oldest note.
     */
    private Voice free() {
        Voice cut = null;
        Voice longestReleased = null;
        Voice oldest = null;
        for (Voice v : voices) {
            if (!v.active) {
                return v;
            }
            if (v.cutting) {
                cut = v;
            } else if (v.released && (longestReleased == null || v.releaseAge > longestReleased.releaseAge)) {
                longestReleased = v;
            }
            if (oldest == null || v.order < oldest.order) {
                oldest = v;
            }
        }
        return cut != null ? cut : longestReleased != null ? longestReleased : oldest;
    }

    @Override
    public void close() {
        queued = 0;
        for (Voice v : voices) {
            v.active = false;
        }
    }

    /** Loaded presets by (percussion, bank, program); immutable, replaced as a whole on load. */
    private static final class PresetTable {
        static final PresetTable EMPTY = new PresetTable(new Preset[0]);
        private final Preset[] presets;

        private PresetTable(Preset[] presets) {
            this.presets = presets;
        }

        PresetTable with(List<Preset> more) {
            List<Preset> all = new ArrayList<>(Arrays.asList(presets));
            for (Preset p : more) {
                if (!all.contains(p)) {
                    all.add(p);
                }
            }
            return new PresetTable(all.toArray(new Preset[0]));
        }

        /**
         * The preset for a program change: the exact bank, else bank 0 (General MIDI), else for
         * drums the standard kit, as General MIDI players fall back. Allocation-free.
         */
        Preset find(boolean percussion, int bank, int program) {
            Preset inBankZero = null;
            Preset standardKit = null;
            for (Preset p : presets) {
                if (p.percussion != percussion) {
                    continue;
                }
                if (p.program == program && (percussion || p.bank == bank)) {
                    return p;
                }
                if (p.program == program && p.bank == 0) {
                    inBankZero = p;
                }
                if (percussion && p.program == 0) {
                    standardKit = p;
                }
            }
            return inBankZero != null ? inBankZero : standardKit;
        }
    }
}
