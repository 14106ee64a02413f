package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tag table answers as the name sets it is built from: the reader looks names up straight from the input,
 * so a name in any case must find the entry its lower-cased copy would, and every other name none.
 */
class HtmlTagsTest {
  @Test
  void lookup_shouldAgreeWithTheNameSets_forEveryKnownNameInAnyCase() {
    Set<String> all = new HashSet<>();
    for (Set<String> s : HtmlTags.CATEGORIES.values()) all.addAll(s);
    assertEquals(all, new HashSet<>(HtmlTags.names()));
    for (String name : all) {
      for (String form : List.of(name, name.toUpperCase(Locale.ROOT), mixed(name))) {
        String in = "<" + form + " class=x>";
        HtmlTags.Tag t = HtmlTags.lookup(in, 1, 1 + form.length());
        assertNotNull(t, form);
        assertEquals(name, t.name());
        assertSame(t, HtmlTags.of(name));
        for (Map.Entry<Integer, Set<String>> e : HtmlTags.CATEGORIES.entrySet()) {
          assertEquals(e.getValue().contains(name), (t.flags() & e.getKey()) != 0, name + " in category " + e.getKey());
        }
        assertEquals(t.flags(), new HtmlElement(name, null).flags);
      }
    }
  }

  @Test
  void lookup_shouldFindNothing_whenTheNameIsUnknownOrOnlyNearlyKnown() {
    for (String name : List.of("o:pp", "divv", "di", "spa", "x", "bodyx", "h7", "tablE1", "font-x", "", "blockquote2",
        "figcaptions", "span ", "\u212Aeygen", "t\u0130tle", "dív", "verylongunknowntagname")) {
      assertNull(HtmlTags.lookup(name, 0, name.length()), name);
      if (name.chars().allMatch(c -> c < 0x80)) assertEquals(0, new HtmlElement(name, null).flags, name);
    }
    // Locale lower-casing maps the Kelvin sign to 'k': the reader's fallback then finds the tag by its String name.
    assertEquals("keygen", "\u212Aeygen".toLowerCase(Locale.ENGLISH));
    assertNotNull(HtmlTags.of("\u212Aeygen".toLowerCase(Locale.ENGLISH)));
  }

  @Test
  void lookup_shouldMatchTheCopyingReader_forRandomNames() {
    Random r = new Random(11);
    List<String> known = HtmlTags.names();
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_.\u00e9\u212A";
    for (int round = 0; round < 50_000; round++) {
      String name;
      if (r.nextBoolean()) {
        StringBuilder sb = new StringBuilder(known.get(r.nextInt(known.size())));
        int edits = r.nextInt(3);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
          int at = r.nextInt(sb.length());
          char c = alphabet.charAt(r.nextInt(alphabet.length()));
          switch (r.nextInt(3)) {
            case 0 -> sb.setCharAt(at, c);
            case 1 -> sb.insert(at, c);
            default -> sb.setCharAt(at, Character.toUpperCase(sb.charAt(at)));
          }
        }
        name = sb.toString();
      } else {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int k = 0; k < n; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        name = sb.toString();
      }
      String lower = name.toLowerCase(Locale.ENGLISH);
      HtmlTags.Tag t = HtmlTags.lookup(name, 0, name.length());
      if (t != null) {
        assertEquals(lower, t.name(), name);
      } else {
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        // an ASCII name the table lacks is unknown; others are left to the copying reader, which must agree
        if (ascii) assertNull(HtmlTags.of(lower), name);
      }
      assertEquals(knownFlags(lower), HtmlTags.flags(lower), name);
    }
  }

  private static int knownFlags(String name) {
    int flags = 0;
    for (Map.Entry<Integer, Set<String>> e : HtmlTags.CATEGORIES.entrySet()) if (e.getValue().contains(name)) flags |= e.getKey();
    return flags;
  }

  private static String mixed(String name) {
    StringBuilder sb = new StringBuilder(name);
    for (int i = 0; i < sb.length(); i += 2) sb.setCharAt(i, Character.toUpperCase(sb.charAt(i)));
    return sb.toString();
  }
}
