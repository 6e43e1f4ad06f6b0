package fermata.ui.waveform;

import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks for the waveform's time ruler, in minutes:seconds or bars:beats (the project's tempo map
 * and time signatures). The step is the smallest "nice" one that leaves room for a label.
 */
final class Ruler {
    static final double MIN_LABEL_SPACING = 80;
    private static final double[] SECOND_STEPS = {0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1,
        0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
    private static final int MAX_TICKS = 400;

    private Ruler() {
    }

    static List<RulerTick> minutesSeconds(double firstFrame, double framesPerPixel, double width, int rate) {
        double secondsPerPixel = framesPerPixel / rate;
        double step = SECOND_STEPS[SECOND_STEPS.length - 1];
        for (double s : SECOND_STEPS) {
            if (s / secondsPerPixel >= MIN_LABEL_SPACING) {
                step = s;
                break;
            }
        }
        List<RulerTick> ticks = new ArrayList<>();
        double start = firstFrame / rate;
        double end = start + width * secondsPerPixel;
        long first = (long) Math.floor(start / step);
        for (long i = first; i * step <= end && ticks.size() < MAX_TICKS; i++) {
            double t = i * step;
            double x = (t * rate - firstFrame) / framesPerPixel;
            if (x >= 0) {
                ticks.add(new RulerTick(x, minSec(t, step), true));
            }
            double minor = x + step / secondsPerPixel / 2;
            if (minor >= 0 && minor <= width) {
                ticks.add(new RulerTick(minor, "", false));
            }
        }
        return ticks;
    }

    /** "m:ss" or "m:ss.fff" as fine as the step asks. */
    static String minSec(double seconds, double step) {
        long totalMillis = Math.round(seconds * 10_000);
        long minutes = totalMillis / 600_000;
        double rest = (totalMillis % 600_000) / 10_000.0;
        if (step >= 1) {
            return String.format(Locale.ROOT, "%d:%02d", minutes, (long) Math.floor(rest + 1e-9));
        }
        int decimals = step >= 0.1 ? 1 : step >= 0.01 ? 2 : step >= 0.001 ? 3 : 4;
        return String.format(Locale.ROOT, "%d:%0" + (3 + decimals) + "." + decimals + "f", minutes, rest);
    }

    static List<RulerTick> barsBeats(double firstFrame, double framesPerPixel, double width, Project project) {
        int rate = project.sampleRate();
        double startTick = project.tempoMap().tickAtFrame((long) Math.max(0, firstFrame), rate);
        double endTick = project.tempoMap().tickAtFrame((long) (firstFrame + width * framesPerPixel), rate);
        List<RulerTick> ticks = new ArrayList<>();
        List<TimeSignature> signatures = project.timeSignatures();
        int bar = 1;
        for (int s = 0; s < signatures.size() && ticks.size() < MAX_TICKS; s++) {
            TimeSignature ts = signatures.get(s);
            long sectionEnd = s + 1 < signatures.size() ? signatures.get(s + 1).tick() : Ppq.MAX_TICK;
            long barTicks = ts.ticksPerBar();
            long beatTicks = ts.ticksPerBeat();
            double barPixels = pixels(project, ts.tick(), ts.tick() + barTicks, framesPerPixel);
            long barsPerLabel = 1;
            while (barPixels * barsPerLabel < MIN_LABEL_SPACING && barsPerLabel < 1 << 20) {
                barsPerLabel *= 2;
            }
            boolean beats = barPixels / ts.numerator() >= MIN_LABEL_SPACING / 2;
            for (long tick = ts.tick(); tick < sectionEnd && tick <= endTick && ticks.size() < MAX_TICKS;
                 tick += barTicks, bar++) {
                if (tick + barTicks < startTick) {
                    continue;
                }
                if ((bar - 1) % barsPerLabel == 0) {
                    add(ticks, project, tick, firstFrame, framesPerPixel, String.valueOf(bar), true);
                }
                if (beats) {
                    for (int beat = 2; beat <= ts.numerator(); beat++) {
                        add(ticks, project, tick + (beat - 1) * beatTicks, firstFrame, framesPerPixel,
                                bar + "." + beat, false);
                    }
                }
            }
        }
        return ticks;
    }

    private static double pixels(Project p, long fromTick, long toTick, double framesPerPixel) {
        return (p.tempoMap().frame(toTick, p.sampleRate()) - p.tempoMap().frame(fromTick, p.sampleRate())) / framesPerPixel;
    }

    private static void add(List<RulerTick> ticks, Project p, long tick, double firstFrame, double framesPerPixel,
                            String label, boolean major) {
        double x = (p.tempoMap().frame(tick, p.sampleRate()) - firstFrame) / framesPerPixel;
        if (x >= 0) {
            ticks.add(new RulerTick(x, label, major));
        }
    }
}
