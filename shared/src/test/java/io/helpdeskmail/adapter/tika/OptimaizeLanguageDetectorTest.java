package io.helpdeskmail.adapter.tika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.helpdeskmail.mail.InspectedMail;
import io.helpdeskmail.mail.MailInspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptimaizeLanguageDetectorTest {
  private static final OptimaizeLanguageDetector DETECTOR = new OptimaizeLanguageDetector();
  /** The library wired as the detector was before the compact model: same profiles, same order, defaults. */
  private static LanguageDetector library;
  private static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingShortCleanText();

  @BeforeAll
  static void buildLibraryDetector() throws IOException {
    library = LanguageDetectorBuilder.create(NgramExtractors.standard())
        .withProfiles(LanguageModelGenerator.profiles()).build();
  }

  static final List<String> SENTENCES = List.of(
      "Hello, my order arrived damaged and I would like a replacement as soon as possible.",
      "Bonjour, ma commande est arrivée endommagée et je voudrais un remplacement rapidement.",
      "Hallo, meine Bestellung ist beschädigt angekommen und ich hätte gerne einen Ersatz.",
      "Hola, mi pedido llegó dañado y me gustaría un reemplazo lo antes posible, gracias.",
      "Ciao, il mio ordine è arrivato danneggiato e vorrei una sostituzione al più presto.",
      "Hallo, mijn bestelling is beschadigd aangekomen en ik wil graag een vervanging.",
      "Olá, a minha encomenda chegou danificada e gostaria de uma substituição o mais rápido possível.",
      "Bună ziua, comanda mea a sosit deteriorată și aș dori o înlocuire cât mai curând.",
      "Hej, min ordre ankom beskadiget, og jeg vil gerne have en erstatning hurtigst muligt.",
      "Hej, min beställning kom fram skadad och jag skulle vilja ha en ersättning snarast.",
      "Hei, bestillingen min kom frem skadet, og jeg vil gjerne ha en erstatning så snart som mulig.",
      "Hei, tilaukseni saapui vahingoittuneena ja haluaisin korvaavan tuotteen mahdollisimman pian.",
      "Dzień dobry, moje zamówienie dotarło uszkodzone i chciałbym otrzymać wymianę jak najszybciej.",
      "Dobrý den, moje objednávka dorazila poškozená a chtěl bych výměnu co nejdříve, děkuji.",
      "Здравствуйте, мой заказ пришёл повреждённым, и я хотел бы получить замену как можно скорее.",
      "Merhaba, siparişim hasarlı geldi ve en kısa sürede bir değişim istiyorum, teşekkürler.",
      "こんにちは。注文した商品が破損して届きました。できるだけ早く交換をお願いします。",
      "您好，我的订单到货时已经损坏，希望尽快为我更换新的商品，谢谢您的帮助。",
      "您好，我的訂單到貨時已經損壞，希望盡快為我更換新的商品，謝謝您的幫助。",
      "안녕하세요, 주문한 상품이 파손된 상태로 도착했습니다. 빠른 교환 부탁드립니다.");

  @Test
  void detect_shouldNameTheLanguage_whenCustomersWriteOneSentence() {
    // GIVEN one complaint per language WHEN detected THEN each gets its language (both Chinese scripts "zh")
    List<String> expected = List.of("en", "fr", "de", "es", "it", "nl", "pt", "ro", "da", "sv", "no", "fi", "pl",
        "cs", "ru", "tr", "ja", "zh", "zh", "ko");
    List<String> actual = SENTENCES.stream().map(DETECTOR::detect).toList();
    assertEquals(expected, actual);
  }

  @Test
  void detect_shouldGiveNull_whenTextIsTooShortOrEmpty() {
    // GIVEN texts with fewer than 20 letters, or none WHEN detected THEN there is no answer
    assertNull(DETECTOR.detect("Thanks!"));
    assertNull(DETECTOR.detect(""));
    assertNull(DETECTOR.detect(null));
    assertNull(DETECTOR.detect("1234567890 !!! ??? ... 1234567890 +++ ---"));
  }

  @Test
  void probabilities_shouldBeTheLibrarys_whenSentencesAndFixtureTextsAreScored() throws IOException {
    // GIVEN short and long samples in many scripts: the sentences, their prefixes, and windows over the visible
    // and full text of every fixture mail
    List<String> samples = new ArrayList<>();
    for (String s : SENTENCES) {
      for (int len = 5; len <= s.length(); len += 7) samples.add(s.substring(0, len));
      samples.add(s + " " + s + " " + s);
    }
    MailInspector inspector = MailInspector.standard();
    try (Stream<Path> files = Files.list(mailDir())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
        byte[] raw = Files.readAllBytes(p);
        List<String> texts = new ArrayList<>(List.of(new String(raw, StandardCharsets.UTF_8)));
        if (inspector.inspect(raw) instanceof MailInspector.Outcome.Inspected i) {
          InspectedMail m = i.mail();
          texts.add(m.text());
          texts.add(m.body().visible());
        }
        for (String t : texts) {
          for (int start = 0; start < t.length(); start += 41) {
            for (int len : new int[] {40, 70, OptimaizeLanguageDetector.MAX_CHARS}) {
              samples.add(t.substring(start, Math.min(t.length(), start + len)));
            }
          }
        }
      }
    }
    assertTrue(samples.size() > 2000, "only " + samples.size() + " samples");
    // WHEN each is scored by both THEN the reported languages, their order and their probabilities are identical
    int answered = 0;
    for (String s : samples) {
      List<String> expected = library.getProbabilities(TEXTS.forText(s)).stream().map(OptimaizeLanguageDetectorTest::show).toList();
      assertEquals(expected, ranked(s), () -> "sample: " + s);
      if (!expected.isEmpty()) answered++;
    }
    assertTrue(answered > samples.size() / 2);
  }

  @Test
  void detect_shouldAnswerAsTheLibrary_whenTextsMixLanguagesAndLengths() {
    // GIVEN texts of 20 to 260 chars from words of one, two or three languages' sentences, some with noise between
    // them: the mixes end near the threshold, where stopping the trials early would show if it were wrong
    java.util.Random random = new java.util.Random(7);
    List<String[]> words = SENTENCES.stream().map(s -> s.split(" ")).toList();
    int answered = 0, none = 0;
    for (int n = 0; n < 3000; n++) {
      int languages = 1 + random.nextInt(3);
      int[] picked = random.ints(languages, 0, words.size()).toArray();
      int length = 20 + random.nextInt(240);
      StringBuilder sb = new StringBuilder();
      while (sb.length() < length) {
        String[] from = words.get(picked[random.nextInt(languages)]);
        sb.append(from[random.nextInt(from.length)]).append(random.nextInt(8) == 0 ? " 42 -- " : " ");
      }
      String text = sb.toString();
      // WHEN both detect it
      String expected = libraryAnswer(text);
      // THEN the answers are the same
      assertEquals(expected, DETECTOR.detect(text), () -> "text: " + text);
      if (expected == null) none++;
      else answered++;
    }
    assertTrue(answered > 500 && none > 500, answered + " answered, " + none + " without answer");
  }

  @Test
  void trialAlphas_shouldStayWithinBounds_whereverTheTrialsDrawThem() {
    // GIVEN the seeded generator's first LIMIT draws, and at each position the Gaussian pair that a trial's
    // nextGaussian would compute from there (Random's polar method: pairs of nextDouble until inside the unit circle)
    final int limit = 100_000;
    Random41 stream = new Random41(limit + 64);
    double lowest = Double.MAX_VALUE, highest = -Double.MAX_VALUE;
    int longestSearch = 0;
    boolean rejectable = false;
    for (int at = 0; at < limit; at++) {
      int used = 0;
      double v1, v2, s;
      do {
        v1 = 2 * stream.nextDouble(at + used) - 1;
        v2 = 2 * stream.nextDouble(at + used + 2) - 1;
        used += 4;
        s = v1 * v1 + v2 * v2;
      } while (s >= 1 || s == 0);
      double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      for (double g : new double[] {v1 * multiplier, v2 * multiplier}) {
        lowest = Math.min(lowest, OptimaizeLanguageDetector.ALPHA + g * OptimaizeLanguageDetector.ALPHA_WIDTH);
        highest = Math.max(highest, OptimaizeLanguageDetector.ALPHA + g * OptimaizeLanguageDetector.ALPHA_WIDTH);
      }
      longestSearch = Math.max(longestSearch, used);
      // nextInt(bound) draws again only for the top (2^31 mod bound) values; no text has 1024 grams
      if (stream.next31(at) >= Integer.MAX_VALUE - 1024) rejectable = true;
    }
    // WHEN the draws seven trials can consume are counted: each nextInt one draw, four Gaussian pairs
    int drawn = OptimaizeLanguageDetector.N_TRIAL * OptimaizeLanguageDetector.ITERATION_LIMIT + 4 * longestSearch;
    // THEN they stay inside the scanned positions, and every alpha there lies in (0.2, 0.8), as TRIAL_SHARE_BOUND
    // and settled() assume
    assertTrue(!rejectable && drawn < limit, "draws not bounded: " + drawn + ", rejectable " + rejectable);
    assertTrue(lowest > 0.2 && highest < 0.8, "alpha in [" + lowest + ", " + highest + "]");
  }

  /** The first draws of Random(SEED), by position: next(bits) is the linear congruential step Random specifies. */
  private static final class Random41 {
    private final long[] states;

    Random41(int n) {
      states = new long[n];
      long state = (OptimaizeLanguageDetector.SEED ^ 0x5DEECE66DL) & ((1L << 48) - 1);
      for (int i = 0; i < n; i++) {
        state = (state * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
        states[i] = state;
      }
    }

    int next(int at, int bits) {
      return (int) (states[at] >>> (48 - bits));
    }

    int next31(int at) {
      return next(at, 31);
    }

    double nextDouble(int at) {
      return (((long) next(at, 26) << 27) + next(at + 1, 27)) * 0x1.0p-53;
    }
  }

  /** What the detector answered when it wrapped the library: the top language if it has at least 0.85. */
  private static String libraryAnswer(String text) {
    String sample = text.length() > OptimaizeLanguageDetector.MAX_CHARS
        ? text.substring(0, OptimaizeLanguageDetector.MAX_CHARS) : text;
    if (sample.chars().filter(Character::isLetter).count() < OptimaizeLanguageDetector.MIN_LETTERS) return null;
    List<DetectedLanguage> ranked = library.getProbabilities(TEXTS.forText(sample));
    if (ranked.isEmpty() || ranked.get(0).getProbability() < OptimaizeLanguageDetector.MIN_PROBABILITY) return null;
    return ranked.get(0).getLocale().getLanguage();
  }

  /** The library's getProbabilities from ours: at least 0.1, highest first, ties in language order. */
  private static List<String> ranked(String s) {
    double[] p = DETECTOR.probabilities(s);
    if (p == null) return List.of();
    String[] tags = DETECTOR.languageTags();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < p.length; i++) if (p[i] >= 0.1) idx.add(i);
    idx.sort(Comparator.comparingDouble((Integer i) -> p[i]).reversed());
    return idx.stream().map(i -> tags[i] + "=" + p[i]).toList();
  }

  private static String show(DetectedLanguage d) {
    return d.getLocale() + "=" + d.getProbability();
  }

  static Path mailDir() {
    String dir = System.getProperty("helpdesk.events.dir");
    return (dir == null || dir.isBlank() ? Path.of("..", "events") : Path.of(dir)).resolve("mail");
  }
}
