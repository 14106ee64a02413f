package io.helpdeskmail.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML a configuration file uses into a tree of nodes that know their line: block and flow mappings and
 * sequences, plain, quoted and block (| >) scalars, comments, anchors and aliases. Every scalar stays a string;
 * the loader reads meaning into it. Tags, complex keys and several documents in one file are refused with a
 * message, not guessed at.
 *
 * <p>Why not SnakeYAML: it loads about 150 classes from its jar and runs them interpreted, a tenth of a second of
 * every Lambda cold start for one small file read once.
 */
final class YamlReader {
  /** A node of the tree, with the 1-based line it starts on. */
  sealed interface Node permits Scalar, Sequence, Mapping {
    int line();
  }

  /** A scalar; plain is false for quoted and block scalars. */
  record Scalar(String value, int line, boolean plain) implements Node {}

  record Sequence(List<Node> items, int line) implements Node {}

  record Mapping(List<Entry> entries, int line) implements Node {}

  record Entry(Scalar key, Node value) {}

  /** Not YAML (or YAML this reader does not take), at a 1-based line. */
  static final class SyntaxError extends RuntimeException {
    final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final String src;
  private final int[] lineStarts;
  private final Map<String, Node> anchors = new HashMap<>();
  private int pos;

  private YamlReader(String src) {
    this.src = src.startsWith("\uFEFF") ? src.substring(1) : src;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < this.src.length(); i++) if (this.src.charAt(i) == '\n') starts.add(i + 1);
    lineStarts = new int[starts.size()];
    for (int i = 0; i < lineStarts.length; i++) lineStarts[i] = starts.get(i);
  }

  /** The document's root node, or null when the text holds only comments and blank lines. */
  static Node read(String text) {
    return new YamlReader(text.replace("\r\n", "\n").replace('\r', '\n')).document();
  }

  // ---- positions -----------------------------------------------------------------------------------------------

  private int lineOf(int p) {
    int lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private int column(int p) {
    return p - lineStarts[lineOf(p) - 1];
  }

  private SyntaxError error(String message) {
    return new SyntaxError(lineOf(Math.min(pos, Math.max(0, src.length() - 1))), message);
  }

  private boolean eof() {
    return pos >= src.length();
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private char peek(int ahead) {
    return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\0';
  }

  private void skipSpaces() {
    while (peek() == ' ' || peek() == '\t') pos++;
  }

  /** Moves past the spaces that indent a line; returns how many. */
  private int skipIndent() {
    int start = pos;
    while (peek() == ' ') pos++;
    return pos - start;
  }

  /** Skips spaces, a comment and the end of the current line. */
  private void skipRestOfLine() {
    skipSpaces();
    if (peek() == '#') while (!eof() && peek() != '\n') pos++;
    if (!eof() && peek() != '\n') throw error("unexpected text after the value");
    if (peek() == '\n') pos++;
  }

  /**
   * Moves to the first content of the next line that has any (skipping blank and comment lines) and returns its
   * indentation, or -1 at the end of the text. pos is left at the start of that line's content.
   */
  private int nextContentLine() {
    while (!eof()) {
      int start = pos;
      int ind = skipIndent();
      if (peek() == '\t') {
        int save = pos;
        skipSpaces();
        if (peek() == '\n' || peek() == '#' || eof()) {
          pos = save;
        } else {
          throw error("tabs cannot indent YAML; use spaces");
        }
      }
      skipSpaces();
      if (eof()) return -1;
      if (peek() == '\n') {
        pos++;
        continue;
      }
      if (peek() == '#') {
        while (!eof() && peek() != '\n') pos++;
        continue;
      }
      pos = start + ind;
      return ind;
    }
    return -1;
  }

  // ---- document and block structure ----------------------------------------------------------------------------

  private Node document() {
    int ind = nextContentLine();
    if (ind < 0) return null;
    if (src.startsWith("---", pos) && blank(peek(3))) {
      pos += 3;
      skipRestOfLine();
      ind = nextContentLine();
      if (ind < 0) return null;
    }
    if (src.startsWith("%", pos)) throw error("YAML directives are not supported");
    Node root = block(-1, ind);
    int next = nextContentLine();
    if (next >= 0) {
      if (src.startsWith("---", pos)) throw error("only one YAML document per configuration file");
      if (src.startsWith("...", pos)) return root;
      throw error(next == 0 ? "unexpected content at the top level (is a key missing its colon?)"
          : "bad indentation: this line is indented more than its block allows");
    }
    return root;
  }

  /** The block node starting at pos (a line's content at indentation ind), inside a parent at parentIndent. */
  private Node block(int parentIndent, int ind) {
    if (startsSequenceItem()) return sequence(ind);
    if (isMappingKeyAhead()) return mapping(ind);
    return inline(parentIndent, false);
  }

  private boolean startsSequenceItem() {
    return peek() == '-' && blank(peek(1));
  }

  /** Whether the text from pos is "key:" (plain or quoted key) followed by a blank. */
  private boolean isMappingKeyAhead() {
    int save = pos;
    try {
      char c = peek();
      if (c == '"' || c == '\'') {
        quoted();
      } else {
        if (c == '[' || c == '{' || c == '&' || c == '*' || c == '|' || c == '>' || c == '!' || c == '#' || c == '%'
            || c == '@' || c == '`') return false;
        if (c == '?' && blank(peek(1))) throw error("complex keys (\"? \") are not supported");
        while (!eof() && peek() != '\n') {
          if (peek() == ':' && blank(peek(1))) break;
          if (peek() == '#' && pos > 0 && (src.charAt(pos - 1) == ' ' || src.charAt(pos - 1) == '\t')) return false;
          pos++;
        }
      }
      skipSpaces();
      return peek() == ':' && blank(peek(1));
    } catch (SyntaxError e) {
      if (e.getMessage().startsWith("complex keys")) throw e;
      return false;
    } finally {
      pos = save;
    }
  }

  private Node sequence(int ind) {
    int line = lineOf(pos);
    List<Node> items = new ArrayList<>();
    while (true) {
      pos++; // the dash
      skipSpaces();
      if (peek() == '\n' || peek() == '#' || eof()) {
        skipRestOfLine();
        int save = pos;
        int next = nextContentLine();
        if (next > ind) {
          items.add(block(ind, next));
        } else {
          pos = save;
          items.add(new Scalar("", lineOf(pos - 1), true));
        }
      } else {
        int col = column(pos);
        items.add(block(ind, col));
      }
      int save = pos;
      int next = nextContentLine();
      if (next == ind && startsSequenceItem()) continue;
      if (next > ind) throw error("bad indentation of a sequence entry");
      pos = save;
      return new Sequence(items, line);
    }
  }

  private Node mapping(int ind) {
    int line = lineOf(pos);
    List<Entry> entries = new ArrayList<>();
    while (true) {
      Scalar key = key();
      skipSpaces();
      pos++; // the colon
      skipSpaces();
      Node value;
      if (peek() == '\n' || peek() == '#' || eof()) {
        int keyLine = key.line();
        skipRestOfLine();
        int save = pos;
        int next = nextContentLine();
        if (next > ind || next == ind && startsSequenceItem()) {
          value = block(ind, next);
        } else {
          pos = save;
          value = new Scalar("", keyLine, true);
        }
      } else {
        value = inline(ind, true);
      }
      entries.add(new Entry(key, value));
      int save = pos;
      int next = nextContentLine();
      boolean documentMarker = next == 0 && (src.startsWith("---", pos) || src.startsWith("...", pos));
      if (next == ind && !startsSequenceItem() && !documentMarker) {
        if (!isMappingKeyAhead()) throw error("expected a \"key: value\" line here (is a colon missing?)");
        continue;
      }
      if (next > ind) throw error("bad indentation of a mapping entry");
      pos = save;
      return new Mapping(entries, line);
    }
  }

  private Scalar key() {
    int line = lineOf(pos);
    if (peek() == '"' || peek() == '\'') return new Scalar(quoted(), line, false);
    int start = pos;
    while (!(peek() == ':' && blank(peek(1)))) pos++;
    return new Scalar(src.substring(start, pos).strip(), line, true);
  }

  /**
   * A value that starts on the current line (after "key: " or "- "): an anchor, an alias, a flow collection, a
   * quoted or block scalar, or a plain scalar that may continue on more-indented lines. parentIndent is the
   * indentation of the mapping or sequence holding it.
   */
  private Node inline(int parentIndent, boolean mappingValue) {
    char c = peek();
    if (c == '&') {
      String name = anchorName();
      skipSpaces();
      Node n;
      if (peek() == '\n' || peek() == '#' || eof()) {
        skipRestOfLine();
        int next = nextContentLine();
        if (next <= parentIndent && !(next == parentIndent && startsSequenceItem())) {
          throw error("anchor &" + name + " has no value");
        }
        n = block(parentIndent, next);
      } else {
        n = inline(parentIndent, mappingValue);
      }
      anchors.put(name, n);
      return n;
    }
    if (c == '*') {
      Node n = alias();
      endOfBlockValue();
      return n;
    }
    if (c == '!') throw error("YAML tags (\"!\") are not supported");
    if (c == '[' || c == '{') {
      Node n = flow();
      endOfBlockValue();
      return n;
    }
    if (c == '"' || c == '\'') {
      int line = lineOf(pos);
      String v = quoted();
      endOfBlockValue();
      return new Scalar(v, line, false);
    }
    if (c == '|' || c == '>') return blockScalar(parentIndent);
    if (c == '@' || c == '`') throw error("a plain value cannot start with \"" + c + "\"; quote it");
    return plain(parentIndent);
  }

  /** After a value on its line: only a comment may follow. */
  private void endOfBlockValue() {
    skipSpaces();
    if (peek() == '#' || peek() == '\n' || eof()) return;
    if (peek() == ':' && blank(peek(1))) throw error("mapping values are not allowed here");
    throw error("unexpected text after the value");
  }

  /** The node an alias (*name) stands for. */
  private Node alias() {
    String name = anchorName();
    Node n = anchors.get(name);
    if (n == null) throw error("unknown alias *" + name + " (anchors must be defined, with &" + name + ", before use)");
    return n;
  }

  private String anchorName() {
    pos++;
    int start = pos;
    while (!blank(peek()) && peek() != ',' && peek() != ']' && peek() != '}') pos++;
    if (pos == start) throw error("an anchor or alias needs a name");
    return src.substring(start, pos);
  }

  /** A plain scalar in block context: this line, then any more-indented continuation lines, folded with spaces. */
  private Scalar plain(int parentIndent) {
    int line = lineOf(pos);
    StringBuilder out = new StringBuilder(plainLine());
    while (true) {
      int save = pos;
      int next = nextContentLine();
      if (next <= parentIndent || startsSequenceItem() && next <= parentIndent + 1) {
        pos = save;
        break;
      }
      if (isMappingKeyAhead()) throw error("mapping values are not allowed here");
      out.append(' ').append(plainLine());
    }
    return new Scalar(out.toString(), line, true);
  }

  /** The rest of a plain scalar on the current line (up to a comment); ": " inside is an error. */
  private String plainLine() {
    int start = pos;
    while (!eof() && peek() != '\n') {
      if (peek() == ':' && blank(peek(1))) throw error("mapping values are not allowed here");
      if (peek() == '#' && (src.charAt(pos - 1) == ' ' || src.charAt(pos - 1) == '\t')) break;
      pos++;
    }
    String v = src.substring(start, pos).strip();
    skipRestOfLine();
    return v;
  }

  /** A | or > block scalar: lines indented more than the parent, kept (|) or folded (>). */
  private Scalar blockScalar(int parentIndent) {
    int line = lineOf(pos);
    boolean literal = peek() == '|';
    pos++;
    char chomp = 'c';
    int explicit = -1;
    for (int k = 0; k < 2; k++) {
      if (peek() == '-' || peek() == '+') chomp = src.charAt(pos++);
      else if (peek() >= '1' && peek() <= '9') explicit = src.charAt(pos++) - '0';
    }
    skipRestOfLine();
    List<String> lines = new ArrayList<>();
    int indent = explicit > 0 ? Math.max(0, parentIndent) + explicit : -1;
    while (!eof()) {
      int start = pos;
      int ind = skipIndent();
      if (peek() == '\n' || eof()) { // blank line inside the scalar
        lines.add("");
        if (!eof()) pos++;
        continue;
      }
      if (indent < 0) indent = ind;
      if (ind < indent || indent <= parentIndent) {
        pos = start;
        break;
      }
      int end = src.indexOf('\n', pos);
      if (end < 0) end = src.length();
      lines.add(src.substring(start + indent, end));
      pos = Math.min(src.length(), end + 1);
    }
    // Trailing blank lines belong to the chomping, not to the text.
    int trailing = 0;
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
      trailing++;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (i > 0) {
        String prev = lines.get(i - 1);
        if (literal || l.isEmpty()) {
          out.append('\n'); // literal: every break; folded: each empty line is one break
        } else if (!prev.isEmpty()) {
          // folded: a break between two lines is a space, except around more-indented lines; after empty
          // lines the break was already given by them
          out.append(l.startsWith(" ") || prev.startsWith(" ") ? '\n' : ' ');
        }
      }
      out.append(l);
    }
    if (!lines.isEmpty() && chomp != '-') out.append('\n');
    if (chomp == '+') out.append("\n".repeat(trailing));
    return new Scalar(out.toString(), line, false);
  }

  // ---- flow collections and quoted scalars ----------------------------------------------------------------------

  /** Skips spaces, line breaks and comments inside a flow collection. */
  private void skipFlowSpace() {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\n') {
        pos++;
      } else if (c == '#') {
        while (!eof() && peek() != '\n') pos++;
      } else {
        return;
      }
    }
  }

  private Node flow() {
    int line = lineOf(pos);
    char open = src.charAt(pos++);
    char close = open == '[' ? ']' : '}';
    List<Node> items = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    while (true) {
      skipFlowSpace();
      if (eof()) throw error("\"" + open + "\" opened on line " + line + " is never closed");
      if (peek() == close) {
        pos++;
        return open == '[' ? new Sequence(items, line) : new Mapping(entries, line);
      }
      if (open == '[') {
        items.add(flowNode());
      } else {
        int keyLine = lineOf(pos);
        Node k = flowNode();
        if (!(k instanceof Scalar key)) throw error("keys must be plain words");
        skipFlowSpace();
        Node value;
        if (peek() == ':') {
          pos++;
          skipFlowSpace();
          value = peek() == ',' || peek() == '}' ? new Scalar("", keyLine, true) : flowNode();
        } else {
          value = new Scalar("", keyLine, true);
        }
        entries.add(new Entry(key, value));
      }
      skipFlowSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() != close) {
        throw error(eof() ? "\"" + open + "\" opened on line " + line + " is never closed"
            : "expected \",\" or \"" + close + "\" in the " + (open == '[' ? "list" : "mapping") + " opened on line " + line);
      }
    }
  }

  private Node flowNode() {
    char c = peek();
    if (c == '[' || c == '{') return flow();
    if (c == '"' || c == '\'') {
      int line = lineOf(pos);
      return new Scalar(quoted(), line, false);
    }
    if (c == '&') {
      String name = anchorName();
      skipFlowSpace();
      Node n = flowNode();
      anchors.put(name, n);
      return n;
    }
    if (c == '*') return alias();
    if (c == '!') throw error("YAML tags (\"!\") are not supported");
    int line = lineOf(pos);
    int start = pos;
    while (!eof()) {
      char ch = peek();
      if (ch == ',' || ch == ']' || ch == '}' || ch == '[' || ch == '{' || ch == '\n') break;
      if (ch == ':' && (blank(peek(1)) || peek(1) == ',' || peek(1) == ']' || peek(1) == '}')) break;
      if (ch == '#' && pos > start && (src.charAt(pos - 1) == ' ' || src.charAt(pos - 1) == '\t')) break;
      pos++;
    }
    String v = src.substring(start, pos).strip();
    // A plain scalar in a flow collection may go on over line breaks; the words are joined with spaces.
    while (peek() == '\n') {
      int save = pos;
      skipFlowSpace();
      char ch = peek();
      if (eof() || ch == ',' || ch == ']' || ch == '}' || ch == ':') {
        pos = save;
        break;
      }
      int s2 = pos;
      while (!eof() && peek() != ',' && peek() != ']' && peek() != '}' && peek() != '\n'
          && !(peek() == ':' && blank(peek(1)))) pos++;
      v = v + " " + src.substring(s2, pos).strip();
    }
    if (v.isEmpty()) throw error("expected a value");
    return new Scalar(v, line, true);
  }

  /** A single- or double-quoted scalar (which may span lines; line breaks fold to spaces). */
  private String quoted() {
    char q = src.charAt(pos++);
    int openLine = lineOf(pos - 1);
    StringBuilder out = new StringBuilder();
    while (true) {
      if (eof()) {
        pos = src.length();
        throw new SyntaxError(openLine, "the quoted value opened on line " + openLine + " is never closed");
      }
      char c = src.charAt(pos++);
      if (c == q) {
        if (q == '\'' && peek() == '\'') {
          out.append('\'');
          pos++;
          continue;
        }
        return out.toString();
      }
      if (c == '\n') {
        // Folding: a single line break is a space, each further blank line a newline; leading spaces go.
        int breaks = 0;
        while (true) {
          while (peek() == ' ' || peek() == '\t') pos++;
          if (peek() == '\n') {
            breaks++;
            pos++;
          } else {
            break;
          }
        }
        int k = out.length();
        while (k > 0 && (out.charAt(k - 1) == ' ' || out.charAt(k - 1) == '\t')) k--;
        out.setLength(k);
        out.append(breaks == 0 ? " " : "\n".repeat(breaks));
        continue;
      }
      if (q == '"' && c == '\\') {
        if (eof()) continue;
        char e = src.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't', '\t' -> out.append('\t');
          case 'r' -> out.append('\r');
          case '0' -> out.append('\0');
          case 'a' -> out.append('\u0007');
          case 'b' -> out.append('\b');
          case 'e' -> out.append('\u001B');
          case 'f' -> out.append('\f');
          case 'v' -> out.append('\u000B');
          case 'N' -> out.append('\u0085');
          case '_' -> out.append('\u00A0');
          case 'L' -> out.append('\u2028');
          case 'P' -> out.append('\u2029');
          case ' ', '"', '/', '\\' -> out.append(e);
          case 'x' -> out.append((char) hex(2));
          case 'u' -> out.append((char) hex(4));
          case 'U' -> out.appendCodePoint(hex(8));
          case '\n' -> { // an escaped line break joins the lines without a space
            while (peek() == ' ' || peek() == '\t') pos++;
          }
          default -> throw error("unknown escape \"\\" + e + "\" in a double-quoted value");
        }
        continue;
      }
      out.append(c);
    }
  }

  private int hex(int digits) {
    if (pos + digits > src.length()) throw error("incomplete escape in a double-quoted value");
    try {
      int v = Integer.parseInt(src, pos, pos + digits, 16);
      pos += digits;
      return v;
    } catch (NumberFormatException e) {
      throw error("bad hexadecimal escape in a double-quoted value");
    }
  }
}
