package io.helpdeskmail.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and phrases that mark a message's tone, by tag ("urgent", "angry") and language. The tags land on the
 * ticket before rules run, so rules can raise priority or route "emotionally charged complaints" to seniors.
 * Every language's list is checked whatever the detected language: short angry mails are often too short for
 * the language detector, and customers mix languages.
 */
public record ToneLexicon(Map<String, Map<String, List<WordIndex.Phrase>>> tags, int shoutingMinLetters) {
  public static final ToneLexicon EMPTY = new ToneLexicon(Map.of(), 0);

  public ToneLexicon {
    Map<String, Map<String, List<WordIndex.Phrase>>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, List<WordIndex.Phrase>>> e : tags.entrySet()) copy.put(e.getKey(), Map.copyOf(e.getValue()));
    tags = java.util.Collections.unmodifiableMap(copy);
  }
}
