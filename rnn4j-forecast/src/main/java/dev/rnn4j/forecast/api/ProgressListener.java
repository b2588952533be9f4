package dev.rnn4j.forecast.api;

/** Receives coarse progress of long runs; the command line turns it into a progress bar. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param task  what is running ("theta, fold 2/3", "xgboost MONTHLY")
     * @param done  units finished
     * @param total units in all
     */
    void onProgress(String task, int done, int total);

    static ProgressListener silent() {
        return (task, done, total) -> { };
    }
}
