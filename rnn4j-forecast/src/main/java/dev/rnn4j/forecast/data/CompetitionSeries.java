package dev.rnn4j.forecast.data;

/**
 * One series of a forecasting competition: the history a method may see and the hidden future it
 * is scored on.
 *
 * @param train  the history, with its period (YEARLY, MONTHLY, ...) as category
 * @param test   the next {@code test.length} values, the competition horizon
 * @param period the competition's grouping for result tables (YEARLY, QUARTERLY, MONTHLY, OTHER)
 */
public record CompetitionSeries(TimeSeries train, double[] test, String period) {

    public CompetitionSeries {
        test = test.clone();
    }

    public int horizon() {
        return test.length;
    }

    @Override
    public double[] test() {
        return test.clone();
    }
}
