package fermata.core.compose;

import fermata.core.model.MidiClip;
import fermata.core.model.Project;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Samples music from a {@link TcnModel} one step at a time: the model gives each cell's probability
 * for the next step from the steps before it (only the receptive field is fed back, so a step costs
 * the same at bar 1 and bar 100); cells outside the key or the pitch range are never played.
 */
public final class TcnGenerator {
    private final TcnModel model;

    public TcnGenerator(TcnModel model) {
        this.model = model;
    }

    /**
     * Continues a project: its pitched tracks (merged for a one-track model) are the primer, and its
     * key is kept unless the request names one.
     */
    public Generated continueFrom(Project project, GenerationRequest request) {
        RollFormat format = model.format();
        PianoRoll primer = format.tracks() == 1 ? ProjectRolls.toMergedRoll(project, format) : ProjectRolls.toRoll(project, format);
        MusicalKey key = request.key() != null ? request.key() : ProjectRolls.keyOf(project, primer);
        return generate(request.withPrimer(primer).withKey(key));
    }

    /** Continues one clip (as one track, clip-relative ticks); the key is estimated unless the request names one. */
    public Generated continueFrom(MidiClip clip, GenerationRequest request) {
        PianoRoll primer = ProjectRolls.toRoll(clip, model.format());
        MusicalKey key = request.key() != null ? request.key() : KeyEstimator.estimate(primer.pitchClassHistogram());
        return generate(request.withPrimer(primer).withKey(key));
    }

    public Generated generate(GenerationRequest request) {
        RollFormat format = model.format();
        long ticksPerBar = request.meter().ticksPerBar();
        int steps = (int) Math.max(1, Math.round((double) request.bars() * ticksPerBar / format.ticksPerStep()));
        MusicalKey key = request.key();
        // A model that only saw C major / C minor writes in C; the result is then moved to the key.
        int shift = key != null && model.card().keysInC() ? (key.tonic() <= 6 ? key.tonic() : key.tonic() - 12) : 0;
        MusicalKey modelKey = key == null ? MusicalKey.C_MAJOR : new MusicalKey(Math.floorMod(key.tonic() - shift, 12), key.minor());
        boolean[] allowed = new boolean[format.featuresPerStep()];
        for (int track = 0; track < format.tracks(); track++) {
            for (int channel = 0; channel < format.channels(); channel++) {
                for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
                    int target = pitch + shift;
                    allowed[format.featureIndex(track, channel, pitch)] = format.contains(target) && request.inRange(target)
                            && (key == null || key.inScale(target));
                }
            }
        }

        List<float[]> history = new ArrayList<>();
        history.add(new float[format.featuresPerStep()]);
        if (request.primer() != null) {
            PianoRoll primer = request.primer().transposed(-shift).orElse(request.primer());
            for (int t = 0; t < primer.steps(); t++) {
                history.add(primer.stepVector(t));
            }
        }
        int window = model.card().tcn().receptiveField();
        int inputWidth = model.inputWidth();
        int width = format.featuresPerStep();
        Random random = new Random(request.seed());
        double bias = 8 * (request.density() - 0.5);
        float[][] generated = new float[steps][];
        for (int t = 0; t < steps; t++) {
            int w = Math.min(window, history.size());
            INDArray input = TcnModel.zeros(inputWidth, w);
            for (int i = 0; i < w; i++) {
                float[] step = history.get(history.size() - w + i);
                for (int f = 0; f < width; f++) {
                    if (step[f] != 0) {
                        input.putScalar(0, f, i, step[f]);
                    }
                }
                if (model.card().tcn().keyConditioned()) {
                    input.putScalar(0, width + modelKey.index(), i, 1f);
                }
            }
            float[] probabilities = model.predictLast(input);
            float[] next = new float[width];
            for (int f = 0; f < width; f++) {
                if (allowed[f] && sample(probabilities[f], bias, request.temperature(), random)) {
                    next[f] = 1;
                }
            }
            if (format.onsets()) {
                dropOnsetsWithoutHold(next, format);
            }
            generated[t] = next;
            history.add(next);
        }
        PianoRoll roll = PianoRoll.fromStepVectors(generated, format).transposed(shift)
                .orElseThrow(() -> new IllegalStateException("masked generation left the pitch range"));
        if (request.voices() > 1 && format.tracks() == 1) {
            roll = Voices.split(roll, request.voices());
        }
        MusicalKey resultKey = key != null ? key : KeyEstimator.estimate(roll.pitchClassHistogram());
        long startTick = request.primer() == null ? 0 : request.primer().steps() * format.ticksPerStep();
        return new Generated(roll, resultKey, request.tempoBpm(), request.meter(), startTick);
    }

    static boolean sample(float probability, double bias, double temperature, Random random) {
        double p = Math.min(1 - FrameNll.EPSILON, Math.max(FrameNll.EPSILON, probability));
        double logit = Math.log(p / (1 - p)) + bias;
        if (temperature == 0) {
            return logit >= 0;
        }
        double q = 1 / (1 + Math.exp(-logit / temperature));
        return random.nextDouble() < q;
    }

    static void dropOnsetsWithoutHold(float[] step, RollFormat format) {
        for (int track = 0; track < format.tracks(); track++) {
            for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
                if (step[format.featureIndex(track, 0, pitch)] == 0) {
                    step[format.featureIndex(track, 1, pitch)] = 0;
                }
            }
        }
    }
}
