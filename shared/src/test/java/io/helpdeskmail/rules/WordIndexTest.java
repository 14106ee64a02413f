package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordIndexTest {

  private static boolean has(String text, String phrase) {
    return WordIndex.of(text).contains(WordIndex.Phrase.of(phrase));
  }

  @Test
  void of_shouldCutIntoFoldedWords_whenTextHasPunctuation() {
    // GIVEN a sentence with punctuation, digits and accents
    // WHEN indexed
    WordIndex w = WordIndex.of("Commande n°1234, reçue ? NON !");
    // THEN words are the runs of letters and digits
    assertEquals(5, w.size());
    assertArrayEquals(new String[] {"commande", "n", "1234", "recue", "non"},
        WordIndex.words(TextFolding.fold("Commande n°1234, reçue ? NON !")));
  }

  @Test
  void contains_shouldMatchWholeWordsOnly_whenPhraseHasNoStar() {
    // GIVEN the keyword "return"
    // WHEN / THEN it matches the word but not longer or shorter words that contain it
    assertTrue(has("I want to return it", "return"));
    assertFalse(has("I returned it last week", "return"));
    assertFalse(has("Nothing to see, returns are closed", "return"));
    assertFalse(has("it was a good turn", "return"));
  }

  @Test
  void contains_shouldMatchWordBeginnings_whenPhraseWordEndsWithStar() {
    // GIVEN the keyword "rembours*"
    // WHEN / THEN any word that begins with it matches, whatever the case and accents
    assertTrue(has("Je veux un remboursement", "rembours*"));
    assertTrue(has("Pouvez-vous me REMBOURSER ?", "rembours*"));
    assertTrue(has("rembours", "rembours*"));
    assertFalse(has("Je veux être payé", "rembours*"));
    assertTrue(has("non-remboursable", "rembours*")); // a hyphen separates words
    assertTrue(has("non-remboursable", "non rembours*"));
    assertFalse(has("le non-remboursement", "rembours"));
  }

  @Test
  void contains_shouldHonourStar_whenPrefixWordIsInsideAPhrase() {
    // GIVEN a phrase whose first word is a prefix and one whose last word is
    // WHEN / THEN the prefix word takes any ending, the others must be equal
    assertTrue(has("the battery swelled up overnight", "batter* swelled"));
    assertFalse(has("the battered case swelled up", "batter* swelled"));
    assertTrue(has("please refund me", "please refund*"));
    assertTrue(has("please refunding me", "please refund*"));
    assertFalse(has("pleased refund", "please refund*"));
  }

  @Test
  void contains_shouldMatchPhraseAcrossPunctuationAndLineBreaks_whenWordsAreAdjacent() {
    // GIVEN a phrase split by punctuation, several spaces and a line break in the text
    // WHEN / THEN the words are still adjacent, in order
    assertTrue(has("My phone -- it overheats!", "phone it overheats"));
    assertTrue(has("the money...\n   back, please", "money back"));
    assertFalse(has("back the money", "money back"));
    assertFalse(has("money is not back", "money back"));
  }

  @Test
  void contains_shouldFoldBothSides_whenPhraseAndTextDifferInCaseAndAccents() {
    // GIVEN keywords and texts written with and without accents and capitals
    // WHEN / THEN either way round they match
    assertTrue(has("LE TÉLÉPHONE CHAUFFE", "le telephone chauffe"));
    assertTrue(has("le telephone chauffe", "LE TÉLÉPHONE CHAUFFE"));
    assertTrue(has("Mon cœur est brisé", "coeur"));
    assertTrue(has("Un coeur brise", "cœur brisé"));
    assertTrue(has("Lieferung an die Straße", "strasse"));
    assertTrue(has("LIEFERUNG AN DIE STRASSE", "straße"));
  }

  @Test
  void contains_shouldMatchApostropheWords_whenTypographicAndStraightApostrophesMix() {
    // GIVEN "ne s'allume plus" written with a typographic apostrophe in the mail
    // WHEN / THEN it matches the keyword written with a straight one, and the other way round
    assertTrue(has("Il ne s\u2019allume plus depuis hier", "ne s'allume plus"));
    assertTrue(has("Il ne s'allume plus depuis hier", "ne s\u2019allume plus"));
    assertTrue(has("j\u2019en ai marre", "j'en ai marre"));
  }

  @Test
  void contains_shouldTreatEachChineseOrJapaneseCharacterAsAWord_whenTextHasNoSpaces() {
    // GIVEN Chinese and Japanese text without spaces
    // WHEN / THEN a keyword of several characters matches inside it as a phrase
    assertTrue(has("我想退货，谢谢", "退货"));
    assertFalse(has("我想退款", "退货"));
    assertTrue(has("返品をお願いします", "返品"));
    assertEquals(4, WordIndex.of("我想退货").size());
    assertArrayEquals(new String[] {"iphone", "坏", "了"}, WordIndex.words(TextFolding.fold("iPhone坏了")));
  }

  @Test
  void contains_shouldFindEveryOccurrence_whenFirstWordRepeats() {
    // GIVEN a text where the phrase's first word occurs several times, only the last one followed by the rest
    // WHEN / THEN the phrase is found
    assertTrue(has("phone case, phone charger, phone overheats", "phone overheats"));
    assertFalse(has("phone case, phone charger, phone", "phone overheats"));
  }

  @Test
  void contains_shouldNotMatch_whenPhraseIsEmptyOrLongerThanText() {
    // GIVEN an empty phrase and a phrase longer than the text
    // WHEN / THEN neither matches
    assertFalse(has("anything", "  "));
    assertFalse(has("money", "money back"));
    assertFalse(has("", "money"));
  }

  @Test
  void phraseOf_shouldKeepSourceAndFoldedForm_whenBuiltFromConfiguration() {
    // GIVEN a phrase as written in a configuration
    // WHEN
    WordIndex.Phrase p = WordIndex.Phrase.of("  Téléphone Chauffe ");
    // THEN the source is kept for traces, the folded form for substring tests, the words for matching
    assertEquals("  Téléphone Chauffe ", p.source());
    assertEquals("telephone chauffe", p.folded());
    assertArrayEquals(new String[] {"telephone", "chauffe"}, p.words());
    assertEquals(0L, p.prefixMask());
    assertTrue(WordIndex.Phrase.of("!!").isEmpty());
  }

  @Test
  void phraseOf_shouldMarkOnlyStarredWords_whenPhraseMixesPrefixAndWholeWords() {
    // GIVEN a phrase with a star on its second word
    // WHEN
    WordIndex.Phrase p = WordIndex.Phrase.of("money rembours* now");
    // THEN only that word is a prefix
    assertArrayEquals(new String[] {"money", "rembours", "now"}, p.words());
    assertFalse(p.prefixAt(0));
    assertTrue(p.prefixAt(1));
    assertFalse(p.prefixAt(2));
  }

  @Test
  void phraseEquals_shouldCompareSource_whenTwoPhrasesFoldAlike() {
    // GIVEN two phrases that fold to the same words but were written differently
    // WHEN / THEN they are different phrases (traces show what the configuration said)
    assertEquals(WordIndex.Phrase.of("Téléphone"), WordIndex.Phrase.of("Téléphone"));
    assertEquals(WordIndex.Phrase.of("Téléphone").hashCode(), WordIndex.Phrase.of("Téléphone").hashCode());
    assertNotEquals(WordIndex.Phrase.of("Téléphone"), WordIndex.Phrase.of("telephone"));
    assertEquals("Téléphone", WordIndex.Phrase.of("Téléphone").toString());
  }
}
