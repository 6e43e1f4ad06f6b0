package fermata.core.engine.rt;

import fermata.core.edit.EditCommand;
import fermata.core.engine.EngineException;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.RenderOptions;
import fermata.core.engine.SoundBanks;
import fermata.core.engine.SynthEngine;
import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Everything the studio needs to play a project live: the {@link AudioEngine}, its
 * {@link RealtimeOutput} on the sound device, MIDI input, and a publisher thread that builds a new
 * render graph after each edit. Publishing is coalesced: when edits come faster than graphs build
 * (a fader drag), only the newest project version is built. Opening never fails for want of a
 * sound card or MIDI device; {@link #outputProblem()} and {@link #midiStatus()} say what is missing.
 */
public final class PlaybackSession implements TakeRecorder, AutoCloseable {
    private final AudioEngine engine;
    private final RealtimeOutput output;
    private final MidiInput midiInput;
    private final int bufferFrames;
    private final String soundBank;
    private final Consumer<String> problems;
    private final AtomicReference<Project> toPublish = new AtomicReference<>();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fermata-publish");
        t.setDaemon(true);
        return t;
    });

    private PlaybackSession(AudioEngine engine, RealtimeOutput output, MidiInput midiInput, int bufferFrames,
                            String soundBank, Consumer<String> problems) {
        this.engine = engine;
        this.soundBank = soundBank;
        this.output = output;
        this.midiInput = midiInput;
        this.bufferFrames = bufferFrames;
        this.problems = problems;
    }

    /**
     * Opens the engine at {@code sampleRate} with blocks of {@code bufferFrames}, the output
     * {@code lines} gives and the MIDI inputs {@code midiDevices} lists.
     *
     * @param media decodes the audio clips' files
     * @param problems told (on the publisher thread) of build warnings and failures
     */
    public static PlaybackSession open(int sampleRate, int bufferFrames, Optional<Path> soundFont, SynthEngine synth,
                                       MediaClipSources media, RealtimeOutput.LineProvider lines,
                                       MidiInput.DeviceSource midiDevices, Consumer<String> problems) {
        AudioEngine engine = new AudioEngine(sampleRate, bufferFrames, soundFont, RenderOptions.DEFAULT_CEILING_DBTP,
                media, media, synth);
        RealtimeOutput output = RealtimeOutput.start(engine, 2, lines);
        MidiInput input = new MidiInput(engine, midiDevices);
        input.openAll();
        SoundBanks.Choice bank = SoundBanks.resolve(soundFont);
        bank.warning().ifPresent(problems);
        return new PlaybackSession(engine, output, input, bufferFrames, bank.description(), problems);
    }

    /** The transport and mixer of the running engine. */
    public AudioEngine engine() {
        return engine;
    }

    /** Builds and plays {@code project} from the next block on; returns at once. */
    public void publish(Project project) {
        if (toPublish.getAndSet(project) == null) {
            publisher.execute(this::publishNewest);
        }
    }

    private void publishNewest() {
        Project next = toPublish.getAndSet(null);
        if (next == null) {
            return;
        }
        try {
            List<String> warnings = engine.publish(next);
            warnings.forEach(problems);
        } catch (EngineException | BadInputException | RuntimeException e) {
            problems.accept("Playback cannot use this version of the project: " + e.getMessage());
        }
    }

    /** Why nothing is heard, when the sound device did not open or stopped. */
    public Optional<String> outputProblem() {
        return output.failure();
    }

    /** A line for the status bar: the device and its format. */
    public String deviceDescription() {
        return output.failure().isPresent() ? "No audio output" : "Default output";
    }

    /** The SoundFont the synthesizers play, as the user knows it. */
    public String soundBank() {
        return soundBank;
    }

    public int bufferFrames() {
        return bufferFrames;
    }

    /** Share of real time the engine takes to render, 0..1. */
    public double load() {
        return output.load();
    }

    public String midiStatus() {
        return midiInput.status();
    }

    @Override
    public void arm(String trackId) {
        if (trackId == null) {
            engine.disarm();
        } else {
            engine.armTrack(trackId);
        }
    }

    @Override
    public void startRecording() {
        engine.recorder().start();
    }

    @Override
    public boolean isRecording() {
        return engine.recorder().isRecording();
    }

    @Override
    public void pollRecording() {
        engine.recorder().poll();
    }

    @Override
    public Optional<EditCommand> finishRecording(Project project) throws InterruptedException {
        return engine.recorder().finish(project, Duration.ofMillis(500));
    }

    @Override
    public void close() throws InterruptedException {
        publisher.shutdownNow();
        midiInput.close();
        output.close();
        engine.close();
    }
}
