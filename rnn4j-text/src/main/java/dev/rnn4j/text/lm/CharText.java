package dev.rnn4j.text.lm;

import dev.rnn4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A text as a sequence of characters (Unicode code points), and its encoding to vocabulary indices.
 * A character is one code point, so a letter outside the Basic Multilingual Plane is one symbol,
 * not two surrogate halves.
 *
 * @param source where the text came from, for messages
 * @param text   the whole text
 */
public record CharText(String source, String text) {

    /** Reads a UTF-8 file; an empty file or bytes that are not UTF-8 are errors naming the file. */
    public static CharText read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IllegalArgumentException(file + " is empty; a character model needs text to read.");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new CharText(file.toString(), text);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text (" + e.getMessage() + ").", e);
        }
    }

    /** Number of characters (code points). */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    /** The closed vocabulary of every distinct character in the text, in code-point order. */
    public Vocabulary vocabulary() {
        TreeSet<Integer> seen = new TreeSet<>();
        text.codePoints().forEach(seen::add);
        List<String> symbols = new ArrayList<>(seen.size());
        for (int cp : seen) {
            symbols.add(Character.toString(cp));
        }
        return Vocabulary.closed(symbols);
    }

    /**
     * The text's characters as indices of {@code vocabulary}. A character the vocabulary lacks is an
     * error naming the source, line and column, since a model cannot score what it cannot output.
     */
    public int[] encode(Vocabulary vocabulary) {
        int[] ids = new int[length()];
        int line = 1;
        int column = 1;
        int i = 0;
        for (int offset = 0; offset < text.length(); ) {
            int cp = text.codePointAt(offset);
            String symbol = Character.toString(cp);
            int id = vocabulary.indexOf(symbol);
            if (id < 0) {
                throw new IllegalArgumentException(source + " line " + line + " column " + column + ": character "
                        + describe(cp) + " is not in the model's " + vocabulary.size()
                        + "-character vocabulary, so the model cannot score it.");
            }
            ids[i++] = id;
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            offset += Character.charCount(cp);
        }
        return ids;
    }

    /** The first {@code fraction} of the text and the rest, split at a character boundary. */
    public CharText[] split(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction + ".");
        }
        int cut = text.offsetByCodePoints(0, (int) (length() * fraction));
        return new CharText[] {new CharText(source + " (first " + Math.round(100 * fraction) + " %)", text.substring(0, cut)),
                new CharText(source + " (last " + Math.round(100 * (1 - fraction)) + " %)", text.substring(cut))};
    }

    /** A character for a message: printable ones quoted, others by code point. */
    static String describe(int cp) {
        String hex = String.format("U+%04X", cp);
        return Character.isISOControl(cp) || Character.isWhitespace(cp) ? hex : "'" + Character.toString(cp) + "' (" + hex + ")";
    }
}
