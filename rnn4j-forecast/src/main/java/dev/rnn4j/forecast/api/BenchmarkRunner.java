package dev.rnn4j.forecast.api;

import dev.rnn4j.forecast.bench.BenchmarkResult;
import dev.rnn4j.forecast.bench.CompetitionBenchmark;
import dev.rnn4j.forecast.model.Forecaster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The facade behind {@code rnn4j forecast benchmark}: the competition protocol for every model. */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    /**
     * Runs candidates first, then baselines.
     *
     * @param warnings receives warnings (XGBoost skipped, say)
     */
    public static BenchmarkResult run(BenchmarkRequest r, ProgressListener progress, List<String> warnings)
            throws IOException {
        List<Forecaster> models = new ArrayList<>(r.candidates());
        models.addAll(ModelCatalog.baselines(r.baselines(), warnings));
        return CompetitionBenchmark.run(r.suite(), r.dataDir(), models, r.seed(),
                p -> progress.onProgress(p.model() + " " + p.period(), p.done(), p.total()));
    }
}
