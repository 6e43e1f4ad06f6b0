package fermata.core.task;

/**
 * What a long job reports and checks while it runs: a fraction done with a message, and whether it
 * was cancelled. Jobs call {@link #checkCancelled()} between units of work.
 */
public interface Progress {
    /** A progress that goes nowhere and is never cancelled, for callers that do not care. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction 0..1, or negative when unknown */
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} when the job was cancelled. */
    default void checkCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** The sub-range [from, from + span) of this progress, for a step of a larger job. */
    default Progress slice(double from, double span) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                parent.update(fraction < 0 ? -1 : from + span * Math.min(1, fraction), message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
