package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

  @Test
  void fold_shouldLowerCaseAndDropAccents_whenWordIsWrittenInCapitalsWithAccents() {
    // GIVEN one word written three ways
    // WHEN folded
    // THEN all three are the same
    assertEquals("telephone", TextFolding.fold("TÉLÉPHONE"));
    assertEquals("telephone", TextFolding.fold("Téléphone"));
    assertEquals("telephone", TextFolding.fold("telephone"));
  }

  @Test
  void fold_shouldDropAccents_whenAccentIsAlreadyDecomposed() {
    // GIVEN "é" written as "e" followed by a combining acute accent (macOS file names, some phones)
    String decomposed = "te\u0301le\u0301phone";
    // WHEN
    String folded = TextFolding.fold(decomposed);
    // THEN it is the plain word
    assertEquals("telephone", folded);
  }

  @Test
  void fold_shouldSpellOutLigaturesAndSharpS_whenTextHasThem() {
    // GIVEN letters that are two letters in ASCII, in both cases
    // WHEN folded
    // THEN they are spelt out
    assertEquals("oeuvre", TextFolding.fold("Œuvre"));
    assertEquals("coeur", TextFolding.fold("cœur"));
    assertEquals("strasse", TextFolding.fold("Straße"));
    assertEquals("strasse", TextFolding.fold("STRASSE"));
    assertEquals("aegis", TextFolding.fold("Ægis"));
    assertEquals("ost", TextFolding.fold("Øst"));
    assertEquals("lodz", TextFolding.fold("Łódź"));
  }

  @Test
  void fold_shouldSpellOutCapitalSharpS_whenGermanWordIsWrittenInCapitals() {
    // GIVEN "STRAẞE" with the capital sharp s (U+1E9E), official German spelling in capitals
    // WHEN folded
    String folded = TextFolding.fold("STRA\u1E9EE");
    // THEN it is the same word as "Straße" and "strasse"
    assertEquals("strasse", folded);
  }

  @Test
  void fold_shouldMakeTypographicApostropheStraight_whenFrenchTextUsesIt() {
    // GIVEN "l’écran" with U+2019, as phones type it, and with U+02BC
    // WHEN folded
    // THEN the apostrophe is the ASCII one
    assertEquals("l'ecran", TextFolding.fold("L\u2019Écran"));
    assertEquals("l'ecran", TextFolding.fold("l\u02BCécran"));
    assertEquals("l'ecran", TextFolding.fold("l'écran"));
  }

  @Test
  void fold_shouldTurnNoBreakSpacesIntoSpaces_whenFrenchPunctuationIsSpaced() {
    // GIVEN French text with a no-break space and a narrow no-break space before punctuation
    // WHEN folded
    // THEN they are ordinary spaces
    assertEquals("urgent !", TextFolding.fold("Urgent\u00A0!"));
    assertEquals("pourquoi ?", TextFolding.fold("Pourquoi\u202F?"));
  }

  @Test
  void fold_shouldReturnSameInstance_whenTextIsLowerCaseAscii() {
    // GIVEN ASCII text with nothing to fold
    String s = "where is my parcel";
    // WHEN / THEN no copy is made
    assertSame(s, TextFolding.fold(s));
  }

  @Test
  void fold_shouldLowerCaseAsciiPrefix_whenNonAsciiComesLater() {
    // GIVEN capitals before and after the first non-ASCII character
    // WHEN folded
    // THEN both parts are lower case
    assertEquals("mon telephone chauffe", TextFolding.fold("MON TÉLÉPHONE CHAUFFE"));
  }

  @Test
  void fold_shouldReturnEmpty_whenTextIsNull() {
    // GIVEN / WHEN / THEN
    assertEquals("", TextFolding.fold(null));
  }

  @Test
  void fold_shouldFoldFullWidthLettersAndKeepChinese_whenTextIsAsian() {
    // GIVEN full-width Latin letters (Japanese input methods) and Chinese characters
    // WHEN folded
    // THEN the Latin letters are ASCII and the Chinese characters are unchanged
    assertEquals("iphone 退货", TextFolding.fold("ｉＰｈｏｎｅ 退货"));
  }

  @Test
  void fold_shouldMatchTheNormalizerPath_whenTheLatinTableFoldsACharacter() {
    // GIVEN every character of Latin-1 Supplement and Latin Extended-A/B, alone and after a Cyrillic letter
    // (which forces the Unicode normalizer path for the whole string)
    for (char c = 0xC0; c < 0x250; c++) {
      String alone = TextFolding.fold("x" + c);
      String viaNormalizer = TextFolding.fold("\u0436" + c).substring(1);
      // WHEN folded both ways THEN the table gives what the normalizer gives
      assertEquals(viaNormalizer, alone.substring(1), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void fold_shouldGiveWhatTheNormalizerGives_whenAnyCharacterStandsAmongMarksAndLetters() {
    // GIVEN every character outside ASCII and surrogates, alone and next to marks, kana voicing marks and letters
    for (int c = 0x80; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) continue;
      char ch = (char) c;
      for (String text : new String[] {"" + ch, "A" + ch + "\u0301b", "\u0301" + ch, ch + "\u0316", "\u00C9" + ch + "\u0152",
          ch + "\u3099", "Ab" + ch + ch, "\u304B" + ch + "\u309A\u3099", "\u30AB\u3099" + ch + "\u3099"}) {
        // WHEN folded / THEN it is what the normalizer path gives, character for character
        assertEquals(TextFolding.normalized(text, 0), TextFolding.fold(text), "U+" + Integer.toHexString(c) + " in " + text);
      }
    }
  }

  @Test
  void fold_shouldFoldCharacterByCharacter_whenTextIsCyrillicGreekOrChinese() {
    // GIVEN texts in scripts outside the Latin table, with bullets and a copyright sign
    // WHEN / THEN they fold to lower case, as the normalizer path does
    // (й is и with a breve to NFKD: the breve goes, as accents do)
    assertEquals("\u0437\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0438\u0442\u0435 \u2022 \u00a9",
        TextFolding.fold("\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435 \u2022 \u00A9"));
    assertEquals("\u03b1\u03b2\u03b3 \u6211\u60f3\u9000\u8d27", TextFolding.fold("\u0391\u0392\u0393 \u6211\u60F3\u9000\u8D27"));
    assertEquals("\u03b1", TextFolding.fold("\u0386")); // Greek alpha with tonos: decomposed, the accent dropped
    assertEquals("\u30ac,tm...", TextFolding.fold("\u30AC\uFF0C\u2122\u2026")); // ガ stays one letter; ，™… spelt out
    assertEquals("\u30ac", TextFolding.fold("\u30AB\u3099")); // カ and a voicing mark make ガ, as the normalizer does
  }
}
