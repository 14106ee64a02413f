package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cheap tests in front of SignatureFinder's regexes give the answers the regexes alone give. */
class SignatureFinderPrefilterTest {
  /** Words and phrases from the patterns, near misses, and characters that fold unusually. */
  private static final String[] PIECES = {"Sent from my iPhone", "sent from", "Sending via", "SENT WITH", "sen",
      "Envoyé de mon iPhone", "envoyé depuis", "ENVOYÉ À PARTIR DE", "Von meinem Samsung gesendet", "Gesendet mit",
      "Diese Nachricht wurde von meinem Handy gesendet", "Enviado desde mi", "enviado do meu", "Inviato da",
      "Verstuurd vanaf", "Verzonden met", "Sendt fra", "Skickat från", "Från min", "Wysłane z", "Wysłano z",
      "Lähetetty", "Отправлено с", "Надіслано з", "从我的", "從我的", "iPhoneから送信", "Get Outlook for Android",
      "Obtenir Outlook pour", "Download Outlook for", "Holen Sie sich Outlook", "Scarica Outlook per",
      "Obtener Outlook para", "Descargar Outlook para", "Baixe o Outlook para", "Yahoo from mobile", "x_1 FROM MOBILE",
      "é from mobile", "From my Galaxy", "from my phone", "From my desk", "Regards", "Best regards", "Kind  regards",
      "thank you", "Thank  you", "Mit freundlichen Grüßen", "MIT FREUNDLICHEN GRÜSSEN", "Viele Grüße", "Gruß",
      "GRUSS", "Met vriendelijke groet", "С уважением", "СПАСИБО", "z poważaniem", "Cheers", "cheers mate", "Best",
      "warmest wishes", "with thanks", "yours", "Yours truly", "Bien à vous", "merci d'avance", "lg", "MfG", "BR",
      "ſ", "\u212A", "ı", "İ", "(", "<", "[", " ", "  ", "\t", ",", ".", "!", "?", ":", "-", "_", "é", "a", "Marie",
      "Hello", "mobile", "from", "the", "\u00DF", "\u1E9E", "hilsen", "Med vennlig hilsen", "ystävällisin terveisin"};

  private static Object field(String name) throws ReflectiveOperationException {
    Field f = SignatureFinder.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(null);
  }

  private static String randomLine(Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (int k = rnd.nextInt(4); k >= 0; k--) {
      String p = PIECES[rnd.nextInt(PIECES.length)];
      int c = rnd.nextInt(3);
      sb.append(c == 0 ? p : c == 1 ? p.toUpperCase(Locale.ROOT) : p.toLowerCase(Locale.ROOT));
      if (rnd.nextInt(3) > 0) sb.append(' ');
    }
    return sb.toString();
  }

  @Test
  void isMobileLine_shouldAnswerAsThePatternsAlone_whenLinesAreRandomMixesOfTheirWords() throws Exception {
    // GIVEN the patterns and the device check, applied as before the prefilters
    Pattern sentFrom = (Pattern) field("SENT_FROM");
    Pattern otherMobile = ((AlternationPrefilter) field("OTHER_MOBILE")).pattern();
    Method plausible = SignatureFinder.class.getDeclaredMethod("plausibleDevice", String.class);
    plausible.setAccessible(true);
    Random rnd = new Random(11);
    int mobile = 0, other = 0;
    for (int round = 0; round < 40_000; round++) {
      String line = randomLine(rnd).strip();
      int p = 0;
      while (p < line.length() && "(<[".indexOf(line.charAt(p)) >= 0) p++;
      String t = line.substring(p);
      boolean expected;
      if (t.length() > 160) {
        expected = false;
      } else {
        var m = sentFrom.matcher(t);
        expected = m.matches() ? (boolean) plausible.invoke(null, m.group(1)) : otherMobile.matcher(t).lookingAt();
      }
      // WHEN judged with the prefilters THEN the answer is the same
      assertEquals(expected, SignatureFinder.isMobileLine(line), line);
      if (expected) mobile++;
      else other++;
    }
    assertTrue(mobile > 2_000 && other > 2_000, mobile + " mobile, " + other + " other");
  }

  @Test
  void endsWithSignOff_shouldHoldForEveryLineSignOffMatches_whenLinesAreRandomMixesOfItsWords() throws Exception {
    // GIVEN SIGN_OFF and random lines of sign-off phrases, prefixes, punctuation and folding oddities
    Pattern signOff = (Pattern) field("SIGN_OFF");
    Random rnd = new Random(12);
    int matched = 0, skipped = 0;
    for (int round = 0; round < 40_000; round++) {
      String line = randomLine(rnd).strip();
      // WHEN both are asked THEN the filter never turns away a line the pattern matches
      if (signOff.matcher(line).matches()) {
        matched++;
        assertTrue(SignatureFinder.endsWithSignOff(line), line);
      } else if (!SignatureFinder.endsWithSignOff(line)) {
        skipped++;
      }
    }
    assertTrue(matched > 1_000 && skipped > 10_000, matched + " matched, " + skipped + " skipped");
  }

  @Test
  void endsWithSignOff_shouldHold_whenEveryPhraseEndsTheLineInAnyCase() throws Exception {
    // GIVEN each of SIGN_OFF's phrases, in the case written, upper case (char by char: "ß" stays one) and with
    // trailing punctuation
    @SuppressWarnings("unchecked")
    List<String> phrases = (List<String>) field("SIGN_OFF_PHRASES");
    Pattern signOff = (Pattern) field("SIGN_OFF");
    for (String p : phrases) {
      for (String line : List.of(p, upperCharByChar(p) + ",", "Kind " + p + " !.", "with\t" + p + ".")) {
        // WHEN checked THEN the pattern matches (the list is the pattern's) and the filter lets the line through
        assertTrue(signOff.matcher(line).matches(), line);
        assertTrue(SignatureFinder.endsWithSignOff(line), line);
      }
    }
    assertFalse(SignatureFinder.endsWithSignOff("Marie Dupont, Customer Success"));
  }

  private static String upperCharByChar(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) sb.append(Character.toUpperCase(s.charAt(i)));
    return sb.toString();
  }
}
