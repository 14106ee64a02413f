package io.helpdeskmail.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.helpdeskmail.config.YamlReader.Entry;
import io.helpdeskmail.config.YamlReader.Mapping;
import io.helpdeskmail.config.YamlReader.Node;
import io.helpdeskmail.config.YamlReader.Scalar;
import io.helpdeskmail.config.YamlReader.Sequence;

/**
 * Reads a composed YAML node tree (SnakeYAML keeps each node's line) into plain values, collecting problems as
 * "file:line: path: message" instead of stopping at the first, so one load shows every mistake in the file.
 */
final class YamlTree {
  private final String source;
  private final List<String> problems = new ArrayList<>();

  String source() {
    return source;
  }

  YamlTree(String source) {
    this.source = source;
  }

  List<String> problems() {
    return problems;
  }

  void error(Node n, String path, String message) {
    problems.add(source + ":" + (n == null ? 1 : n.line()) + ": " + path + ": " + message);
  }

  /** A mapping's entries in file order; unknown or repeated keys are problems (with a "did you mean"). */
  Map<String, Node> map(Node n, String path, List<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (!(n instanceof Mapping m)) {
      error(n, path, "expected a mapping (key: value lines), found " + describe(n));
      return out;
    }
    for (Entry t : m.entries()) {
      Scalar k = t.key();
      String key = k.value();
      if (out.containsKey(key)) {
        error(k, path + "." + key, "appears twice");
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        String hint = closest(key, allowed);
        error(k, path + "." + key, "unknown key" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)")
            + "; expected one of " + String.join(", ", allowed));
        continue;
      }
      out.put(key, t.value());
    }
    return out;
  }

  boolean require(Map<String, Node> m, Node parent, String path, String key) {
    if (m.containsKey(key)) return true;
    error(parent, path, "missing \"" + key + "\"");
    return false;
  }

  List<Node> list(Node n, String path) {
    if (n instanceof Sequence s) return s.items();
    error(n, path, "expected a list, found " + describe(n));
    return List.of();
  }

  /** A non-empty string scalar, or null (with a problem recorded). */
  String string(Node n, String path) {
    if (n instanceof Scalar s && !s.value().isBlank()) return s.value().strip();
    error(n, path, "expected a value, found " + describe(n));
    return null;
  }

  /** One string or a list of strings. */
  List<String> strings(Node n, String path) {
    List<String> out = new ArrayList<>();
    for (Item i : items(n, path)) out.add(i.value());
    return out;
  }

  /** A string of a list (or a lone scalar) with its node, so that a problem with one item names its own line. */
  record Item(String value, Node node) {}

  /** One string or a list of strings, each with its node. */
  List<Item> items(Node n, String path) {
    List<Item> out = new ArrayList<>();
    if (n instanceof Scalar) {
      String s = string(n, path);
      if (s != null) out.add(new Item(s, n));
      return out;
    }
    List<Node> items = list(n, path);
    for (int i = 0; i < items.size(); i++) {
      String s = string(items.get(i), path + "[" + i + "]");
      if (s != null) out.add(new Item(s, items.get(i)));
    }
    return out;
  }

  Boolean bool(Node n, String path) {
    if (n instanceof Scalar s) {
      switch (s.value().strip().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "on" -> { return true; }
        case "false", "no", "off" -> { return false; }
        default -> { }
      }
    }
    error(n, path, "expected true or false, found " + describe(n));
    return null;
  }

  Integer integer(Node n, String path) {
    if (n instanceof Scalar s) {
      try {
        return Integer.valueOf(s.value().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(n, path, "expected a whole number, found " + describe(n));
    return null;
  }

  static int line(Node n) {
    return n == null ? 0 : n.line();
  }

  static String describe(Node n) {
    if (n == null) return "nothing";
    if (n instanceof Scalar s) return s.value().isEmpty() ? "an empty value" : "\"" + clip(s.value()) + "\"";
    if (n instanceof Sequence) return "a list";
    return "a mapping";
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /** The allowed word nearest to a misspelt one (edit distance at most 2), or null. */
  static String closest(String word, List<String> allowed) {
    String best = null;
    int bestD = 3;
    for (String a : allowed) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), a);
      if (d < bestD) {
        bestD = d;
        best = a;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
