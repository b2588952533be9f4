package dev.rnn4j.text.metrics;

/**
 * One labelled span of a sentence, such as an entity: tokens {@code start} (inclusive) to
 * {@code end} (exclusive), of type {@code type} ("person", "location", ...).
 */
public record Chunk(String type, int start, int end) {
}
