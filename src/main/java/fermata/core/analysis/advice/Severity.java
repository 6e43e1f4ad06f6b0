package fermata.core.analysis.advice;

/** How much a finding matters, most urgent first. */
public enum Severity {
    /** Audible damage or a delivery that will be rejected: clipping, overs. */
    ERROR,
    /** Likely to sound worse somewhere: on phones, in mono, after normalisation. */
    WARNING,
    /** Worth knowing, a matter of intent. */
    INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
