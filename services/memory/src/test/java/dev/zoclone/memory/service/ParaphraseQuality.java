package dev.zoclone.memory.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well one model's vectors find paraphrases in a {@link ParaphraseSet}.
 *
 * <p>Retrieval: the first sentence of each {@code same} pair is a query; the corpus is the second
 * sentence of every pair, so each query has one paraphrase and, for most, a distractor that shares
 * its words but not its meaning. {@code recallAt1} and {@code recallAt5} are the share of queries
 * whose paraphrase ranks first, or among the first five, by cosine. {@code pairAuc} is the chance
 * that a {@code same} pair is closer than a {@code different} pair (area under the ROC curve).
 */
record ParaphraseQuality(double recallAt1, double recallAt5, double pairAuc) {
  /** Most a model's recall@1 and recall@5 may fall below the baseline's (absolute). */
  static final double RECALL_MARGIN = 0.02;

  /** Most a model's pair AUC may fall below the baseline's (absolute). */
  static final double AUC_MARGIN = 0.01;

  /** The figures of the vectors {@code vectors} gives each sentence of {@code set}. */
  static ParaphraseQuality measure(ParaphraseSet set, Map<String, float[]> vectors) {
    List<float[]> corpus = set.pairs().stream().map(p -> vectors.get(p.second())).toList();
    int queries = 0;
    int first = 0;
    int topFive = 0;
    List<Double> same = new ArrayList<>();
    List<Double> different = new ArrayList<>();
    for (int i = 0; i < set.pairs().size(); i++) {
      ParaphraseSet.Pair pair = set.pairs().get(i);
      float[] query = vectors.get(pair.first());
      double target = Cosine.of(query, corpus.get(i));
      (pair.same() ? same : different).add(target);
      if (!pair.same()) {
        continue;
      }
      int closer = 0;
      for (int j = 0; j < corpus.size(); j++) {
        if (j != i && Cosine.of(query, corpus.get(j)) > target) {
          closer++;
        }
      }
      queries++;
      first += closer == 0 ? 1 : 0;
      topFive += closer < 5 ? 1 : 0;
    }
    return new ParaphraseQuality(
        (double) first / queries, (double) topFive / queries, auc(same, different));
  }

  private static double auc(List<Double> same, List<Double> different) {
    double wins = 0;
    for (double s : same) {
      for (double d : different) {
        wins += s > d ? 1 : s == d ? 0.5 : 0;
      }
    }
    return wins / ((double) same.size() * different.size());
  }

  /** Each figure of this that falls below {@code baseline}'s by more than its margin. */
  List<String> shortfallsAgainst(ParaphraseQuality baseline) {
    List<String> shortfalls = new ArrayList<>();
    check(shortfalls, "recall@1", recallAt1, baseline.recallAt1, RECALL_MARGIN);
    check(shortfalls, "recall@5", recallAt5, baseline.recallAt5, RECALL_MARGIN);
    check(shortfalls, "pair AUC", pairAuc, baseline.pairAuc, AUC_MARGIN);
    return shortfalls;
  }

  private static void check(
      List<String> shortfalls, String name, double value, double baseline, double margin) {
    // A hair of slack for the rounding of the figures themselves.
    if (value < baseline - margin - 1e-9) {
      shortfalls.add(
          String.format(
              Locale.ROOT, "%s %.3f is more than %.2f below %.3f", name, value, margin, baseline));
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "recall@1 %.3f, recall@5 %.3f, pair AUC %.3f", recallAt1, recallAt5, pairAuc);
  }
}
