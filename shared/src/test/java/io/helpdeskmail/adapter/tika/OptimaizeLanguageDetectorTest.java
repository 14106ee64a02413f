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
