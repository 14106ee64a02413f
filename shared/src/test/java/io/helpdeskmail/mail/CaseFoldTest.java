package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CaseFold's ASCII shortcut folds exactly as the case tables do, character by character and in text. */
class CaseFoldTest {
  @Test
  void of_shouldFoldAsLowerCaseOfUpperCase_whenGivenAnyCharacter() {
    // GIVEN every char WHEN folded THEN the result is Character's lower case of its upper case
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char expected = Character.toLowerCase(Character.toUpperCase((char) c));
      assertEquals(expected, CaseFold.of((char) c), "U+" + Integer.toHexString(c));
    }
    assertEquals("straße s k i", CaseFold.of("STRAße \u017F \u212A I")); // long s and Kelvin sign fold to ASCII
  }

  @Test
  void of_shouldFoldLikeTheCaseTables_whenCharacterSitsBetweenAsciiAndNonAscii() {
    // GIVEN every character, alone and between an ASCII capital and a non-ASCII one
    for (int c = 0; c <= 0xFFFF; c++) {
      char ch = (char) c;
      String text = "A" + ch + "\u212A";
      // WHEN case-folded
      String folded = CaseFold.of(text);
      // THEN each character is the lower case of its upper case, as java.util.regex compares them
      String expected = "a" + Character.toLowerCase(Character.toUpperCase(ch)) + "k";
      assertEquals(expected, folded, "U+" + Integer.toHexString(c));
    }
  }
}
