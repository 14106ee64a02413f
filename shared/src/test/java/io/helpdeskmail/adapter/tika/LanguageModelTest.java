package io.helpdeskmail.adapter.tika;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.optimaize.langdetect.cybozu.util.CharNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageModelTest {
  @Test
  void committedModel_shouldBeWhatTheGeneratorDerives_whenProfilesAreReadWithTheLibrary() throws IOException {
    // GIVEN the model derived now from the Optimaize jar's profiles and normalizer
    byte[] generated = LanguageModelGenerator.generate();
    String write = System.getProperty("languageModel.write");
    if (write != null && !write.isBlank()) Files.write(Path.of(write), generated);
    // WHEN the committed resource is read
    byte[] committed;
    try (InputStream in = LanguageModel.class.getResourceAsStream(LanguageModel.RESOURCE)) {
      committed = in.readAllBytes();
    }
    // THEN it is byte for byte the same (else regenerate: -DlanguageModel.write=src/main/resources/io/helpdeskmail/
    // adapter/tika/language-model.bin on this test)
    assertArrayEquals(generated, committed, "language-model.bin is stale");
  }

  @Test
  void load_shouldHoldTheDefaultLanguages_whenTheResourceIsRead() {
    // GIVEN / WHEN the shipped model
    LanguageModel m = LanguageModel.load();
    // THEN it has exactly the detector's languages, zh answering as "zh" for either script
    assertEquals(OptimaizeLanguageDetector.DEFAULT_LANGUAGES, Set.of(m.tags));
    for (int i = 0; i < m.size(); i++) {
      assertEquals(m.tags[i].startsWith("zh-") ? "zh" : m.tags[i], m.languages[i]);
    }
  }

  @Test
  void normalize_shouldMatchTheLibrarysNormalizer_whenGivenEveryChar() {
    // GIVEN the shipped model
    LanguageModel m = LanguageModel.load();
    // WHEN every UTF-16 unit is normalized THEN the result is Optimaize's
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (m.normalize((char) c) != CharNormalizer.normalize((char) c)) {
        assertEquals(CharNormalizer.normalize((char) c), m.normalize((char) c), "U+" + Integer.toHexString(c));
      }
    }
  }

  @Test
  void probabilities_shouldBeCountOverTotal_whenGramIsKnown() {
    // GIVEN the shipped model
    LanguageModel m = LanguageModel.load();
    // WHEN an English trigram and a gram no language has are looked up
    double[] row = new double[2 * m.size()];
    java.util.Arrays.fill(row, -1.0);
    boolean the = m.probabilities(LanguageModel.key("the", 0, 3), row, m.size());
    boolean none = m.probabilities(LanguageModel.key("\u0001\u0002", 0, 2), row, 0);
    // THEN the first is most likely in English and written where asked; the second is unknown and writes nothing
    int en = java.util.Arrays.asList(m.tags).indexOf("en");
    org.junit.jupiter.api.Assertions.assertTrue(the);
    for (int i = 0; i < m.size(); i++) {
      if (i != en) org.junit.jupiter.api.Assertions.assertTrue(row[m.size() + en] > row[m.size() + i]);
      org.junit.jupiter.api.Assertions.assertEquals(-1.0, row[i]);
    }
    org.junit.jupiter.api.Assertions.assertFalse(none);
  }

  @Test
  void hotRow_shouldHoldTheRowProbabilitiesWrites_forEveryGramOfTheModel() {
    // GIVEN the shipped model and every gram in it
    LanguageModel m = LanguageModel.load();
    long[] grams = m.grams();
    int hot = 0;
    for (long key : grams) {
      // WHEN the gram is looked up in the plain table and in the hot one
      double[] row = new double[m.size()];
      org.junit.jupiter.api.Assertions.assertTrue(m.probabilities(key, row, 0));
      long languages = java.util.Arrays.stream(row).filter(p -> p != 0.0).count();
      double[] hotRow = m.hotRow(key);
      // THEN a gram of at least HOT_LANGUAGES profiles has a hot row, bit for bit the plain row; any other has none
      if (languages >= LanguageModel.HOT_LANGUAGES) {
        hot++;
        assertArrayEquals(row, hotRow, Long.toHexString(key));
      } else {
        org.junit.jupiter.api.Assertions.assertNull(hotRow, Long.toHexString(key));
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(hot > 2000, hot + " hot grams");
  }

  @Test
  void hotRow_shouldGiveNone_whenNoProfileHasTheGram() {
    // GIVEN the shipped model WHEN grams no language has are looked up in the hot table THEN none is found
    LanguageModel m = LanguageModel.load();
    org.junit.jupiter.api.Assertions.assertNull(m.hotRow(LanguageModel.key("\u0001\u0002", 0, 2)));
    org.junit.jupiter.api.Assertions.assertNull(m.hotRow(LanguageModel.key("\u0001\u0002\u0003", 0, 3)));
    org.junit.jupiter.api.Assertions.assertNull(m.hotRow(LanguageModel.key("\u0001", 0, 1)));
  }
}
