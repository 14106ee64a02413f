package io.helpdeskmail.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helpdeskmail.config.YamlReader.Mapping;
import io.helpdeskmail.config.YamlReader.Node;
import io.helpdeskmail.config.YamlReader.Scalar;
import io.helpdeskmail.config.YamlReader.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private static Node get(Node n, String key) {
    for (YamlReader.Entry e : ((Mapping) n).entries()) if (e.key().value().equals(key)) return e.value();
    throw new AssertionError("no key " + key + " in " + n);
  }

  private static String text(Node n) {
    return ((Scalar) n).value();
  }

  private static List<String> texts(Node n) {
    return ((Sequence) n).items().stream().map(YamlReaderTest::text).toList();
  }

  @Test
  void read_shouldBuildNestedBlocksWithLines_whenMappingsHoldSequencesOfMappings() {
    // GIVEN block mappings and a sequence of compact mappings, at the key's indentation and deeper
    Node root = YamlReader.read("""
        # a comment
        departments:
        - name: general   # trailing comment
          addresses: [support@shop.example, "help@shop.example"]
        - name: returns
          team:
        teams:
          - name: desk
            agents:
              - {email: a@shop.example, languages: [fr, en], senior: true}
        """);
    // WHEN read THEN the structure, the values and each node's line are those of the text
    Sequence deps = (Sequence) get(root, "departments");
    assertEquals(3, deps.line());
    assertEquals("general", text(get(deps.items().get(0), "name")));
    assertEquals(List.of("support@shop.example", "help@shop.example"), texts(get(deps.items().get(0), "addresses")));
    assertEquals("", text(get(deps.items().get(1), "team")));
    assertEquals(6, get(deps.items().get(1), "team").line());
    Node agent = ((Sequence) get(((Sequence) get(root, "teams")).items().get(0), "agents")).items().get(0);
    assertEquals(List.of("fr", "en"), texts(get(agent, "languages")));
    assertEquals("true", text(get(agent, "senior")));
    assertEquals(10, agent.line());
  }

  @Test
  void read_shouldDecodeEveryScalarStyle_whenValuesAreQuotedFoldedOrLiteral() {
    // GIVEN plain, single- and double-quoted, multi-line, literal and folded scalars
    Node root = YamlReader.read("""
        plain: a plain value: no, this colon has no space after it:ok
        single: 'it''s # not a comment'
        double: "tab\\there \\u00e9t\\u00e9 \\"quoted\\""
        multi: first
          second line
        literal: |
          Hello {{name}},

          thanks.
        folded: >-
          one
          two

          three
        kept: |+
          x

        end: done
        """.replace("plain: a plain value: no, this colon has no space after it:ok", "plain: colon:in it, fine"));
    // WHEN read THEN each value is the text YAML means
    assertEquals("colon:in it, fine", text(get(root, "plain")));
    assertEquals("it's # not a comment", text(get(root, "single")));
    assertEquals("tab\there été \"quoted\"", text(get(root, "double")));
    assertEquals("first second line", text(get(root, "multi")));
    assertEquals("Hello {{name}},\n\nthanks.\n", text(get(root, "literal")));
    assertEquals("one two\nthree", text(get(root, "folded")));
    assertEquals("x\n\n", text(get(root, "kept")));
    assertEquals("done", text(get(root, "end")));
  }

  @Test
  void read_shouldShareTheAnchoredNode_whenAnAliasRepeatsIt() {
    // GIVEN an anchor in a flow mapping and aliases in block and flow context
    Node root = YamlReader.read("""
        a: { regex: &order "(?:order|cmd)\\\\s*(\\\\d+)" }
        b: *order
        c: [x, *order]
        """);
    // WHEN read THEN the aliases are the anchored node itself
    Node anchored = get(get(root, "a"), "regex");
    assertEquals("(?:order|cmd)\\s*(\\d+)", text(anchored));
    assertSame(anchored, get(root, "b"));
    assertSame(anchored, ((Sequence) get(root, "c")).items().get(1));
  }

  @Test
  void read_shouldJoinWords_whenAFlowListSpansLines() {
    // GIVEN a flow list over several lines with a comment inside
    Node root = YamlReader.read("""
        words: [urgent, "as soon as possible", # English
                immédiatement,
                tout de suite]
        """);
    // WHEN read THEN every item is there, plain ones with their inner spaces
    assertEquals(List.of("urgent", "as soon as possible", "immédiatement", "tout de suite"), texts(get(root, "words")));
  }

  @Test
  void read_shouldGiveNothing_whenTheTextHasOnlyComments() {
    assertNull(YamlReader.read("# nothing\n\n   # still nothing\n"));
  }

  @Test
  void read_shouldFailWithLine_whenTheTextIsNotYamlThisReaderTakes() {
    // GIVEN one mistake per text, each on a known line
    List<Object[]> cases = List.of(
        new Object[] {"a: 1\nb: c: d\n", 2, "mapping values are not allowed here"},
        new Object[] {"a:\n\tb: 1\n", 2, "tabs"},
        new Object[] {"a: !!str 1\n", 1, "tags"},
        new Object[] {"a: *nope\n", 1, "unknown alias"},
        new Object[] {"a: 'open\nb: 2\n", 1, "never closed"},
        new Object[] {"a: [1, 2\nb: 3\n", 2, "expected"},
        new Object[] {"? complex\n: key\n", 1, "complex keys"},
        new Object[] {"a: 1\n---\nb: 2\n", 2, "one YAML document"},
        new Object[] {"a: 1\n   b: 2\n", 2, "mapping values are not allowed here"},
        new Object[] {"a: \"\\q\"\n", 1, "unknown escape"});
    for (Object[] c : cases) {
      // WHEN read THEN it fails on that line, saying what is wrong
      YamlReader.SyntaxError e = assertThrows(YamlReader.SyntaxError.class, () -> YamlReader.read((String) c[0]),
          (String) c[0]);
      assertEquals(c[1], e.line, c[0] + " -> " + e.getMessage());
      assertTrue(e.getMessage().contains((String) c[2]), c[0] + " -> " + e.getMessage());
    }
  }
}
