package io.helpdeskmail.adapter.tika;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.helpdeskmail.mail.LanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Language of the customer's visible text with the Optimaize n-gram detector that Tika's langdetect module wraps.
 * We build it directly with only the languages a helpdesk serves: Tika's wrapper always parses all 71 built-in
 * profiles (about 1.8 s in a cold JVM), which a Lambda cold start cannot afford; 20 profiles load in a third of
 * that, on a background thread started at construction, overlapping the SDK set-up and the S3 read. Short or
 * mixed texts give null: a wrong language routes a ticket to the wrong team, which is worse than none.
 */
public final class OptimaizeLanguageDetector implements LanguageDetector {
  /** The languages our customers write in by default (ISO 639-1, zh split by script as Optimaize does). */
  public static final Set<String> DEFAULT_LANGUAGES = Set.of("en", "fr", "de", "es", "it", "nl", "pt", "ro", "da",
      "sv", "no", "fi", "pl", "cs", "ru", "tr", "ja", "zh-CN", "zh-TW", "ko");
  /** Fewer letters than this say too little about the language ("Thanks!" is English and German alike). */
  static final int MIN_LETTERS = 20;
  /** The detector's accuracy barely grows past this many characters (about 35 words); the rest is cost. */
  static final int MAX_CHARS = 200;
  static final double MIN_PROBABILITY = 0.85;

  private final CompletableFuture<com.optimaize.langdetect.LanguageDetector> detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  public OptimaizeLanguageDetector() {
    this(DEFAULT_LANGUAGES);
  }

  public OptimaizeLanguageDetector(Set<String> languages) {
    this.detector = CompletableFuture.supplyAsync(() -> load(languages), r -> {
      Thread t = new Thread(r, "language-profiles");
      t.setDaemon(true);
      t.start();
    });
  }

  private static com.optimaize.langdetect.LanguageDetector load(Set<String> languages) {
    List<LanguageProfile> profiles = new java.util.ArrayList<>();
    for (String lang : languages.stream().sorted().toList()) profiles.add(readProfile(lang));
    return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
  }

  /**
   * Reads one built-in profile ({"freq":{"gram":count,...},...} in the optimaize jar) with a small scanner of our
   * own. The library's reader goes through a reflection-based JSON binder that took most of the half second a
   * cold start spent here; what reaches the detector is the same (gram, count) list its own converter feeds to
   * LanguageProfileBuilder.
   */
  static LanguageProfile readProfile(String lang) {
    String path = "languages/" + lang;
    try (java.io.InputStream in = LanguageProfileReader.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no built-in language profile " + lang);
      String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      com.optimaize.langdetect.profiles.LanguageProfileBuilder b =
          new com.optimaize.langdetect.profiles.LanguageProfileBuilder(LdLocale.fromString(lang));
      int i = json.indexOf("\"freq\"");
      i = json.indexOf('{', i) + 1;
      StringBuilder gram = new StringBuilder();
      while (true) {
        while (json.charAt(i) != '"' && json.charAt(i) != '}') i++;
        if (json.charAt(i) == '}') break;
        gram.setLength(0);
        i++;
        for (char c; (c = json.charAt(i)) != '"'; i++) {
          if (c == '\\') {
            char e = json.charAt(++i);
            if (e == 'u') {
              gram.append((char) Integer.parseInt(json, i + 1, i + 5, 16));
              i += 4;
            } else {
              gram.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            }
          } else {
            gram.append(c);
          }
        }
        i = json.indexOf(':', i) + 1;
        int start = i;
        while (Character.isWhitespace(json.charAt(start))) start++;
        int end = start;
        while (Character.isDigit(json.charAt(end))) end++;
        b.addGram(gram.toString(), Integer.parseInt(json, start, end, 10));
        i = end;
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("the language profiles ship inside the optimaize jar; it is damaged", e);
    }
  }

  @Override
  public String detect(String text) {
    if (text == null) return null;
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) if (Character.isLetter(sample.charAt(i))) letters++;
    if (letters < MIN_LETTERS) return null;
    List<DetectedLanguage> ranked = detector.join().getProbabilities(texts.forText(sample));
    if (ranked.isEmpty() || ranked.get(0).getProbability() < MIN_PROBABILITY) return null;
    return ranked.get(0).getLocale().getLanguage();
  }
}
