package fermata.core.compose;

import fermata.core.model.Project;

import java.util.Random;

/**
 * Writes music with a {@link GanModel} one bar at a time, each bar conditioned on the bar before
 * it, the key and a cadence pattern of chords in that key (I IV V I vi ii V I, or its minor form).
 * Density shifts the odds of each voice sounding rather than resting, temperature sharpens or flattens
 * both that choice and the choice of pitch (see {@link GanBars#decode}), and cells outside the key or the
 * pitch range never sound.
 */
public final class GanGenerator {
    private final GanModel model;

    public GanGenerator(GanModel model) {
        this.model = model;
    }

    /** Continues a project: its pitched tracks, merged and split into the model's voices, give the first bar's predecessor. */
    public Generated continueFrom(Project project, GenerationRequest request) {
        RollFormat format = model.format();
        RollFormat merged = new RollFormat(format.stepsPerBeat(), format.lowPitch(), format.pitchCount(), 1, false);
        PianoRoll primer = GanBars.toFormat(ProjectRolls.toMergedRoll(project, merged), format);
        MusicalKey key = request.key() != null ? request.key() : ProjectRolls.keyOf(project, primer);
        return generate(request.withPrimer(primer).withKey(key));
    }

    public Generated generate(GenerationRequest request) {
        RollFormat format = model.format();
        GanArchitecture arch = model.architecture();
        long ticksPerBar = arch.stepsPerBar() * format.ticksPerStep();
        if (request.meter().ticksPerBar() != ticksPerBar) {
            throw new IllegalArgumentException("this GAN writes bars of " + arch.stepsPerBar() + " steps (" + ticksPerBar
                    + " ticks); the meter " + request.meter().numerator() + "/" + request.meter().denominator() + " has "
                    + request.meter().ticksPerBar());
        }
        MusicalKey key = request.key();
        int shift = key != null && model.card().keysInC() ? (key.tonic() <= 6 ? key.tonic() : key.tonic() - 12) : 0;
        MusicalKey modelKey = key == null ? MusicalKey.C_MAJOR : new MusicalKey(Math.floorMod(key.tonic() - shift, 12), key.minor());
        int width = arch.barWidth(format);
        int columns = arch.columns(format);
        boolean[] allowed = new boolean[width];
        for (int i = 0; i < width; i++) {
            int target = format.lowPitch() + i % columns + shift;
            allowed[i] = i % columns < format.pitchCount() && format.contains(target) && request.inRange(target)
                    && (key == null || key.inScale(target));
        }
        float[] previous = new float[width];
        if (request.primer() != null && request.primer().format().equals(format) && request.primer().steps() >= arch.stepsPerBar()) {
            PianoRoll primer = request.primer().transposed(-shift).orElse(request.primer());
            previous = GanBars.bar(primer, primer.steps() - arch.stepsPerBar(), arch);
        }
        Random random = new Random(request.seed());
        double bias = 8 * (request.density() - 0.5);
        int steps = request.bars() * arch.stepsPerBar();
        float[][] vectors = new float[steps][format.featuresPerStep()];
        for (int b = 0; b < request.bars(); b++) {
            float[][] noise = new float[1][arch.noise()];
            for (int i = 0; i < arch.noise(); i++) {
                noise[0][i] = (float) random.nextGaussian();
            }
            float[] condition = GanBars.condition(previous, modelKey, GanBars.progression(modelKey, b), arch, format);
            float[] probabilities = model.bars(noise, new float[][] {condition})[0];
            float[] bar = GanBars.decode(probabilities, allowed, bias, request.temperature(), random, arch, format);
            GanBars.addToSteps(bar, vectors, b * arch.stepsPerBar(), arch, format);
            previous = bar;
        }
        PianoRoll roll = PianoRoll.fromStepVectors(vectors, format).transposed(shift)
                .orElseThrow(() -> new IllegalStateException("masked generation left the pitch range"));
        MusicalKey resultKey = key != null ? key : KeyEstimator.estimate(roll.pitchClassHistogram());
        long startTick = request.primer() == null ? 0 : request.primer().steps() * format.ticksPerStep();
        return new Generated(roll, resultKey, request.tempoBpm(), request.meter(), startTick);
    }
}
