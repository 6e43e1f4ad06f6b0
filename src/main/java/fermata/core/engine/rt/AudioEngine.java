package fermata.core.engine.rt;

import fermata.core.engine.ClipSourceProvider;
import fermata.core.engine.EngineException;
import fermata.core.engine.MeterReadings;
import fermata.core.engine.MixGraph;
import fermata.core.engine.SampleRateConverter;
import fermata.core.engine.SoundBanks;
import fermata.core.engine.SynthEngine;
import fermata.core.engine.synth.TrackSynth;
import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real-time side of the engine: transport, loop, metronome and count-in around a
 * {@link MixGraph}.
 *
 * <p>Threads: the UI (one producer) calls {@link #publish} and the transport and mixer methods;
 * the audio thread calls {@link #renderCycle}. A new project version is built into a graph off the
 * audio thread and published through an {@link AtomicReference} (read-copy-update: the audio
 * thread swaps it in at a block boundary, the old graph is retired for the UI side to close).
 * Transport and fader changes travel through a pre-allocated {@link CommandRing}. Live MIDI input
 * ({@link MidiInput}, or anything calling {@link #offerLiveMessage}) travels through a
 * pre-allocated {@link MidiMessageRing} to the armed track, and while recording the audio thread
 * stamps it with the playhead and passes it on through a second ring to the {@link MidiRecorder}.
 * The playhead, state and meters come back through atomics and volatiles. {@link #renderCycle} never
 * allocates, locks, logs or does I/O with the default synthesizer; the reference Gervill engine's
 * internals do allocate and take their own monitor, see docs/decisions/0040 and 0041.
 */
public final class AudioEngine implements Transport, AutoCloseable {
    private static final int PLAY = 1;
    private static final int PAUSE = 2;
    private static final int STOP = 3;
    private static final int SEEK = 4;
    private static final int LOOP = 5;
    private static final int METRONOME = 6;
    private static final int COUNT_IN = 7;
    private static final int TRACK_GAIN = 8;
    private static final int TRACK_PAN = 9;
    private static final int TRACK_MUTE = 10;
    private static final int TRACK_SOLO = 11;
    private static final int MASTER_GAIN = 12;
    private static final int ARM = 13;
    private static final int RECORD = 14;
    private static final int MIDI_CONTROL_CHANGE = 0xB0;
    private static final int MIDI_ALL_NOTES_OFF = 123;

    /**
     * Markers the audio thread puts into the recorded ring between MIDI messages; they are below
     * 0x80, so never a MIDI status byte. A pass is a stretch of uninterrupted playing while
     * recording: it ends at a stop, a pause, a seek or a loop wrap, which closes held notes.
     */
    static final int PASS_START = 1;
    static final int PASS_END = 2;
    /** The audio thread's answer to the end of recording: nothing more follows for this take. */
    static final int RECORDING_OFF = 3;

    private final int sampleRate;
    private final int blockFrames;
    private final ClipSourceProvider clips;
    private final SampleRateConverter resampler;
    private final Optional<Path> soundFont;
    private final SynthEngine synth;
    private final double ceilingDbtp;
    private final MeterReadings meters = new MeterReadings();
    private final CommandRing commands = new CommandRing(1024);
    private final CommandRing.Command command = new CommandRing.Command();
    private final MidiMessageRing liveInput = new MidiMessageRing(1024);
    /** Producer-side lock of {@link #liveInput}: several devices may deliver on several threads. */
    private final Object liveInputLock = new Object();
    private final MidiMessageRing.Message liveMessage = new MidiMessageRing.Message();
    private final MidiMessageRing recorded = new MidiMessageRing(16_384);
    private final AtomicLong droppedLiveMessages = new AtomicLong();
    private final AtomicLong droppedRecordedMessages = new AtomicLong();
    private final MidiRecorder recorder;
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private final AtomicReference<Snapshot> retired = new AtomicReference<>();
    private final AtomicLong playhead = new AtomicLong();
    private volatile TransportState state = TransportState.STOPPED;
    private final Metronome metronome;
    private final float[][] scratch;

    /** Read on the UI side only: the last graph handed to the audio thread, to take synths over from. */
    private Snapshot published;
    /** UI side, guarded by this: the track live input plays, or null. */
    private String armedTrackId;
    private long generation;
    /** Audio thread only from here on. */
    private Snapshot current;
    private long position;
    private boolean playing;
    private boolean loopOn;
    private long loopStart;
    private long loopEnd;
    private boolean metronomeOn;
    private int countInBars;
    private long countInLeft;
    private long countInBeatFrames;
    private long countInElapsed;
    private int countInBeatsPerBar;
    private int armedStrip = -1;
    private long currentGeneration;
    private boolean recording;
    private boolean passOpen;

    /**
     * A project version ready to play: the graph, the project it was built from, its generation
     * (arm commands name a strip of one generation) and the armed track's strip in it (-1: none).
     */
    private record Snapshot(MixGraph graph, Project project, long generation, int armedStrip) {
    }

    /** An engine whose MIDI tracks play through Fermata's own synthesizer. */
    public AudioEngine(int sampleRate, int blockFrames, Optional<Path> soundFont, double ceilingDbtp,
                       ClipSourceProvider clips, SampleRateConverter resampler) {
        this(sampleRate, blockFrames, soundFont, ceilingDbtp, clips, resampler, SynthEngine.FERMATA);
    }

    public AudioEngine(int sampleRate, int blockFrames, Optional<Path> soundFont, double ceilingDbtp,
                       ClipSourceProvider clips, SampleRateConverter resampler, SynthEngine synth) {
        this.synth = synth;
        this.sampleRate = sampleRate;
        this.blockFrames = blockFrames;
        this.soundFont = soundFont;
        this.ceilingDbtp = ceilingDbtp;
        this.clips = clips;
        this.resampler = resampler;
        this.metronome = new Metronome(sampleRate);
        this.scratch = new float[2][blockFrames];
        this.recorder = new MidiRecorder(this);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    public int blockFrames() {
        return blockFrames;
    }

    /**
     * Builds the graph for {@code project} on the calling thread (not the audio thread) and
     * publishes it; returns the build's warnings. Synthesizers of the previous version are
     * taken over by track id, so an edit during playback does not reload instruments.
     */
    public synchronized List<String> publish(Project project) throws EngineException, BadInputException {
        closeRetired();
        Map<String, TrackSynth> reusable = published == null ? Map.of()
                : published.graph().synthsByTrack();
        MixGraph.Settings settings = new MixGraph.Settings(sampleRate, blockFrames, ceilingDbtp,
                SoundBanks.resolve(soundFont), clips, resampler, meters, synth);
        MixGraph graph = MixGraph.build(project, settings, reusable);
        if (published != null) {
            graph.continueEffectsOf(published.graph());
        }
        int armed = armedTrackId == null ? -1 : graph.stripIndex(armedTrackId);
        if (!graph.isMidiStrip(armed)) {
            armedTrackId = null;
            armed = -1;
        }
        Snapshot next = new Snapshot(graph, project, ++generation, armed);
        Snapshot unconsumed = pending.getAndSet(next);
        if (unconsumed != null) {
            unconsumed.graph().closeExcept(graph);
        }
        published = next;
        return graph.warnings();
    }

    private void closeRetired() {
        Snapshot old = retired.getAndSet(null);
        if (old != null) {
            old.graph().closeExcept(published == null ? null : published.graph());
        }
    }

    @Override
    public void play() {
        send(PLAY, 0, 0, 0, 0);
    }

    @Override
    public void pause() {
        send(PAUSE, 0, 0, 0, 0);
    }

    /** Stops and returns to the start. */
    @Override
    public void stop() {
        send(STOP, 0, 0, 0, 0);
    }

    @Override
    public void seek(long frame) {
        send(SEEK, 0, Math.max(0, frame), 0, 0);
    }

    /** Loops [startFrame, endFrame) while playing; an empty range turns looping off. */
    @Override
    public void setLoop(long startFrame, long endFrame) {
        send(LOOP, 0, startFrame, endFrame, 0);
    }

    @Override
    public void setMetronome(boolean on) {
        send(METRONOME, on ? 1 : 0, 0, 0, 0);
    }

    /** Bars of clicks before playback starts; 0 for none. */
    @Override
    public void setCountInBars(int bars) {
        send(COUNT_IN, Math.max(0, bars), 0, 0, 0);
    }

    public void setTrackGainDb(String trackId, double db) {
        send(TRACK_GAIN, strip(trackId), 0, 0, db);
    }

    public void setTrackPan(String trackId, double pan) {
        send(TRACK_PAN, strip(trackId), 0, 0, pan);
    }

    public void setTrackMute(String trackId, boolean mute) {
        send(TRACK_MUTE, strip(trackId), mute ? 1 : 0, 0, 0);
    }

    public void setTrackSolo(String trackId, boolean solo) {
        send(TRACK_SOLO, strip(trackId), solo ? 1 : 0, 0, 0);
    }

    public void setMasterGainDb(double db) {
        send(MASTER_GAIN, 0, 0, 0, db);
    }

    /**
     * Arms a MIDI track of the published project: live input ({@link #offerLiveMessage}) plays
     * through its instrument, and a recording ({@link #recorder()}) goes into it. The track stays
     * armed across later publishes while it exists.
     */
    public synchronized void armTrack(String trackId) {
        int strip = strip(trackId);
        if (!published.graph().isMidiStrip(strip)) {
            throw new IllegalArgumentException("track " + trackId + " is not a MIDI track; only MIDI tracks take MIDI input");
        }
        armedTrackId = trackId;
        send(ARM, strip, published.generation(), 0, 0);
    }

    /** No track takes live input any more. */
    public synchronized void disarm() {
        armedTrackId = null;
        send(ARM, -1, published == null ? 0 : published.generation(), 0, 0);
    }

    /** The armed track's id, if any. */
    public synchronized Optional<String> armedTrack() {
        return Optional.ofNullable(armedTrackId);
    }

    /**
     * The entry point of live MIDI input, callable from any thread (MIDI devices deliver on their
     * own): queues a channel message for the armed track, played at the start of the next block
     * and, while recording, time-stamped there. Returns false, and counts the message as dropped,
     * when the audio thread is not taking messages (no output running).
     *
     * @param status a channel message's status byte, 0x80..0xEF
     * @param data1 0..127
     * @param data2 0..127
     */
    @Override
    public boolean offerLiveMessage(int status, int data1, int data2) {
        // Checked here, on the sender's thread: a bad message reaching Gervill would throw on the audio thread.
        if (status < 0x80 || status > 0xEF || (data1 & ~0x7F) != 0 || (data2 & ~0x7F) != 0) {
            throw new IllegalArgumentException("not a MIDI channel message: " + status + "/" + data1 + "/" + data2);
        }
        boolean queued;
        synchronized (liveInputLock) {
            queued = liveInput.offer(0, status, data1, data2);
        }
        if (!queued) {
            droppedLiveMessages.incrementAndGet();
        }
        return queued;
    }

    /** Live messages lost because the ring was full, since the engine opened. */
    public long droppedLiveMessages() {
        return droppedLiveMessages.get();
    }

    /** The recorder of MIDI input into the armed track; one per engine. */
    public MidiRecorder recorder() {
        return recorder;
    }

    void setRecording(boolean on) {
        send(RECORD, on ? 1 : 0, 0, 0, 0);
    }

    /** Recorded messages and pass markers, audio thread to recorder. */
    MidiMessageRing recordedMessages() {
        return recorded;
    }

    long droppedRecordedMessages() {
        return droppedRecordedMessages.get();
    }

    private synchronized int strip(String trackId) {
        int i = published == null ? -1 : published.graph().stripIndex(trackId);
        if (i < 0) {
            throw new IllegalArgumentException("no track " + trackId + " in the published project");
        }
        return i;
    }

    private synchronized void send(int type, int index, long a, long b, double value) {
        if (!commands.offer(type, index, a, b, value)) {
            throw new IllegalStateException("the audio thread is not taking commands (ring full)");
        }
    }

    /** The playhead in timeline frames, updated once per block. */
    @Override
    public long playheadFrame() {
        return playhead.get();
    }

    @Override
    public TransportState state() {
        return state;
    }

    public MeterReadings meters() {
        return meters;
    }

    /**
     * The audio callback: fills {@code out[c][0..frames)} with the next block (frames at most the
     * block size). Call from one thread only.
     */
    public void renderCycle(float[][] out, int frames) {
        Snapshot next = pending.getAndSet(null);
        if (next != null) {
            Snapshot old = current;
            current = next;
            metronome.setProject(next.project());
            current.graph().locate(position, false);
            currentGeneration = next.generation();
            armedStrip = next.armedStrip();
            if (old != null) {
                retired.set(old);
            }
        }
        while (commands.poll(command)) {
            apply(command);
        }
        Arrays.fill(out[0], 0, frames, 0f);
        Arrays.fill(out[1], 0, frames, 0f);
        if (current == null) {
            while (liveInput.poll(liveMessage)) {
                droppedLiveMessages.incrementAndGet();
            }
            return;
        }
        if (recording && playing && !passOpen) {
            mark(PASS_START, position);
            passOpen = true;
        }
        while (liveInput.poll(liveMessage)) {
            playLive(liveMessage);
        }
        if (countInLeft > 0) {
            countIn(out, frames);
        } else if (playing) {
            playInto(out, 0, frames);
        } else if (armedStrip >= 0) {
            current.graph().processIdle(out, 0, frames);
        }
        playhead.lazySet(position);
    }

    private void playLive(MidiMessageRing.Message m) {
        if (armedStrip < 0) {
            return;
        }
        current.graph().sendLive(armedStrip, m.status, m.data1, m.data2);
        if (passOpen && !recorded.offer(position, m.status, m.data1, m.data2)) {
            droppedRecordedMessages.incrementAndGet();
        }
    }

    private void mark(int marker, long frame) {
        if (!recorded.offer(frame, marker, 0, 0)) {
            droppedRecordedMessages.incrementAndGet();
        }
    }

    /** Ends the current recording pass at the playhead: held notes close there. */
    private void endPass() {
        if (passOpen) {
            mark(PASS_END, position);
            passOpen = false;
        }
    }

    private void countIn(float[][] out, int frames) {
        int done = 0;
        while (done < frames && countInLeft > 0) {
            long intoBeat = countInElapsed % countInBeatFrames;
            if (intoBeat == 0) {
                long beat = countInElapsed / countInBeatFrames;
                metronome.clickAt(beat % countInBeatsPerBar == 0, out, 0, done);
            }
            int step = (int) Math.min(frames - done, Math.min(countInLeft, countInBeatFrames - intoBeat));
            done += step;
            countInElapsed += step;
            countInLeft -= step;
        }
        metronome.finishBlock(out, 0, done);
        if (armedStrip >= 0) {
            // The player plays along with the count-in clicks, so the armed instrument sounds too.
            current.graph().processIdle(scratch, 0, done);
            for (int i = 0; i < done; i++) {
                out[0][i] += scratch[0][i];
                out[1][i] += scratch[1][i];
            }
        }
        if (countInLeft == 0) {
            state = TransportState.PLAYING;
            playing = true;
            if (done < frames) {
                playInto(scratch, 0, frames - done);
                for (int i = 0; i < frames - done; i++) {
                    out[0][done + i] += scratch[0][i];
                    out[1][done + i] += scratch[1][i];
                }
            }
        }
    }

    /** Renders {@code frames} frames from the playhead into {@code into} from {@code offset}, wrapping at the loop end. */
    private void playInto(float[][] into, int offset, int frames) {
        int done = 0;
        while (done < frames) {
            int chunk = frames - done;
            if (loopOn && position < loopEnd && position + chunk > loopEnd) {
                chunk = (int) (loopEnd - position);
            }
            current.graph().process(position, into, offset + done, chunk);
            if (metronomeOn) {
                // Clicks join after the master, so they are placed by the master's latency later
                // to line up with the music that came through the limiter's look-ahead.
                metronome.clickTimeline(position - current.graph().latencyFrames(), into, offset + done, chunk);
            }
            position += chunk;
            done += chunk;
            if (loopOn && position == loopEnd) {
                endPass();
                position = loopStart;
                if (recording) {
                    mark(PASS_START, position);
                    passOpen = true;
                }
                current.graph().locate(position, false);
            }
        }
    }

    private void apply(CommandRing.Command c) {
        switch (c.type) {
            case PLAY -> {
                if (!playing && countInLeft == 0) {
                    if (countInBars > 0) {
                        countInBeatFrames = metronome.beatFramesAt(position);
                        countInBeatsPerBar = metronome.beatsPerBarAt(position);
                        countInLeft = countInBars * countInBeatsPerBar * countInBeatFrames;
                        countInElapsed = 0;
                        state = TransportState.COUNT_IN;
                    } else {
                        playing = true;
                        state = TransportState.PLAYING;
                    }
                    current.graph().locate(position, true);
                }
            }
            case PAUSE -> {
                endPass();
                playing = false;
                countInLeft = 0;
                metronome.silence();
                current.graph().locate(position, false);
                state = TransportState.PAUSED;
            }
            case STOP -> {
                endPass();
                playing = false;
                countInLeft = 0;
                position = 0;
                metronome.silence();
                current.graph().locate(0, true);
                state = TransportState.STOPPED;
            }
            case SEEK -> {
                endPass();
                position = c.a;
                current.graph().locate(position, true);
            }
            case LOOP -> {
                loopOn = c.b > c.a;
                loopStart = c.a;
                loopEnd = c.b;
            }
            case METRONOME -> metronomeOn = c.index == 1;
            case COUNT_IN -> countInBars = c.index;
            case TRACK_GAIN -> {
                if (c.index < current.graph().stripCount()) {
                    current.graph().setTrackGainDb(c.index, c.value);
                }
            }
            case TRACK_PAN -> {
                if (c.index < current.graph().stripCount()) {
                    current.graph().setTrackPan(c.index, c.value);
                }
            }
            case TRACK_MUTE -> {
                if (c.index < current.graph().stripCount()) {
                    current.graph().setTrackMute(c.index, c.a == 1);
                }
            }
            case TRACK_SOLO -> {
                if (c.index < current.graph().stripCount()) {
                    current.graph().setTrackSolo(c.index, c.a == 1);
                }
            }
            case MASTER_GAIN -> current.graph().setMasterGainDb(c.value);
            case ARM -> {
                if (c.a == currentGeneration && c.index != armedStrip) {
                    if (armedStrip >= 0) {
                        // Notes held on the track being left would hang: nothing would release them.
                        current.graph().sendLive(armedStrip, MIDI_CONTROL_CHANGE, MIDI_ALL_NOTES_OFF, 0);
                    }
                    armedStrip = c.index;
                }
            }
            case RECORD -> {
                if (c.index == 1) {
                    recording = true;
                } else {
                    endPass();
                    recording = false;
                    mark(RECORDING_OFF, position);
                }
            }
            default -> throw new IllegalStateException("unknown engine command " + c.type);
        }
    }

    /** Closes every graph; call after the output thread has stopped. */
    @Override
    public synchronized void close() {
        closeRetired();
        Snapshot p = pending.getAndSet(null);
        if (p != null) {
            p.graph().close();
        }
        if (current != null) {
            current.graph().close();
            current = null;
        }
        published = null;
    }
}
