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
  private static final double ALPHA = 0.5;
  private static final double ALPHA_WIDTH = 0.05;
  private static final int ITERATION_LIMIT = 1000;
  private static final double CONV_THRESHOLD = 0.99999;
  private static final int BASE_FREQ = 10000;
  private static final int N_TRIAL = 7;
  private static final long SEED = 41L;
  /** Normalized texts up to this length are scored once over their distinct grams, longer ones by sampling. */
  private static final int SHORT_TEXT = 50;
  /** Languages below this probability are not reported at all. */
  private static final double PROBABILITY_THRESHOLD = 0.1;

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
    double[] p = probabilities(sample);
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
    String normalized = normalize(text);
    String padded = pad(normalized);
    if (normalized.length() <= SHORT_TEXT) {
      Grams g = Grams.distinct(padded);
      return g.size == 0 ? null : scoreShort(g);
    }
    Grams g = Grams.all(padded);
    return g.size == 0 ? null : scoreLong(g);
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
      // An unknown gram changes nothing but the library still normalizes after it, and that rounding counts.
      if (model.probabilities(g.keys[i], row, 0)) update(prob, row, 0, g.counts[i], ALPHA);
      if (normalizeProbabilities(prob) > CONV_THRESHOLD) break;
    }
    normalizeProbabilities(prob);
    return prob;
  }

  /**
   * The original method: seven trials over grams drawn at random (fixed seed), each with a jittered alpha. The
   * draws range over every occurrence, as the library's do, but each distinct gram is looked up at most once and
   * only when first drawn (trials usually converge long before they have drawn every gram), into one flat array.
   */
  private double[] scoreLong(Grams g) {
    int langs = model.size();
    int[] distinctOf = new int[g.size];
    int distinct = distinctIndexes(g, distinctOf);
    double[] rows = new double[distinct * langs];
    byte[] state = new byte[distinct]; // 0 not looked up yet, 1 known gram, -1 no profile has it
    double[] langprob = new double[langs];
    Random rand = new Random(SEED);
    for (int t = 0; t < N_TRIAL; t++) {
      double[] prob = uniform();
      double alpha = ALPHA + rand.nextGaussian() * ALPHA_WIDTH;
      for (int i = 0; i < ITERATION_LIMIT; i++) {
        int o = rand.nextInt(g.size);
        int d = distinctOf[o];
        if (state[d] == 0) state[d] = model.probabilities(g.keys[o], rows, d * langs) ? (byte) 1 : (byte) -1;
        if (state[d] > 0) update(prob, rows, d * langs, 1, alpha);
        if (i % 5 == 0 && normalizeProbabilities(prob) > CONV_THRESHOLD) break;
      }
      for (int j = 0; j < langprob.length; j++) langprob[j] += prob[j] / N_TRIAL;
    }
    return langprob;
  }

  /** Numbers each occurrence's gram by its first occurrence (open addressing on the gram keys); gives the count. */
  private static int distinctIndexes(Grams g, int[] distinctOf) {
    long[] seen = new long[Integer.highestOneBit(Math.max(g.size, 1)) * 4];
    int[] index = new int[seen.length];
    int mask = seen.length - 1;
    int distinct = 0;
    for (int i = 0; i < g.size; i++) {
      long key = g.keys[i];
      int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
      while (seen[slot] != 0 && seen[slot] != key) slot = (slot + 1) & mask; // no key is 0: its length is in it
      if (seen[slot] == 0) {
        seen[slot] = key;
        index[slot] = distinct++;
      }
      distinctOf[i] = index[slot];
    }
    return distinct;
  }

  private double[] uniform() {
    double[] prob = new double[model.size()];
    for (int i = 0; i < prob.length; i++) prob[i] = 1.0 / model.size();
    return prob;
  }

  /** One factor per occurrence (not a power: the rounding must be the library's). */
  private static void update(double[] prob, double[] rows, int at, int count, double alpha) {
    double weight = alpha / BASE_FREQ;
    for (int i = 0; i < prob.length; i++) {
      double f = weight + rows[at + i];
      for (int k = 0; k < count; k++) prob[i] *= f;
    }
  }

  /** Scales to a sum of 1 and gives the largest probability. */
  private static double normalizeProbabilities(double[] prob) {
    double max = 0, sum = 0;
    for (double p : prob) sum += p;
    for (int i = 0; i < prob.length; i++) {
      double p = prob[i] / sum;
      if (max < p) max = p;
      prob[i] = p;
    }
    return max;
  }
}
