package io.helpdeskmail.adapter.tika;

import io.helpdeskmail.mail.LanguageDetector;
import java.util.Random;
import java.util.Set;

/**
 * Language of the customer's visible text by the naive-Bayes n-gram method of the Optimaize detector (the one
 * Tika's langdetect module wraps), with its defaults, over its built-in profiles for the languages a helpdesk
 * serves. It runs on a compact model derived from those profiles ahead of time ({@link LanguageModel}; a test keeps
 * it in step with the jar): the library spent about 350 ms of a cold start's CPU parsing JSON profiles into maps,
 * this reads one binary in bulk. Answers and probabilities are the library's own, which the tests check against
 * it. Short or mixed texts give null: a wrong language routes a ticket to the wrong team, which is worse than none.
 */
public final class OptimaizeLanguageDetector implements LanguageDetector {
  /** The languages of the model (ISO 639-1, zh split by script as Optimaize does). */
  public static final Set<String> DEFAULT_LANGUAGES = Set.of("en", "fr", "de", "es", "it", "nl", "pt", "ro", "da",
      "sv", "no", "fi", "pl", "cs", "ru", "tr", "ja", "zh-CN", "zh-TW", "ko");
  /** Fewer letters than this say too little about the language ("Thanks!" is English and German alike). */
  static final int MIN_LETTERS = 20;
  /** The detector's accuracy barely grows past this many characters (about 35 words); the rest is cost. */
  static final int MAX_CHARS = 200;
  static final double MIN_PROBABILITY = 0.85;

  // Optimaize's LanguageDetectorBuilder defaults and LanguageDetectorImpl constants; changing any changes answers.
  static final double ALPHA = 0.5;
  static final double ALPHA_WIDTH = 0.05;
  static final int ITERATION_LIMIT = 1000;
  private static final double CONV_THRESHOLD = 0.99999;
  private static final int BASE_FREQ = 10000;
  static final int N_TRIAL = 7;
  static final long SEED = 41L;
  /** Normalized texts up to this length are scored once over their distinct grams, longer ones by sampling. */
  private static final int SHORT_TEXT = 50;
  /** Languages below this probability are not reported at all. */
  private static final double PROBABILITY_THRESHOLD = 0.1;
  /**
   * The most one trial adds to a language's average, with room to spare: a trial ends normalized (each value at most
   * 1, together 1 up to rounding) or, at the iteration limit, at most four updates past its last normalization, each
   * a factor of at most 1 + alpha / BASE_FREQ; trialAlphas_shouldStayWithinBounds (test) keeps alpha in (0.2, 0.8).
   */
  private static final double TRIAL_SHARE_BOUND = 1.001 / N_TRIAL;

  private final LanguageModel model;

  public OptimaizeLanguageDetector() {
    this.model = LanguageModel.load();
  }

  @Override
  public String detect(String text) {
    if (text == null) return null;
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) if (Character.isLetter(sample.charAt(i))) letters++;
    if (letters < MIN_LETTERS) return null;
    double[] p = probabilities(sample, true);
    if (p == null) return null;
    int best = 0;
    for (int l = 1; l < p.length; l++) if (p[l] > p[best]) best = l; // the first of equals, as the library's stable sort
    // Negated so that NaN (every language underflowed to zero) gives null, as the library drops NaN too.
    if (!(p[best] >= PROBABILITY_THRESHOLD) || !(p[best] >= MIN_PROBABILITY)) return null;
    return model.languages[best];
  }

  /** The profile names of {@link #probabilities}' entries, in its order. */
  String[] languageTags() {
    return model.tags.clone();
  }

  /**
   * What Optimaize's getProbabilities computes for this text before it drops and sorts, one entry per language in
   * {@link #languageTags} order; null when the text yields no gram at all.
   */
  double[] probabilities(CharSequence text) {
    return probabilities(text, false);
  }

  /**
   * With settle, a long text's trials stop once detect's answer can no longer change (see {@link #settled}), and the
   * entries are the averages so far, on which detect's rule gives that answer.
   */
  private double[] probabilities(CharSequence text, boolean settle) {
    String normalized = normalize(text);
    String padded = pad(normalized);
    if (normalized.length() <= SHORT_TEXT) {
      Grams g = Grams.distinct(padded);
      return g.size == 0 ? null : scoreShort(g);
    }
    Grams g = Grams.all(padded);
    return g.size == 0 ? null : scoreLong(g, settle);
  }

  /** The library's TextObject: each character normalized, runs of spaces collapsed to one. */
  String normalize(CharSequence text) {
    StringBuilder sb = new StringBuilder(text.length() + 2);
    char pre = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = model.normalize(text.charAt(i));
      if (c != ' ' || pre != ' ') sb.append(c);
      pre = c;
    }
    return sb.toString();
  }

  /** A space on either side that lacks one, so that word borders make grams (" th", "he "). */
  private static String pad(String t) {
    if (t.isEmpty() || t.charAt(0) == ' ' && t.charAt(t.length() - 1) == ' ') return t;
    StringBuilder sb = new StringBuilder(t.length() + 2);
    if (t.charAt(0) != ' ') sb.append(' ');
    sb.append(t);
    if (t.charAt(t.length() - 1) != ' ') sb.append(' ');
    return sb.toString();
  }

  /**
   * The 1-, 2- and 3-grams of a padded text in the library's order (all 1-grams, then 2-grams, then 3-grams, each
   * left to right), without a lone space or a 3-gram with a space in the middle; distinct ones with their counts
   * in the order they first occur, or every occurrence.
   */
  private record Grams(long[] keys, int[] counts, int size) {
    static Grams all(String t) {
      long[] keys = new long[3 * t.length()];
      int size = 0;
      for (int n = 1; n <= LanguageModel.MAX_GRAM; n++) {
        for (int pos = 0; pos + n <= t.length(); pos++) {
          if (use(t, pos, n)) keys[size++] = LanguageModel.key(t, pos, n);
        }
      }
      return new Grams(keys, null, size);
    }

    static Grams distinct(String t) {
      Grams all = all(t);
      long[] keys = new long[all.size];
      int[] counts = new int[all.size];
      int size = 0;
      next:
      for (int i = 0; i < all.size; i++) {
        for (int j = 0; j < size; j++) {
          if (keys[j] == all.keys[i]) {
            counts[j]++;
            continue next;
          }
        }
        keys[size] = all.keys[i];
        counts[size++] = 1;
      }
      return new Grams(keys, counts, size);
    }

    private static boolean use(String t, int pos, int n) {
      return switch (n) {
        case 1 -> t.charAt(pos) != ' ';
        case 3 -> t.charAt(pos + 1) != ' ';
        default -> true;
      };
    }
  }

  /** Every distinct gram once, weighted by its count, until one language dominates. */
  private double[] scoreShort(Grams g) {
    int langs = model.size();
    double[] row = new double[langs];
    double[] prob = uniform();
    for (int i = 0; i < g.size; i++) {
      double[] hot = model.hotRow(g.keys[i]);
      // An unknown gram changes nothing but the library still normalizes after it, and that rounding counts.
      if (hot != null) update(prob, hot, g.counts[i], ALPHA);
      else if (model.probabilities(g.keys[i], row, 0)) update(prob, row, g.counts[i], ALPHA);
      if (normalizeProbabilities(prob) > CONV_THRESHOLD) break;
    }
    normalizeProbabilities(prob);
    return prob;
  }

  /**
   * The original method: seven trials over grams drawn at random (fixed seed), each with a jittered alpha. The
   * draws range over every occurrence, as the library's do. Every occurrence is looked up before the first draw: the
   * lookups do not depend on each other, so their cache misses overlap, where a lookup on first draw waited for its
   * miss in the middle of a trial. A hot gram's row is read in place from the model (its lookup stays in a small
   * cached table, so looking up a repeated gram again costs less than numbering the distinct grams did); the few
   * others get a row of their own.
   */
  private double[] scoreLong(Grams g, boolean settle) {
    int langs = model.size();
    double[][] rowOf = new double[g.size][];
    for (int o = 0; o < g.size; o++) rowOf[o] = model.hotRow(g.keys[o]);
    double[] spare = null; // an unknown gram leaves it as it was, for the next
    for (int o = 0; o < g.size; o++) {
      if (rowOf[o] != null) continue;
      if (spare == null) spare = new double[langs];
      if (model.probabilities(g.keys[o], spare, 0)) { // else rowOf[o] stays null: no profile has the gram
        rowOf[o] = spare;
        spare = null;
      }
    }
    double[] langprob = new double[langs];
    Random rand = new TrialRandom(SEED);
    for (int t = 0; t < N_TRIAL; t++) {
      double[] prob = uniform();
      double alpha = ALPHA + rand.nextGaussian() * ALPHA_WIDTH;
      double weight = alpha / BASE_FREQ;
      for (int i = 0; i < ITERATION_LIMIT; i++) {
        double[] row = rowOf[rand.nextInt(g.size)];
        if (row != null) updateOnce(prob, row, weight);
        if (i % 5 == 0 && normalizeProbabilities(prob) > CONV_THRESHOLD) break;
      }
      for (int j = 0; j < langprob.length; j++) langprob[j] += prob[j] / N_TRIAL;
      if (settle && t + 1 < N_TRIAL && settled(langprob, N_TRIAL - 1 - t)) break;
    }
    return langprob;
  }

  /**
   * Whether detect's answer is fixed before the remaining trials run (on real mail most texts settle after six of
   * seven). Each remaining trial adds to every language a share of at least 0 (alpha stays positive, so every factor
   * is) and at most TRIAL_SHARE_BOUND, together at most that much. So a language already at MIN_PROBABILITY stays
   * there, and every other ends below it (all together stay under 1.001 + rounding): it is the answer. And when no
   * language can reach MIN_PROBABILITY even if it took every remaining share, the answer is null. The sums can hold no
   * NaN (no trial can underflow to all zeros: after a normalization the largest value is at least 1/20, and the five
   * updates before the next take it down by at most (alpha / BASE_FREQ)^5); the check refuses them all the same.
   */
  private static boolean settled(double[] langprob, int remaining) {
    double reach = remaining * TRIAL_SHARE_BOUND;
    boolean reachable = false;
    for (double p : langprob) if (!(p >= 0 && p <= 1)) return false;
    for (double p : langprob) {
      if (p >= MIN_PROBABILITY) return true;
      if (p + reach >= MIN_PROBABILITY) reachable = true;
    }
    return !reachable;
  }

  private double[] uniform() {
    double[] prob = new double[model.size()];
    for (int i = 0; i < prob.length; i++) prob[i] = 1.0 / model.size();
    return prob;
  }

  /** One factor per occurrence (not a power: the rounding must be the library's). */
  private static void update(double[] prob, double[] row, int count, double alpha) {
    double weight = alpha / BASE_FREQ;
    for (int i = 0; i < prob.length; i++) {
      double f = weight + row[i];
      for (int k = 0; k < count; k++) prob[i] *= f;
    }
  }

  /**
   * {@link #update} for one occurrence, with the weight worked out once per trial as the library does (alpha /
   * BASE_FREQ, then weight + p), without the count loop around each product so that the JIT may unroll and vectorize
   * it; each product is still rounded on its own, so the values are the same.
   */
  private static void updateOnce(double[] prob, double[] row, double weight) {
    for (int i = 0; i < prob.length; i++) prob[i] *= weight + row[i];
  }

  /** Scales to a sum of 1 and gives the largest probability. */
  private static double normalizeProbabilities(double[] prob) {
    double sum = 0, largest = 0;
    for (double p : prob) {
      sum += p;
      if (largest < p) largest = p;
    }
    if (!(sum > 0 && sum < Double.POSITIVE_INFINITY)) return normalizeEach(prob, sum);
    // Division by a positive number rounds monotonically, so the largest quotient is the largest value's quotient;
    // taking it out of the loop leaves a plain division loop with no compare in it.
    for (int i = 0; i < prob.length; i++) prob[i] /= sum;
    return largest / sum;
  }

  /** The library's loop as written, for sums where the shortcut's monotonicity does not hold (zero, NaN). */
  private static double normalizeEach(double[] prob, double sum) {
    double max = 0;
    for (int i = 0; i < prob.length; i++) {
      double p = prob[i] / sum;
      if (max < p) max = p;
      prob[i] = p;
    }
    return max;
  }

  /**
   * java.util.Random's generator without its atomic seed: next(int) is the linear congruential step Random's
   * specification fixes, and nextInt and nextGaussian are Random's own built on it, so the draws are the library's.
   * A detection's generator never leaves its thread, so the compare-and-set on every draw buys nothing.
   */
  private static final class TrialRandom extends Random {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long MASK = (1L << 48) - 1;
    private long state;

    TrialRandom(long seed) {
      state = (seed ^ MULTIPLIER) & MASK;
    }

    @Override
    protected int next(int bits) {
      state = (state * MULTIPLIER + 0xBL) & MASK;
      return (int) (state >>> (48 - bits));
    }
  }
}
