package dev.rnn4j.forecast.bench;

/**
 * One model's mean scores over the series of one period (or over all series).
 *
 * @param period  YEARLY, MONTHLY, ... or ALL
 * @param series  how many series were scored
 * @param smape   mean sMAPE (%)
 * @param mase    mean MASE over the series where it is defined
 * @param mape    mean MAPE (%) over the series where it is defined
 */
public record PeriodScore(String period, int series, double smape, double mase, double mape) {

    public double get(String metric) {
        return switch (metric) {
            case "smape" -> smape;
            case "mase" -> mase;
            case "mape" -> mape;
            default -> throw new IllegalArgumentException("Unknown competition metric '" + metric
                    + "'; expected smape, mase or mape.");
        };
    }
}
