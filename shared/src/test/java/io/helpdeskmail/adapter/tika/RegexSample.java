package io.helpdeskmail.adapter.tika;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random string a regex of Tika's magic table matches, as bytes (one per character, as Tika reads them): the
 * positives for regex magics in the differential test. Best effort: lookarounds are ignored, so a few samples do
 * not match; those remain useful near misses.
 */
final class RegexSample {
  private sealed interface Node permits Chars, Seq, Alt, Group, Repeat, BackRef {}

  private record Chars(BitSet set) implements Node {}

  private record Seq(List<Node> parts) implements Node {}

  private record Alt(List<Node> options) implements Node {}

  private record Group(Node inner, int capture) implements Node {}

  private record Repeat(Node inner, int min, int max) implements Node {}

  private record BackRef(int group) implements Node {}

  private final String re;
  private final Random random;
  private int i;
  private int captures;
  private final Map<Integer, String> captured = new HashMap<>();

  private RegexSample(String re, Random random) {
    this.re = re;
    this.random = random;
  }

  static byte[] of(String regex, Random random) {
    RegexSample s = new RegexSample(regex, random);
    try {
      Node n = s.alternation();
      StringBuilder out = new StringBuilder();
      s.generate(n, out);
      return out.toString().getBytes(ISO_8859_1);
    } catch (RuntimeException e) {
      return regex.getBytes(ISO_8859_1);
    }
  }

  private void generate(Node n, StringBuilder out) {
    switch (n) {
      case Chars c -> {
        if (c.set().isEmpty()) return;
        int k = random.nextInt(c.set().cardinality());
        int ch = c.set().nextSetBit(0);
        while (k-- > 0) ch = c.set().nextSetBit(ch + 1);
        out.append((char) ch);
      }
      case Seq s -> s.parts().forEach(p -> generate(p, out));
      case Alt a -> generate(a.options().get(random.nextInt(a.options().size())), out);
      case Group g -> {
        int from = out.length();
        generate(g.inner(), out);
        if (g.capture() > 0) captured.put(g.capture(), out.substring(from));
      }
      case Repeat r -> {
        int times = r.min() + random.nextInt(Math.min(r.max() - r.min(), 3) + 1);
        for (int k = 0; k < times; k++) generate(r.inner(), out);
      }
      case BackRef b -> out.append(captured.getOrDefault(b.group(), ""));
    }
  }

  private boolean more() {
    return i < re.length();
  }

  private char peek() {
    return re.charAt(i);
  }

  private Node alternation() {
    List<Node> options = new ArrayList<>();
    options.add(sequence());
    while (more() && peek() == '|') {
      i++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.get(0) : new Alt(options);
  }

  private Node sequence() {
    List<Node> parts = new ArrayList<>();
    while (more() && peek() != '|' && peek() != ')') parts.add(quantified());
    return new Seq(parts);
  }

  private Node quantified() {
    Node n = atom();
    if (!more()) return n;
    char c = peek();
    int min;
    int max;
    if (c == '*' || c == '+' || c == '?') {
      i++;
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : min + 3;
    } else if (c == '{') {
      int close = re.indexOf('}', i);
      String[] body = re.substring(i + 1, close).split(",", -1);
      min = Integer.parseInt(body[0]);
      max = body.length == 1 ? min : body[1].isEmpty() ? min + 3 : Integer.parseInt(body[1]);
      i = close + 1;
    } else {
      return n;
    }
    if (more() && (peek() == '?' || peek() == '+')) i++;
    return new Repeat(n, min, max);
  }

  private Node atom() {
    char c = re.charAt(i++);
    return switch (c) {
      case '(' -> group();
      case '[' -> new Chars(charClass());
      case '.' -> new Chars(range(0x20, 0x7E));
      case '^', '$' -> new Seq(List.of());
      case '\\' -> escape();
      default -> new Chars(one(c));
    };
  }

  private Node group() {
    int capture = 0;
    boolean ignore = false;
    if (peek() == '?') {
      i++;
      char c = re.charAt(i++);
      if (c == '=' || c == '!') {
        ignore = true;
      } else if (c == '<' && (peek() == '=' || peek() == '!')) {
        i++;
        ignore = true;
      } else if (c == '<') {
        capture = ++captures;
        while (peek() != '>') i++;
        i++;
      } else if (c != ':' && c != '>') {
        while (peek() != ')' && peek() != ':') i++;
        if (re.charAt(i++) == ')') return new Seq(List.of());
      }
    } else {
      capture = ++captures;
    }
    Node inner = alternation();
    i++; // ')'
    return ignore ? new Seq(List.of()) : new Group(inner, capture);
  }

  private BitSet charClass() {
    boolean negate = peek() == '^';
    if (negate) i++;
    BitSet set = new BitSet(256);
    while (peek() != ']') {
      int lo = classChar(set);
      if (lo < 0) continue;
      if (peek() == '-' && re.charAt(i + 1) != ']') {
        i++;
        int hi = classChar(new BitSet());
        set.set(lo, Math.min(hi, 255) + 1);
      } else if (lo <= 255) {
        set.set(lo);
      }
    }
    i++;
    if (negate) set.flip(0, 256);
    return set;
  }

  private int classChar(BitSet set) {
    char c = re.charAt(i++);
    if (c != '\\') return c;
    if ("dDsSwW".indexOf(peek()) >= 0) {
      set.or(((Chars) escape()).set());
      return -1;
    }
    BitSet one = ((Chars) escape()).set();
    return one.isEmpty() ? 256 : one.nextSetBit(0);
  }

  private Node escape() {
    char c = re.charAt(i++);
    return switch (c) {
      case 'x' -> {
        int v = Integer.parseInt(re.substring(i, i + 2), 16);
        i += 2;
        yield new Chars(one(v));
      }
      case 'u' -> {
        int v = Integer.parseInt(re.substring(i, i + 4), 16);
        i += 4;
        yield new Chars(one(v));
      }
      case 't' -> new Chars(one('\t'));
      case 'n' -> new Chars(one('\n'));
      case 'r' -> new Chars(one('\r'));
      case 'f' -> new Chars(one('\f'));
      case 'e' -> new Chars(one(27));
      case 'd' -> new Chars(range('0', '9'));
      case 's' -> new Chars(one(' '));
      case 'w' -> new Chars(range('a', 'z'));
      case 'D', 'S', 'W' -> new Chars(one('#'));
      case 'b', 'B', 'A', 'G', 'Z', 'z' -> new Seq(List.of());
      case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> new BackRef(c - '0');
      default -> new Chars(one(c));
    };
  }

  private static BitSet one(int c) {
    BitSet s = new BitSet(256);
    if (c <= 255) s.set(c);
    return s;
  }

  private static BitSet range(int from, int to) {
    BitSet s = new BitSet(256);
    s.set(from, to + 1);
    return s;
  }
}
