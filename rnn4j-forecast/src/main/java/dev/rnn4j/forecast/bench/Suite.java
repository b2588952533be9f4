package dev.rnn4j.forecast.bench;

import java.util.List;
import java.util.Locale;

/**
 * A forecasting competition: its files (one per period, in the shared competition format), the
 * measure it is ranked by and its published reference rows.
 */
public enum Suite {
    /** M3 (Makridakis and Hibon 2000): 3003 series, ranked by sMAPE. */
    M3(List.of("m3_yearly.csv", "m3_quarterly.csv", "m3_monthly.csv", "m3_other.csv"), "smape"),
    /** Tourism (Athanasopoulos et al. 2011): 1311 series, ranked by MASE. */
    TOURISM(List.of("tourism_monthly.csv", "tourism_quarterly.csv", "tourism_yearly.csv"), "mase");

    private final List<String> files;
    private final String primaryMetric;

    Suite(List<String> files, String primaryMetric) {
        this.files = files;
        this.primaryMetric = primaryMetric;
    }

    public List<String> files() {
        return files;
    }

    /** The measure the competition's tables rank by. */
    public String primaryMetric() {
        return primaryMetric;
    }

    public static Suite parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown suite '" + text + "'; expected m3 or tourism.", e);
        }
    }
}
