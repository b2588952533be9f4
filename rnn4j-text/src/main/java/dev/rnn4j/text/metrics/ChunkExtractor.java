package dev.rnn4j.text.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the chunks of a tag sequence exactly as the CoNLL shared-task script {@code conlleval}
 * does, so our F1 equals the one papers report.
 *
 * <p>A tag is {@code PREFIX-TYPE} (split at the first hyphen: {@code B-creative-work} is prefix B,
 * type creative-work) or a bare tag with an empty type ({@code O}). Prefixes B, I, E, S (IOB1, IOB2
 * and IOBES all work) and O are understood. As in conlleval, an {@code I-X} that follows {@code O} or
 * another type starts a new chunk instead of being dropped, and a chunk always ends at the end of
 * the sentence.
 */
public final class ChunkExtractor {

    private ChunkExtractor() {
    }

    /** The chunks of one sentence's tags, in order. */
    public static List<Chunk> chunks(List<String> tags) {
        List<Chunk> out = new ArrayList<>();
        String prevPrefix = "O";
        String prevType = "";
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            // conlleval treats the sentence boundary as an O tag, closing any open chunk.
            String tag = i < tags.size() ? tags.get(i) : "O";
            int dash = tag.indexOf('-');
            String prefix = dash < 0 ? tag : tag.substring(0, dash);
            String type = dash < 0 ? "" : tag.substring(dash + 1);
            if (start >= 0 && endsChunk(prevPrefix, prefix, prevType, type)) {
                out.add(new Chunk(prevType, start, i));
                start = -1;
            }
            if (startsChunk(prevPrefix, prefix, prevType, type)) {
                start = i;
            }
            prevPrefix = prefix;
            prevType = type;
        }
        return out;
    }

    /** conlleval's endOfChunk: does a chunk end between the previous token and this one? */
    static boolean endsChunk(String prev, String cur, String prevType, String type) {
        boolean end = switch (prev) {
            case "B", "I" -> cur.equals("B") || cur.equals("S") || cur.equals("O");
            case "E", "S" -> true;
            default -> false;
        };
        if (!prev.equals("O") && !prev.equals(".") && !prevType.equals(type)) {
            end = true;
        }
        return end;
    }

    /** conlleval's startOfChunk: does a chunk start at this token? */
    static boolean startsChunk(String prev, String cur, String prevType, String type) {
        boolean start = switch (cur) {
            case "B", "S" -> true;
            case "E", "I" -> prev.equals("E") || prev.equals("S") || prev.equals("O");
            default -> false;
        };
        if (!cur.equals("O") && !cur.equals(".") && !prevType.equals(type)) {
            start = true;
        }
        return start;
    }
}
