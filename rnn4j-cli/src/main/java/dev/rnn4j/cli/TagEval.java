package dev.rnn4j.cli;

import dev.rnn4j.text.data.TaggedSentence;
import dev.rnn4j.text.metrics.SpanEvaluation;
import dev.rnn4j.text.metrics.SpanScore;
import dev.rnn4j.text.metrics.SystemScore;
import dev.rnn4j.text.tagger.TaggerEnsemble;
import dev.rnn4j.text.tagger.TaggerEvaluation;
import dev.rnn4j.text.tagger.UnknownGoldTags;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j tag eval}: token accuracy and conlleval exact-span precision, recall and F1, per
 * type and overall, of a saved tagger on a gold corpus.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a tagger: token accuracy and span P/R/F1 per type.")
final class TagEval implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Gold corpus.")
    Path data;

    @Option(names = "--format", required = true, description = "conll or brown.")
    String format;

    @Option(names = "--tagset", description = "Brown tag column: raw, base or coarse (default: the one the model was trained on).")
    String tagSet;

    @Mixin
    TaggerOptions taggers;

    @Option(names = "--unknown-tags", defaultValue = "fail", description = "A gold tag the model never saw: fail (an error naming "
            + "file and line) or count-as-wrong (default: ${DEFAULT-VALUE}).")
    String unknownTags;

    @Option(names = "--compare", description = "A directory of other systems' outputs on the same --data (token, then its "
            + "predicted tag last; the WNUT-17 submissions, say): each is scored like the model and the table ranks them together.")
    Path compare;

    @Override
    public Integer call() throws Exception {
        common.validate();
        UnknownGoldTags unknown = switch (unknownTags.strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> UnknownGoldTags.FAIL;
            case "count-as-wrong" -> UnknownGoldTags.COUNT_AS_WRONG;
            default -> throw new CliException(ExitCodes.USAGE, "--unknown-tags must be fail or count-as-wrong, got '" + unknownTags + "'.");
        };
        taggers.validate();
        TagCorpus.checkFormat(format);
        List<TaggerModel> models = taggers.load();
        TaggerModel model = models.get(0);
        TaggerEnsemble tagger = taggers.ensemble(models);
        String label = taggers.label();
        List<TaggedSentence> gold = TagCorpus.readTagged(data, format, tagSet == null ? model.tagSet() : TagTrain.parseTagSet(tagSet));
        TaggerEvaluation.Result result = TaggerEvaluation.evaluate(tagger, gold, taggers.batch, unknown);
        SpanEvaluation s = result.scores();
        List<SystemScore> ranking = compare == null ? List.of() : SystemComparison.rank(compare, label, tagger, gold, taggers.batch);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("models", models.size());
            j.put("entity_bias", taggers.entityBias);
            j.put("sentences", gold.size());
            j.put("tokens", s.accuracy().total());
            j.put("accuracy", s.accuracy().value());
            j.put("precision", 100 * s.overall().precision());
            j.put("recall", 100 * s.overall().recall());
            j.put("f1", 100 * s.overall().f1());
            j.put("unknown_gold_tags", result.unknownGoldTags());
            Map<String, Object> types = new LinkedHashMap<>();
            s.byType().forEach((type, score) -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("precision", 100 * score.precision());
                t.put("recall", 100 * score.recall());
                t.put("f1", 100 * score.f1());
                t.put("gold", score.gold());
                t.put("predicted", score.predicted());
                types.put(type, t);
            });
            j.put("types", types);
            if (compare != null) {
                j.put("compared", SystemComparison.json(ranking));
            }
            out.println(Json.line(j));
        } else {
            out.printf(Locale.ROOT, "%d sentences, %d tokens: accuracy %.4f%s%n", gold.size(), s.accuracy().total(),
                    s.accuracy().value(), result.unknownGoldTags() > 0
                            ? " (" + result.unknownGoldTags() + " gold tags unknown to the model, counted as wrong)" : "");
            if (model.bio()) {
                out.printf(Locale.ROOT, "%-20s %9s %9s %9s %7s %9s%n", "type", "precision", "recall", "f1", "gold", "predicted");
                s.byType().forEach((type, score) -> row(out, type, score));
                row(out, "overall", s.overall());
            } else {
                // conlleval finds no chunks in tags without B-/I- prefixes (part of speech): accuracy is the score.
                out.println("The tags are not BIO spans, so there are no span scores (accuracy is the measure).");
            }
            if (compare != null) {
                SystemComparison.print(out, ranking, label);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String type, SpanScore score) {
        out.printf(Locale.ROOT, "%-20s %9.2f %9.2f %9.2f %7d %9d%n", type, 100 * score.precision(), 100 * score.recall(),
                100 * score.f1(), score.gold(), score.predicted());
    }
}
