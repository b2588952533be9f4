package dev.rnn4j.forecast.api;

import dev.rnn4j.forecast.eval.BacktestResult;

import java.nio.file.Path;

/**
 * What a backtest run produced.
 *
 * @param result the backtest
 * @param report the HTML report written, or null when none was asked for
 */
public record BacktestOutcome(BacktestResult result, Path report) {
}
