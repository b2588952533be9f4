package dev.rnn4j.text.seq2seq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rnn4j.io.ModelFile;
import dev.rnn4j.nn.CellType;
import dev.rnn4j.seq2seq.AttentionScore;
import dev.rnn4j.seq2seq.Decoding;
import dev.rnn4j.seq2seq.EncoderDecoder;
import dev.rnn4j.seq2seq.Seq2SeqConfig;
import dev.rnn4j.seq2seq.SymbolPair;
import dev.rnn4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A character-level sequence-to-sequence model: an {@link EncoderDecoder} with its
 * {@link CharacterCodec}. Saved as a model directory (or .zip): config.json holds kind
 * {@code seq2seq}, the model's shape, both vocabularies and the longest training source (so
 * evaluation can tell lengths seen in training from longer ones); weights.safetensors holds every
 * parameter under its {@link EncoderDecoder#stateDict()} name.
 *
 * @param codec                characters to symbols and back
 * @param model                the network
 * @param longestTrainedSource the longest source seen in training, in characters
 * @param reverseSource        whether the encoder reads each source backwards (Sutskever et al. 2014: the first
 *                             target symbols then sit close to the source symbols they depend on)
 */
public record CharSeq2Seq(CharacterCodec codec, EncoderDecoder model, int longestTrainedSource, boolean reverseSource) {

    static final String KIND = "seq2seq";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Pairs as symbols; a target character outside the target vocabulary is an error naming the pair's line. */
    public List<SymbolPair> symbols(List<TextPair> pairs) {
        List<SymbolPair> out = new ArrayList<>(pairs.size());
        for (TextPair p : pairs) {
            out.add(new SymbolPair(source(p.source()), codec.encodeTarget(p.target(), p.where())));
        }
        return out;
    }

    /**
     * Translations of {@code sources}: greedy when {@code beam} is 1, else beam search with
     * length normalisation {@code alpha}; at most {@code maxLength} characters each.
     */
    public List<String> translate(List<String> sources, int beam, double alpha, int maxLength, int batchSize) {
        List<String> out = new ArrayList<>(sources.size());
        for (int from = 0; from < sources.size(); from += batchSize) {
            List<String> part = sources.subList(from, Math.min(sources.size(), from + batchSize));
            int[][] src = part.stream().map(this::source).toArray(int[][]::new);
            int[][] decoded = beam == 1 ? Decoding.greedy(model, src, maxLength + 1)
                    : Decoding.beam(model, src, beam, maxLength + 1, alpha);
            for (int[] d : decoded) {
                out.add(codec.decodeTarget(d));
            }
        }
        return out;
    }

    /** The source as the encoder reads it. */
    private int[] source(String text) {
        int[] s = codec.encodeSource(text);
        if (reverseSource) {
            for (int i = 0, j = s.length - 1; i < j; i++, j--) {
                int tmp = s[i];
                s[i] = s[j];
                s[j] = tmp;
            }
        }
        return s;
    }

    public void save(Path dir) throws IOException {
        save(dir, null);
    }

    /** Saves the model with a model card (how it was trained, provenance) under {@code card}, or none when null. */
    public void save(Path dir, ObjectNode card) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND);
        if (card != null) {
            root.set("card", card);
        }
        Seq2SeqConfig c = model.config();
        ObjectNode m = root.putObject("seq2seq");
        m.put("cell", c.cell().id());
        m.put("embedding_size", c.embeddingSize());
        m.put("encoder_hidden", c.encoderHidden());
        m.put("layers", c.layers());
        m.put("encoder_bidirectional", c.encoderBidirectional());
        m.put("decoder_hidden", c.decoderHidden());
        m.put("attention", c.attention().id());
        m.put("longest_trained_source", longestTrainedSource);
        m.put("reverse_source", reverseSource);
        ObjectNode v = root.putObject("vocabularies");
        v.set("source", JSON.valueToTree(codec.source()));
        v.set("target", JSON.valueToTree(codec.target()));
        ModelFile.save(dir, root, model.stateDict());
    }

    public static CharSeq2Seq load(Path dir) throws IOException {
        ModelFile.Contents contents = ModelFile.load(dir, root -> new EncoderDecoder(config(root), dev.rnn4j.kernel.KernelProvider.get())
                .parameterShapes());
        JsonNode root = contents.config();
        EncoderDecoder model = new EncoderDecoder(config(root), dev.rnn4j.kernel.KernelProvider.get());
        model.load(contents.weights());
        JsonNode m = root.path("seq2seq");
        return new CharSeq2Seq(codec(root), model, m.path("longest_trained_source").asInt(), m.path("reverse_source").asBoolean(false));
    }

    /** The model shape a config.json describes; IllegalArgumentException (ModelFile prefixes the file) when it is not one. */
    static Seq2SeqConfig config(JsonNode root) {
        if (!KIND.equals(root.path("kind").asText())) {
            throw new IllegalArgumentException("expected a sequence-to-sequence model (kind '" + KIND + "'), got kind '"
                    + root.path("kind").asText("") + "'.");
        }
        JsonNode m = root.path("seq2seq");
        CharacterCodec codec = codec(root);
        return new Seq2SeqConfig(CellType.fromId(m.path("cell").asText()), codec.source().size(), codec.target().size(),
                m.path("embedding_size").asInt(), m.path("encoder_hidden").asInt(), m.path("layers").asInt(),
                m.path("encoder_bidirectional").asBoolean(), m.path("decoder_hidden").asInt(), false,
                AttentionScore.parse(m.path("attention").asText("none")), codec.startSymbol(), codec.endSymbol());
    }

    private static CharacterCodec codec(JsonNode root) {
        JsonNode v = root.path("vocabularies");
        try {
            return new CharacterCodec(JSON.treeToValue(v.path("source"), Vocabulary.class),
                    JSON.treeToValue(v.path("target"), Vocabulary.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("vocabularies.source and vocabularies.target must be vocabularies ("
                    + e.getMessage() + ").");
        }
    }
}
