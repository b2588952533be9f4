package dev.rnn4j.data;

/**
 * One instance read from a classification file, before encoding.
 *
 * @param id       the instance's name
 * @param split    its split ({@code train}, {@code test}, …)
 * @param label    its class label, or null when the file has none (prediction input)
 * @param values   {@code length × features} values, row-major
 * @param length   timesteps
 * @param line     the file line where the instance starts (for messages)
 */
public record LabeledInstance(String id, String split, String label, float[] values, int length, long line) {

    public int features() {
        return values.length / length;
    }
}
