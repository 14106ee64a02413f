package io.helpdeskmail.adapter.tika;

import io.helpdeskmail.mail.LanguageDetector;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Language of the customer's visible text with Tika's Optimaize detector. Short or mixed texts give null:
 * a wrong language routes a ticket to the wrong team, which is worse than routing by address alone.
 */
public final class OptimaizeLanguageDetector implements LanguageDetector {
  /** Fewer letters than this say too little about the language ("Thanks!" is English and German alike). */
  static final int MIN_LETTERS = 20;
  /** The detector's accuracy barely grows past this many characters; the rest is cost. */
  static final int MAX_CHARS = 1_000;

  private final OptimaizeLangDetector detector;

  public OptimaizeLanguageDetector() {
    OptimaizeLangDetector d = new OptimaizeLangDetector();
    d.loadModels();
    this.detector = d;
  }

  @Override
  public String detect(String text) {
    if (text == null) return null;
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) if (Character.isLetter(sample.charAt(i))) letters++;
    if (letters < MIN_LETTERS) return null;
    LanguageResult r;
    synchronized (detector) { // the detector keeps per-call state
      r = detector.detect(sample);
    }
    if (r == null || r.isUnknown() || !r.isReasonablyCertain()) return null;
    String lang = r.getLanguage();
    int dash = lang.indexOf('-');
    return dash > 0 ? lang.substring(0, dash) : lang;
  }
}
