package dev.rnn4j.forecast.api;

import dev.rnn4j.forecast.bench.Suite;
import dev.rnn4j.forecast.model.Forecaster;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code rnn4j forecast benchmark} can be asked, one field per option.
 *
 * @param suite      m3 or tourism (--suite)
 * @param dataDir    directory holding the suite's files and reference tables (--data)
 * @param baselines  baseline names (--baselines); empty: all
 * @param candidates models under evaluation (the RNN forecaster)
 * @param seed       seed (--seed)
 */
public record BenchmarkRequest(Suite suite, Path dataDir, List<String> baselines, List<Forecaster> candidates, long seed) {

    public BenchmarkRequest {
        if (suite == null || dataDir == null) {
            throw new IllegalArgumentException("A benchmark needs a suite (--suite m3|tourism) and its data directory (--data DIR).");
        }
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static BenchmarkRequest of(Suite suite, Path dataDir) {
        return new BenchmarkRequest(suite, dataDir, List.of(), List.of(), 42L);
    }
}
