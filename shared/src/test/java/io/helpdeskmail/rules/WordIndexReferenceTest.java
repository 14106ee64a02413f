package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The index against a plain reference: the folded text cut into substrings one character at a time, phrases
 * found by comparing every position. Texts are generated from pieces that stress the cut and the fold: capitals,
 * accents, Turkish dotted and dotless i, German sharp s, ligatures, typographic apostrophes, no-break spaces,
 * Chinese and Japanese (with kana voicing marks), Cyrillic, emoji (surrogate pairs), digits and long words.
 */
class WordIndexReferenceTest {
  private static final String LONG_PREFIX = "q".repeat(66);

  private static final List<WordIndex.Phrase> PHRASES = phrases("return*", "retour*", "rembours*", "non rembours*",
      "refund", "money back", "le téléphone chauffe", "le plus vite possible", "ne s'allume plus", "straße",
      "istanbul", "İstanbul kargo", "œuvre", "退货", "退*", "返品", "ガム", "c'est une honte", "batter* swelled", "n",
      "j'en ai marre", "a", "a a a", "123456", "привет", "при*", "x", "x y", LONG_PREFIX + "*", "very", "very very",
      "still", "still waiting", "as soon as possible", "ß*", "e", "i", "ø");

  private static final String[] PIECES = {"Return", "RETURNED", "retour", "retourner", "ret", "rembourse",
      "REMBOURSEMENT", "non-", "refund", "money", "back", "Le", "TÉLÉPHONE", "téléphone", "chauffe", "plus", "vite",
      "possible", "ne", "s’allume", "s'allume", "STRASSE", "Straße", "STRAẞE", "ß", "İstanbul", "ISTANBUL", "ıstanbul",
      "kargo", "Œuvre", "oeuvre", "我想", "退货", "退款", "返品", "カ\u3099ム", "ガム", "C'EST", "une", "honte", "battery",
      "swelled", "n", "j’en", "ai", "marre", "a", "A", "123456", "1234567", "ПРИВЕТ", "привет", "приют", "x", "X", "y",
      LONG_PREFIX, LONG_PREFIX + "qqq", "q".repeat(65), "very", "VERY", "still", "waiting", "as", "soon", "possible",
      "😀", "👍🏽", "e\u0301", "é", "Ø", "ø", "ﬁn", "Ⅻ", "①", " ", "  ", ", ", ".", "\n", "...", "-", "\u00A0", "\u202F",
      "'", "’", "°", "«", "»", "€", "—", "\t", "x\u0308", "\uD83D", "ǅ"};

  private static List<WordIndex.Phrase> phrases(String... sources) {
    List<WordIndex.Phrase> out = new ArrayList<>();
    for (String s : sources) out.add(WordIndex.Phrase.of(s));
    return out;
  }

  /** A word of the reference cut: where it starts in the folded text, and its characters. */
  private record Word(int start, String text) {}

  /** The blocks the index names: Han ideographs (with extension A and compatibility), hiragana, katakana. */
  private static boolean cjk(char c) {
    Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
    return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
        || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS || b == Character.UnicodeBlock.HIRAGANA
        || b == Character.UnicodeBlock.KATAKANA || b == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
        || c >= 0xFF66 && c <= 0xFF9F; // half-width katakana, a part of its block
  }

  /** Runs of letters and digits; a Chinese or Japanese letter is a word alone. */
  private static List<Word> referenceWords(String folded) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    while (i < folded.length()) {
      char c = folded.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
      } else if (cjk(c)) {
        out.add(new Word(i, String.valueOf(c)));
        i++;
      } else {
        int start = i;
        while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i)) && !cjk(folded.charAt(i))) i++;
        out.add(new Word(start, folded.substring(start, i)));
      }
    }
    return out;
  }

  private static boolean referenceContains(List<Word> words, WordIndex.Phrase p) {
    String[] pw = p.words();
    if (pw.length == 0) return false;
    for (int i = 0; i + pw.length <= words.size(); i++) {
      boolean all = true;
      for (int k = 0; k < pw.length && all; k++) {
        String w = words.get(i + k).text();
        all = p.prefixAt(k) ? w.startsWith(pw[k]) : w.equals(pw[k]);
      }
      if (all) return true;
    }
    return false;
  }

  /** (vocabulary number, start) of every word that is a vocabulary word or begins with a vocabulary prefix. */
  private static TreeSet<String> referenceHits(List<Word> words, WordIndex.Vocabulary vocabulary, List<WordIndex.Phrase> phrases) {
    TreeSet<String> out = new TreeSet<>();
    for (Word w : words) {
      int slot = vocabulary.slot(w.text());
      if (slot >= 0) out.add(slot + "@" + w.start());
      for (String prefix : WordIndex.prefixes(phrases)) {
        if (w.text().startsWith(prefix)) out.add(vocabulary.prefixSlot(prefix) + "@" + w.start());
      }
    }
    return out;
  }

  private static TreeSet<String> hits(WordIndex w) {
    TreeSet<String> out = new TreeSet<>();
    for (int k = 0; k < w.hitCount(); k += 2) out.add(w.hits()[k] + "@" + w.hits()[k + 1]);
    return out;
  }

  private static String text(Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (int k = rnd.nextInt(rnd.nextInt(8) == 0 ? 200 : 14); k >= 0; k--) {
      sb.append(PIECES[rnd.nextInt(PIECES.length)]);
      int gap = rnd.nextInt(4);
      if (gap > 0) sb.append(gap == 1 ? " " : gap == 2 ? ", " : "\n");
    }
    return sb.toString();
  }

  @Test
  void index_shouldAgreeWithReference_whenTextsAreGeneratedFromHardPieces() {
    // GIVEN a vocabulary with words, prefixes (one of 66 letters), CJK and Cyrillic, and generated texts
    WordIndex.Vocabulary vocabulary = WordIndex.Vocabulary.of(PHRASES);
    Random rnd = new Random(20261124);
    int found = 0, nonAscii = 0;
    for (int round = 0; round < 30_000; round++) {
      String text = text(rnd);
      if (!text.chars().allMatch(c -> c < 0x80)) nonAscii++;
      // WHEN indexed with and without the vocabulary, from the text and from its fold
      String folded = TextFolding.fold(text);
      List<Word> words = referenceWords(folded);
      WordIndex indexed = WordIndex.of(text, vocabulary), plain = WordIndex.of(text);
      WordIndex ofFolded = WordIndex.ofFolded(folded, vocabulary);
      // THEN the fold, the word count, the words found and every phrase agree with the reference
      for (WordIndex w : List.of(indexed, plain, ofFolded)) {
        assertEquals(folded, w.folded(), text);
        assertEquals(words.size(), w.size(), text);
      }
      assertEquals(referenceHits(words, vocabulary, PHRASES), hits(indexed), text);
      assertEquals(referenceHits(words, vocabulary, PHRASES), hits(ofFolded), text);
      for (WordIndex.Phrase p : PHRASES) {
        boolean expected = referenceContains(words, p);
        assertEquals(expected, indexed.contains(p), p + " in " + text);
        assertEquals(expected, plain.contains(p), p + " (no vocabulary) in " + text);
        assertEquals(expected, ofFolded.contains(p), p + " (from the fold) in " + text);
        if (expected) found++;
      }
    }
    // the texts do hold the phrases and non-ASCII characters, not only miss them
    assertTrue(found > 30_000, found + " found");
    assertTrue(nonAscii > 10_000, nonAscii + " non-ASCII texts");
  }

  @Test
  void words_shouldAgreeWithReference_whenTextsAreGenerated() {
    // GIVEN generated texts, folded
    Random rnd = new Random(11);
    for (int round = 0; round < 5_000; round++) {
      String folded = TextFolding.fold(text(rnd));
      // WHEN cut into strings / THEN the reference's words
      assertEquals(referenceWords(folded).stream().map(Word::text).toList(), List.of(WordIndex.words(folded)), folded);
    }
  }
}
