package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An index with a vocabulary (words and prefixes looked up while cutting) finds what a scan of every word finds. */
class WordIndexVocabularyTest {
  private static final List<WordIndex.Phrase> PHRASES = phrases("return*", "retour*", "rembours*", "non rembours*",
      "refund", "money back", "le téléphone chauffe", "le plus vite possible", "not received", "ne s'allume plus",
      "退货", "退*", "返品", "c'est une honte", "batter* swelled", "exchang*", "échang*", "still waiting", "n", "j'en ai marre");

  private static List<WordIndex.Phrase> phrases(String... sources) {
    List<WordIndex.Phrase> out = new ArrayList<>();
    for (String s : sources) out.add(WordIndex.Phrase.of(s));
    return out;
  }

  @Test
  void contains_shouldFindWhatAScanFinds_whenTextsMixVocabularyWordsAndPrefixes() {
    // GIVEN the vocabulary of the phrases, and texts built from pieces of them in any case, with accents and CJK
    WordIndex.Vocabulary vocabulary = WordIndex.Vocabulary.of(PHRASES);
    String[] pieces = {"Return", "RETURNED", "retour", "retourner", "ret", "rembourse", "REMBOURSEMENT", "non-", "refund",
        "money", "back", "Le", "TÉLÉPHONE", "chauffe", "plus", "vite", "possible", "not", "received", "ne", "s’allume",
        "我想", "退货", "退款", "返品", "C'EST", "une", "honte", "battery", "swelled", "Échange", "exchanging", "still",
        "waiting", "n", "j’en", "ai", "marre", " ", ", ", "\n", "...", "-", "x"};
    Random rnd = new Random(7);
    int found = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(12); k >= 0; k--) sb.append(pieces[rnd.nextInt(pieces.length)]).append(rnd.nextInt(3) == 0 ? "" : " ");
      String text = sb.toString();
      // WHEN each phrase is looked for through the vocabulary and by a scan
      WordIndex indexed = WordIndex.of(text, vocabulary), scanned = WordIndex.of(text);
      for (WordIndex.Phrase p : PHRASES) {
        boolean expected = scanned.contains(p);
        // THEN both agree
        assertEquals(expected, indexed.contains(p), p + " in " + text);
        if (expected) found++;
      }
    }
    assertTrue(found > 20_000, found + " found"); // the texts do hold the phrases, not only miss them
  }

  @Test
  void contains_shouldFindPrefixPhrase_whenItsWordIsAlsoAWholeVocabularyWord() {
    // GIVEN "retour*" and "retour" both configured, and a text with "retourner" only
    WordIndex.Vocabulary vocabulary = WordIndex.Vocabulary.of(phrases("retour*", "retour", "retourner tout"));
    WordIndex w = WordIndex.of("Je veux RETOURNER le colis", vocabulary);
    // WHEN / THEN the prefix matches the longer word, the whole word does not
    assertTrue(w.contains(WordIndex.Phrase.of("retour*")));
    assertFalse(w.contains(WordIndex.Phrase.of("retour")));
    assertFalse(w.contains(WordIndex.Phrase.of("retourner tout")));
  }

  @Test
  void contains_shouldScan_whenPhraseIsNotInTheVocabulary() {
    // GIVEN a vocabulary that lacks the phrase's first word and prefix
    WordIndex w = WordIndex.of("please send it back, no refunding", WordIndex.Vocabulary.of(phrases("money back")));
    // WHEN / THEN the phrase is still found (by a scan of the words)
    assertTrue(w.contains(WordIndex.Phrase.of("send it back")));
    assertTrue(w.contains(WordIndex.Phrase.of("refund*")));
    assertFalse(w.contains(WordIndex.Phrase.of("money back")));
  }
}
