package dev.rnn4j.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code --cell} case-insensitively, naming the valid values on error. */
final class CellConverter implements CommandLine.ITypeConverter<CellOption> {
    @Override
    public CellOption convert(String value) {
        try {
            return CellOption.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("--cell must be rnn, lstm or gru, got '" + value + "'.");
        }
    }
}
