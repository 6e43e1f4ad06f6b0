package fermata.core.task;

/** For tests of cancellation: a progress whose task has been cancelled before it starts. */
public final class CancelledProgress {
    public static final Progress INSTANCE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return true;
        }
    };

    private CancelledProgress() {
    }
}
