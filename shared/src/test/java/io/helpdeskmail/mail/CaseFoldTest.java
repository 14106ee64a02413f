package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaseFoldTest {

  @Test
  void of_shouldFoldLikeTheCaseTables_whenCharacterIsAsciiOrNot() {
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
