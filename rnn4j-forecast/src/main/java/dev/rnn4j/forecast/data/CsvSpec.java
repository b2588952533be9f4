package dev.rnn4j.forecast.data;

import java.util.List;
import java.util.Objects;

/**
 * Which columns of a CSV file mean what.
 *
 * @param targets      columns to forecast (one series per target and series id); empty means every
 *                     numeric column that is not the time, series or a covariate column
 * @param timeColumn   column holding the time (ISO date, date-time, year-month or a number), or null
 * @param seriesColumn column naming the series in long format, or null for one series per target
 * @param covariates   extra input columns aligned with the targets
 * @param frequency    observations per seasonal cycle, or 0 to infer it from the time column
 * @param fill         what to do with missing values
 */
public record CsvSpec(List<String> targets, String timeColumn, String seriesColumn, List<String> covariates,
                      int frequency, FillPolicy fill) {

    public CsvSpec {
        targets = targets == null ? List.of() : List.copyOf(targets);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        fill = Objects.requireNonNullElse(fill, FillPolicy.ERROR);
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be 0 (infer) or positive, got " + frequency + ".");
        }
    }

    /** One target column, an optional time column, everything else inferred. */
    public static CsvSpec target(String target, String timeColumn) {
        return new CsvSpec(List.of(target), timeColumn, null, List.of(), 0, FillPolicy.ERROR);
    }

    public CsvSpec withSeriesColumn(String column) {
        return new CsvSpec(targets, timeColumn, column, covariates, frequency, fill);
    }

    public CsvSpec withFrequency(int f) {
        return new CsvSpec(targets, timeColumn, seriesColumn, covariates, f, fill);
    }

    public CsvSpec withFill(FillPolicy policy) {
        return new CsvSpec(targets, timeColumn, seriesColumn, covariates, frequency, policy);
    }

    public CsvSpec withCovariates(List<String> columns) {
        return new CsvSpec(targets, timeColumn, seriesColumn, columns, frequency, fill);
    }
}
