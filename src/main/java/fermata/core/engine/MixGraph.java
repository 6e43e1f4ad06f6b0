package fermata.core.engine;

import fermata.core.dsp.AudioProcessor;
import fermata.core.dsp.TruePeakLimiter;
import fermata.core.engine.synth.FermataSynth;
import fermata.core.engine.synth.SendChorus;
import fermata.core.engine.synth.SendReverb;
import fermata.core.engine.synth.SynthException;
import fermata.core.engine.synth.TrackSynth;
import fermata.core.engine.synth.VoiceBudget;
import fermata.core.error.BadInputException;
import fermata.core.model.AudioTrack;
import fermata.core.model.ControlEvent;
import fermata.core.model.InsertSettings;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Track;

import javax.sound.midi.Soundbank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole signal path of one project version, ready to run: a {@link ChannelStrip} per track
 * summed into the {@link MasterBus}. Built off the audio thread (it opens synthesizers and
 * allocates every buffer); {@link #process} then runs block after block without allocating.
 * The offline renderer and the real-time engine run this same class, so an export is what was
 * heard. Not thread-safe: one thread renders it at a time.
 */
public final class MixGraph implements AutoCloseable {
    private final int sampleRate;
    private final int maxBlockFrames;
    private final ChannelStrip[] strips;
    private final MasterBus master;
    private final List<String> warnings;
    private final float[][] mix;
    /** One reverb and one chorus for all MIDI tracks that send to them; null when none does. */
    private SendReverb reverb;
    private SendChorus chorus;
    private final float[] reverbBus;
    private final float[] chorusBus;
    /** The voice limit across all tracks on Fermata's synthesizer; null when there are none. */
    private final VoiceBudget voiceBudget;

    private MixGraph(int sampleRate, int maxBlockFrames, ChannelStrip[] strips, MasterBus master, List<String> warnings) {
        this.sampleRate = sampleRate;
        this.maxBlockFrames = maxBlockFrames;
        this.strips = strips;
        this.master = master;
        this.warnings = List.copyOf(warnings);
        this.mix = new float[2][maxBlockFrames];
        boolean sends = Arrays.stream(strips).anyMatch(ChannelStrip::hasReverbSend);
        this.reverb = sends ? new SendReverb(sampleRate, maxBlockFrames) : null;
        this.chorus = sends ? new SendChorus(sampleRate) : null;
        this.reverbBus = new float[maxBlockFrames];
        this.chorusBus = new float[maxBlockFrames];
        FermataSynth[] fermata = Arrays.stream(strips)
                .filter(s -> s.source() instanceof MidiTrackSource m && m.synth() instanceof FermataSynth)
                .map(s -> (FermataSynth) ((MidiTrackSource) s.source()).synth())
                .toArray(FermataSynth[]::new);
        this.voiceBudget = fermata.length == 0 ? null : new VoiceBudget(fermata, VoiceBudget.DEFAULT_VOICES);
    }

    /**
     * What a graph is built with besides the project.
     *
     * @param ceilingDbtp master limiter ceiling, or {@link RenderOptions#LIMITER_OFF}
     * @param synth the synthesizer MIDI tracks play through
     */
    public record Settings(int sampleRate, int blockFrames, double ceilingDbtp, SoundBanks.Choice soundBank,
                           ClipSourceProvider clips, SampleRateConverter resampler, MeterReadings meters,
                           SynthEngine synth) {
    }

    /**
     * Builds the graph of {@code project}. Synthesizers of {@code reusable} (by track id, from the
     * graph this one replaces) are taken over instead of opened again, which keeps edits during
     * playback cheap; the caller closes those not taken ({@link #synthsNotIn}).
     */
    public static MixGraph build(Project project, Settings settings, Map<String, TrackSynth> reusable)
            throws EngineException, BadInputException {
        List<String> warnings = new ArrayList<>();
        settings.soundBank().warning().ifPresent(warnings::add);
        List<ChannelStrip> strips = new ArrayList<>();
        int rate = settings.sampleRate();
        int block = settings.blockFrames();
        try {
            for (Track track : project.tracks()) {
                TrackSource source = track instanceof MidiTrack m
                        ? midiSource(m, project, settings, reusable)
                        : audioSource((AudioTrack) track, project, settings);
                AudioProcessor[] inserts = inserts(track.mixer().inserts(), "track " + track.name(), rate, block, warnings);
                strips.add(new ChannelStrip(track.id(), source, inserts, track.mixer(), block));
            }
        } catch (EngineException | BadInputException | RuntimeException e) {
            for (ChannelStrip s : strips) {
                if (!(s.source() instanceof MidiTrackSource m && reusable.containsValue(m.synth()))) {
                    s.close();
                }
            }
            throw e;
        }
        TruePeakLimiter limiter = null;
        if (settings.ceilingDbtp() != RenderOptions.LIMITER_OFF) {
            limiter = new TruePeakLimiter(settings.ceilingDbtp(), 50.0);
            limiter.prepare(rate, block, 2);
        }
        AudioProcessor[] masterInserts = inserts(project.master().inserts(), "master", rate, block, warnings);
        MasterBus master = new MasterBus(masterInserts, limiter, project.master().gainDb(), project.master().mute(),
                rate, settings.meters());
        ChannelStrip[] array = strips.toArray(new ChannelStrip[0]);
        boolean anySolo = Arrays.stream(array).anyMatch(ChannelStrip::solo);
        for (ChannelStrip s : array) {
            s.settle(anySolo);
        }
        return new MixGraph(rate, block, array, master, warnings);
    }

    private static TrackSource midiSource(MidiTrack track, Project project, Settings settings,
                                          Map<String, TrackSynth> reusable) throws EngineException {
        TrackSynth synth = reusable.get(track.id());
        if (synth == null) {
            Optional<Soundbank> bank = settings.soundBank().bank();
            synth = settings.synth().open(settings.sampleRate(), settings.blockFrames(), bank);
        }
        Set<Integer> programs = new HashSet<>();
        programs.add(track.instrument().program());
        for (MidiClip clip : track.clips()) {
            for (ControlEvent e : clip.events()) {
                if (e.type() == ControlEvent.PROGRAM) {
                    programs.add(e.value());
                }
            }
        }
        try {
            synth.loadInstruments(programs, track.instrument().isDrums());
        } catch (SynthException e) {
            if (!reusable.containsValue(synth)) {
                synth.close();
            }
            throw new EngineException(e.getMessage(), e);
        }
        MidiSchedule schedule = MidiSchedule.of(track, project.tempoMap(), settings.sampleRate());
        return new MidiTrackSource(synth, schedule, track.instrument().program(), track.instrument().bankMsb(),
                track.instrument().bankLsb());
    }

    private static TrackSource audioSource(AudioTrack track, Project project, Settings settings)
            throws EngineException, BadInputException {
        List<PlacedClip> placed = AudioTrackSource.place(track, project, settings.sampleRate(), settings.clips(),
                settings.resampler());
        return new AudioTrackSource(placed, settings.blockFrames());
    }

    private static AudioProcessor[] inserts(List<InsertSettings> settings, String where, int rate, int block,
                                            List<String> warnings) {
        List<AudioProcessor> chain = new ArrayList<>();
        for (InsertSettings s : settings) {
            InsertFactory.create(s, where, warnings).ifPresent(p -> {
                p.prepare(rate, block, 2);
                chain.add(p);
            });
        }
        return chain.toArray(new AudioProcessor[0]);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    /** Problems that did not stop the build: SoundFont fallback, unknown inserts. */
    public List<String> warnings() {
        return warnings;
    }

    /** Frames by which the output lags the timeline (master look-ahead); the offline renderer skips them. */
    public int latencyFrames() {
        return master.latencyFrames();
    }

    /** The frame after the last note-off or clip end. */
    public long contentEndFrame() {
        long end = 0;
        for (ChannelStrip s : strips) {
            end = Math.max(end, s.source().endFrame());
        }
        return end;
    }

    /** Index of a track's strip, for parameter commands; -1 if absent. */
    public int stripIndex(String trackId) {
        for (int i = 0; i < strips.length; i++) {
            if (strips[i].trackId().equals(trackId)) {
                return i;
            }
        }
        return -1;
    }

    public int stripCount() {
        return strips.length;
    }

    /** Renders timeline frames {@code [frame, frame + frames)} into {@code out[c][0..frames)} (overwritten). */
    public void process(long frame, float[][] out, int frames) {
        process(frame, out, 0, frames);
    }

    /** As {@link #process(long, float[][], int)}, into {@code out[c][offset..offset + frames)}. */
    public void process(long frame, float[][] out, int offset, int frames) {
        for (ChannelStrip s : strips) {
            s.renderSource(frame, frames);
        }
        mixAndMaster(out, offset, frames);
    }

    /**
     * Renders a block while the transport stands still, for live play-through: MIDI tracks'
     * synthesizers sound without their schedules, audio tracks are silent, and the mix runs
     * through faders and the master as usual.
     */
    public void processIdle(float[][] out, int offset, int frames) {
        for (ChannelStrip s : strips) {
            s.renderIdle(frames);
        }
        mixAndMaster(out, offset, frames);
    }

    /** Whether the strip at {@code strip} plays a MIDI track, which live input can play. */
    public boolean isMidiStrip(int strip) {
        return strip >= 0 && strip < strips.length && strips[strip].source() instanceof MidiTrackSource;
    }

    /**
     * Plays a live channel message (note, controller, bend; the channel nibble of {@code status}
     * is replaced by the track's) on a MIDI strip's synthesizer at the start of the next block.
     */
    public void sendLive(int strip, int status, int data1, int data2) {
        if (strips[strip].source() instanceof MidiTrackSource midi) {
            midi.sendLive(status & 0xF0, data1, data2);
        }
    }

    private void mixAndMaster(float[][] out, int offset, int frames) {
        boolean anySolo = false;
        for (ChannelStrip s : strips) {
            anySolo |= s.solo();
        }
        if (voiceBudget != null) {
            voiceBudget.enforce();
        }
        Arrays.fill(mix[0], 0, frames, 0f);
        Arrays.fill(mix[1], 0, frames, 0f);
        for (ChannelStrip s : strips) {
            s.mixInto(mix, frames, anySolo);
        }
        if (reverb != null) {
            Arrays.fill(reverbBus, 0, frames, 0f);
            Arrays.fill(chorusBus, 0, frames, 0f);
            for (ChannelStrip s : strips) {
                s.sendInto(reverbBus, chorusBus, frames, anySolo);
            }
            reverb.process(reverbBus, mix[0], mix[1], frames);
            chorus.process(chorusBus, mix[0], mix[1], frames);
        }
        master.process(mix, frames);
        System.arraycopy(mix[0], 0, out[0], offset, frames);
        System.arraycopy(mix[1], 0, out[1], offset, frames);
    }

    /**
     * As {@link #process(long, float[][], int)}, rendering the tracks on {@code workers} (offline
     * export only: the audio thread never waits on other threads). Each track's state is touched
     * by one thread per block and the mix is summed in track order, so the output is the same
     * bit for bit as the single-threaded render.
     */
    public void process(long frame, float[][] out, int frames, ExecutorService workers, int parallelism)
            throws EngineException {
        List<Callable<Void>> tasks = new ArrayList<>(parallelism);
        for (int t = 0; t < parallelism; t++) {
            int first = t;
            tasks.add(() -> {
                for (int i = first; i < strips.length; i += parallelism) {
                    strips[i].renderSource(frame, frames);
                }
                return null;
            });
        }
        try {
            for (Future<Void> done : workers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("the render was interrupted", e);
        } catch (ExecutionException e) {
            throw new EngineException("a track failed to render: " + e.getCause(), e.getCause());
        }
        mixAndMaster(out, 0, frames);
    }

    /** Moves every source to {@code frame}; see {@link TrackSource#locate}. */
    public void locate(long frame, boolean cutSound) {
        for (ChannelStrip s : strips) {
            s.locate(frame, cutSound);
        }
        if (cutSound) {
            master.reset();
            if (reverb != null) {
                reverb.reset();
                chorus.reset();
            }
        }
    }

    public void setTrackGainDb(int strip, double db) {
        strips[strip].setGainDb(db);
    }

    public void setTrackPan(int strip, double pan) {
        strips[strip].setPan(pan);
    }

    public void setTrackMute(int strip, boolean mute) {
        strips[strip].setMute(mute);
    }

    public void setTrackSolo(int strip, boolean solo) {
        strips[strip].setSolo(solo);
    }

    public void setMasterGainDb(double db) {
        master.setGainDb(db);
    }

    /**
     * Goes on with the shared reverb and chorus of {@code previous}, the graph this one replaces on
     * the audio thread, so an edit during playback does not cut the tail of what was sounding.
     * Call before this graph is published: the two graphs never run at the same time (the audio
     * thread swaps one for the other between blocks), so sharing the effects is safe.
     */
    public void continueEffectsOf(MixGraph previous) {
        if (reverb != null && previous != null && previous.reverb != null && previous.sampleRate == sampleRate
                && previous.maxBlockFrames >= maxBlockFrames) {
            reverb = previous.reverb;
            chorus = previous.chorus;
        }
    }

    /** The synthesizers of this graph by track id, to hand to the next {@link #build}. */
    public Map<String, TrackSynth> synthsByTrack() {
        Map<String, TrackSynth> map = new HashMap<>();
        for (ChannelStrip s : strips) {
            if (s.source() instanceof MidiTrackSource m) {
                map.put(s.trackId(), m.synth());
            }
        }
        return map;
    }

    /** Closes the synthesizers of this graph that {@code successor} did not take over. */
    public void closeExcept(MixGraph successor) {
        Map<String, TrackSynth> kept = successor == null ? Map.of() : successor.synthsByTrack();
        for (ChannelStrip s : strips) {
            if (!(s.source() instanceof MidiTrackSource m && kept.containsValue(m.synth()))) {
                s.close();
            }
        }
    }

    @Override
    public void close() {
        closeExcept(null);
    }
}
