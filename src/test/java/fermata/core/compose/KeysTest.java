package fermata.core.compose;

import fermata.core.model.KeySignature;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysTest {
    @Test
    void parsesKeyNames() {
        assertEquals(new MusicalKey(2, true), MusicalKey.parse("D minor"));
        assertEquals(new MusicalKey(6, false), MusicalKey.parse("F# major"));
        assertEquals(new MusicalKey(10, false), MusicalKey.parse("Bb"));
        assertEquals(new MusicalKey(9, true), MusicalKey.parse("Am"));
        assertThrows(IllegalArgumentException.class, () -> MusicalKey.parse("H major"));
    }

    @Test
    void convertsToAndFromSignatures() {
        assertEquals(new KeySignature(0, -1, true), MusicalKey.parse("D minor").toSignature(0));
        assertEquals(new KeySignature(0, 6, false), MusicalKey.parse("F# major").toSignature(0));
        assertEquals(MusicalKey.parse("Eb major"), MusicalKey.of(new KeySignature(0, -3, false)));
    }

    @Test
    void minorScaleKeepsTheLeadingTone() {
        MusicalKey aMinor = MusicalKey.parse("A minor");
        assertTrue(aMinor.inScale(68), "G# is the leading tone");
        assertTrue(aMinor.inScale(67));
        assertFalse(aMinor.inScale(66));
        assertFalse(MusicalKey.C_MAJOR.inScale(61));
    }

    @Test
    void estimatesKeysFromHistograms() {
        double[] dMajor = new double[12];
        for (int pc : new int[] {2, 4, 6, 7, 9, 11, 1}) {
            dMajor[pc] = 1;
        }
        dMajor[2] = 4;
        dMajor[9] = 3;
        dMajor[6] = 2;
        assertEquals(MusicalKey.parse("D major"), KeyEstimator.estimate(dMajor));

        double[] cMinor = new double[12];
        for (int pc : new int[] {0, 2, 3, 5, 7, 8, 11}) {
            cMinor[pc] = 1;
        }
        cMinor[0] = 4;
        cMinor[7] = 3;
        cMinor[3] = 2;
        assertEquals(MusicalKey.parse("C minor"), KeyEstimator.estimate(cMinor));
    }
}
