package fermata.core.engine.synth;

/**
 * A preset zone and an instrument zone resolved into one flat record, as SF2.04 section 9.4
 * says: instrument generators are absolute (the instrument's global zone fills what a zone does
 * not set, then the defaults), preset generators are added to them, key and velocity ranges are
 * intersected. A note that falls in the ranges starts one voice from this record.
 */
final class Zone {
    final SampleData sample;
    final int keyLo;
    final int keyHi;
    final int velLo;
    final int velHi;
    /** Generator values by SF2 generator number, already summed over both levels. */
    final int[] gen;

    Zone(SampleData sample, int keyLo, int keyHi, int velLo, int velHi, int[] gen) {
        this.sample = sample;
        this.keyLo = keyLo;
        this.keyHi = keyHi;
        this.velLo = velLo;
        this.velHi = velHi;
        this.gen = gen;
    }

    boolean matches(int key, int velocity) {
        return key >= keyLo && key <= keyHi && velocity >= velLo && velocity <= velHi;
    }
}
