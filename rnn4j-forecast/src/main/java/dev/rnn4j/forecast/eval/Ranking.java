package dev.rnn4j.forecast.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Models ordered by one measure (lower is better), and a plain verdict: does the candidate beat
 * every baseline? With several candidates the best-ranked one is judged.
 *
 * @param metric  the measure ranked by (mase unless it is undefined everywhere, then smape)
 * @param order   model names, best first
 * @param verdict one or two sentences for people
 * @param candidateBeatsBaselines true when the judged candidate beats every baseline; false when it
 *                does not or when there is no candidate
 */
public record Ranking(String metric, List<String> order, String verdict, boolean candidateBeatsBaselines) {

    public Ranking {
        order = List.copyOf(order);
    }

    public static Ranking of(List<ModelResult> results) {
        String metric = results.stream().anyMatch(r -> Double.isFinite(r.mean().mase())) ? "mase" : "smape";
        List<ModelResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(r -> score(r, metric)));
        List<String> order = sorted.stream().map(ModelResult::model).toList();
        List<ModelResult> baselines = sorted.stream().filter(ModelResult::baseline).toList();
        ModelResult candidate = sorted.stream().filter(r -> !r.baseline()).findFirst().orElse(null);
        if (candidate == null) {
            ModelResult best = sorted.get(0);
            return new Ranking(metric, order, String.format(Locale.ROOT, "No candidate model was backtested; the best "
                    + "baseline is %s (%s %.4g), the bar a model must clear.", best.model(), metric,
                    score(best, metric)), false);
        }
        double c = score(candidate, metric);
        List<String> beats = new ArrayList<>();
        List<String> loses = new ArrayList<>();
        for (ModelResult b : baselines) {
            String entry = String.format(Locale.ROOT, "%s %.4g", b.model(), score(b, metric));
            (c < score(b, metric) ? beats : loses).add(entry);
        }
        int rank = order.indexOf(candidate.model()) + 1;
        String head = String.format(Locale.ROOT, "%s ranks %d of %d by %s (%.4g)", candidate.model(), rank,
                order.size(), metric, c);
        if (loses.isEmpty()) {
            return new Ranking(metric, order, head + " and beats every baseline (" + String.join(", ", beats)
                    + "): it earns its place.", true);
        }
        return new Ranking(metric, order, head + " and does NOT beat " + String.join(", ", loses)
                + ": it does not earn its place; use the best baseline instead.", false);
    }

    private static double score(ModelResult r, String metric) {
        double v = r.mean().get(metric);
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }
}
