package dev.rnn4j.bench;

import java.math.BigDecimal;
import java.math.MathContext;

/** Builds one flat JSON object, keys in insertion order; enough for the result lines of the schema. */
final class JsonLine {

    private final StringBuilder sb = new StringBuilder("{");

    JsonLine put(String key, String value) {
        sep(key).append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        return this;
    }

    JsonLine put(String key, long value) {
        sep(key).append(value);
        return this;
    }

    JsonLine put(String key, boolean value) {
        sep(key).append(value);
        return this;
    }

    JsonLine put(String key, double value) {
        // Six significant digits, no exponent, no trailing zeros: valid JSON for any finite value.
        sep(key).append(BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString());
        return this;
    }

    private StringBuilder sep(String key) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        return sb.append('"').append(key).append("\":");
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
