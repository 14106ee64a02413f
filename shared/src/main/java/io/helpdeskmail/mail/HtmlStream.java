package io.helpdeskmail.mail;

import static io.helpdeskmail.mail.HtmlTags.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * A single-pass HTML reader for mail bodies: a tokenizer and the part of the HTML tree-construction rules that
 * decide which element a piece of text ends up in, kept as a stack of open elements instead of a tree. It reports
 * the body's elements and text nodes in document order to a {@link Sink}, as a walk over jsoup's tree of the same
 * input would (the rules follow the WHATWG parsing algorithm as jsoup implements it, quirks included).
 *
 * <p>The rules that move content already reported (foster-parenting of text and elements misplaced in tables, the
 * adoption agency on misnested formatting tags, removing a form from the middle of the stack) and the rarely mailed
 * constructs (frames, templates, select, svg/math, noscript, table captions and column groups, escaped script, NUL
 * characters) are not modelled: on meeting one, {@link #read} returns false and the caller parses with jsoup.
 */
final class HtmlStream {
  /** Receives the body, its descendant elements (start and end) and its text nodes, in document order. */
  interface Sink {
    void open(HtmlElement e);

    void text(String s);

    void close(HtmlElement e);

    /**
     * True when opening and closing e, wherever it happens, changes nothing the sink produces: the adoption agency
     * may then move such elements after they were reported.
     */
    default boolean inert(HtmlElement e) {
      return false;
    }

    /** True while text reported now would be dropped (inside an element the sink skips). */
    default boolean skipsText() {
      return false;
    }
  }

  /** A construct this reader leaves to jsoup; thrown without a stack trace, caught in {@link #read}. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /** Reads html into sink; false when the document needs the full tree builder (the sink then saw part of it). */
  static boolean read(String html, Sink sink) {
    return unsupported(html, sink) == null;
  }

  /** What made the reader give up on html, or null when it read it all. */
  static String unsupported(String html, Sink sink) {
    try {
      new HtmlStream(html, sink).run();
      return null;
    } catch (Unsupported u) {
      return u.getMessage();
    }
  }

  // ---------------------------------------------------------------- states (tag categories: HtmlTags)

  private static final int INITIAL = 0, BEFORE_HTML = 1, BEFORE_HEAD = 2, IN_HEAD = 3, AFTER_HEAD = 4, IN_BODY = 5,
      TEXT = 6, IN_TABLE = 7, IN_TABLE_BODY = 8, IN_ROW = 9, IN_CELL = 10, AFTER_BODY = 11, AFTER_AFTER_BODY = 12;
  private static final int DATA_STATE = 0, RCDATA = 1, RAWTEXT = 2, SCRIPT = 3, PLAINTEXT = 4;
  private static final int QUIRKS_UNKNOWN = 0, QUIRKS = 1, NO_QUIRKS = 2;
  private static final HtmlElement MARKER = new HtmlElement("#marker", null);
  private static final Pattern DOCTYPE_IDS = Pattern.compile(
      "(?is)\\s*(?:PUBLIC\\s*(\"[^\"]*\"|'[^']*')(?:\\s*(?:\"[^\"]*\"|'[^']*'))?|SYSTEM\\s*(?:\"[^\"]*\"|'[^']*'))?\\s*");
  /** Numeric references to C1 controls mean the Windows-1252 character, as browsers read them. */
  private static final int[] WIN1252 = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6,
      0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
      0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

  private final String in;
  private final int len;
  private final Sink sink;
  private int pos;
  private int tokState = DATA_STATE;
  private String rawEnd; // the start tag whose end tag ends raw text
  private boolean skipNewline;
  private final StringBuilder text = new StringBuilder();
  private final ArrayList<String> attrBuf = new ArrayList<>();

  private int mode = INITIAL;
  private int originalMode;
  private int quirks = QUIRKS_UNKNOWN;
  private final ArrayList<HtmlElement> stack = new ArrayList<>();
  private final ArrayList<HtmlElement> formatting = new ArrayList<>();
  private HtmlElement head;
  private HtmlElement body;
  private HtmlElement form;
  private boolean fosterInserts;
  private boolean bodyClosed;

  private HtmlStream(String html, Sink sink) {
    if (html.indexOf('\0') >= 0) throw new Unsupported("NUL character");
    // jsoup's reader turns each CR LF into a LF (a lone CR stays)
    this.in = html.indexOf('\r') >= 0 ? html.replace("\r\n", "\n") : html;
    this.len = in.length();
    this.sink = sink;
  }

  // ---------------------------------------------------------------- tokenizer

  private void run() {
    while (pos < len) {
      switch (tokState) {
        case DATA_STATE -> data();
        case PLAINTEXT -> {
          text.append(in, pos, len);
          pos = len;
        }
        default -> rawText();
      }
    }
    flushText();
    eof();
  }

  private void data() {
    char c = in.charAt(pos);
    if (c == '<') {
      if (!markup()) {
        text.append('<');
        pos++;
      }
    } else if (c == '&') {
      pos = charRef(in, pos, len, false, text);
    } else {
      int end = pos + 1;
      while (end < len) {
        char d = in.charAt(end);
        if (d == '<' || d == '&') break;
        end++;
      }
      text.append(in, pos, end);
      pos = end;
    }
  }

  /** At a '<' in data: consumes a tag, comment, doctype or bogus comment; false when the '<' is just text. */
  private boolean markup() {
    int p = pos + 1;
    if (p >= len) return false;
    char c = in.charAt(p);
    if (c == '!') {
      flushText();
      if (in.startsWith("--", p + 1)) {
        pos = commentEnd(p + 3);
      } else if (in.regionMatches(true, p + 1, "DOCTYPE", 0, 7)) {
        doctype(p + 8);
      } else {
        pos = bogusCommentEnd(p + 1); // CDATA outside foreign content is a bogus comment too
      }
      return true;
    }
    if (c == '/') {
      if (p + 1 >= len) {
        text.append("</");
        pos = len;
        return true;
      }
      char d = in.charAt(p + 1);
      if (isAsciiAlpha(d)) {
        tag(p + 1, false);
      } else if (d == '>') {
        pos = p + 2; // "</>" is dropped without a token
      } else {
        flushText();
        pos = bogusCommentEnd(p + 1);
      }
      return true;
    }
    if (c == '?') {
      flushText();
      pos = bogusCommentEnd(p);
      return true;
    }
    if (isAsciiAlpha(c)) {
      tag(p, true);
      return true;
    }
    return false;
  }

  private int bogusCommentEnd(int p) {
    int gt = in.indexOf('>', p);
    return gt < 0 ? len : gt + 1;
  }

  /** The position after a comment whose content starts at p ("<!--" consumed), by HTML's comment states. */
  private int commentEnd(int p) {
    if (p >= len) return len;
    char c = in.charAt(p);
    if (c == '>') return p + 1; // <!-->
    int state = 0; // 0 comment, 1 comment end dash, 2 comment end, 3 comment end bang
    if (c == '-') { // comment start dash
      if (++p >= len) return len;
      c = in.charAt(p);
      if (c == '>') return p + 1; // <!--->
      state = c == '-' ? 2 : 0;
      p++;
    }
    while (true) {
      if (p >= len) return len;
      if (state == 0) {
        int dash = in.indexOf('-', p);
        if (dash < 0) return len;
        p = dash + 1;
        state = 1;
        continue;
      }
      c = in.charAt(p++);
      switch (state) {
        case 1 -> state = c == '-' ? 2 : 0;
        case 2 -> {
          if (c == '>') return p;
          state = c == '!' ? 3 : c == '-' ? 2 : 0;
        }
        default -> {
          if (c == '>') return p;
          state = c == '-' ? 1 : 0;
        }
      }
    }
  }

  private void doctype(int p) {
    int gt = in.indexOf('>', p);
    int end = gt < 0 ? len : gt;
    pos = gt < 0 ? len : gt + 1;
    int q = p;
    while (q < end && isSpace(in.charAt(q))) q++;
    int nameStart = q;
    while (q < end && !isSpace(in.charAt(q))) q++;
    String name = in.substring(nameStart, q).toLowerCase(Locale.ENGLISH);
    int verdict;
    if (gt < 0 || name.isEmpty()) {
      verdict = QUIRKS; // a doctype cut by the end of input or without a name forces quirks
    } else if (!name.equals("html")) {
      verdict = QUIRKS;
    } else {
      var m = DOCTYPE_IDS.matcher(in).region(q, end);
      if (!m.matches()) verdict = QUIRKS_UNKNOWN;
      else if (m.group(1) != null && m.group(1).substring(1, m.group(1).length() - 1).equalsIgnoreCase("HTML")) verdict = QUIRKS;
      else verdict = NO_QUIRKS;
    }
    if (mode == INITIAL) {
      quirks = verdict;
      mode = BEFORE_HTML;
    }
  }

  /** A start or end tag whose name starts at p; drops it at the end of input, as HTML does. */
  private void tag(int p, boolean start) {
    int q = p;
    while (q < len) {
      char c = in.charAt(q);
      if (isSpace(c) || c == '/' || c == '>') break;
      q++;
    }
    if (q >= len) {
      flushText();
      pos = len;
      return;
    }
    HtmlTags.Tag known = HtmlTags.lookup(in, p, q);
    String name = known != null ? known.name() : lower(p, q);
    finishTag(name, known != null ? known.flags() : HtmlTags.flags(name), q, start);
  }

  /** Reads the attributes from q and emits the tag at its '>'; flags are the name's {@link HtmlTags} categories. */
  private void finishTag(String name, int flags, int q, boolean start) {
    attrBuf.clear();
    boolean selfClosing = false;
    int state = 0; // 0 before attr name, 1 after attr name, 2 self-closing start tag
    while (true) {
      if (q >= len) { // end of input inside a tag: the tag is dropped
        flushText();
        pos = len;
        return;
      }
      char c = in.charAt(q);
      if (state == 2) {
        if (c == '>') {
          selfClosing = true;
          q++;
          break;
        }
        state = 0;
        continue;
      }
      if (isSpace(c)) {
        q++;
        continue;
      }
      if (c == '/') {
        state = 2;
        q++;
        continue;
      }
      if (c == '>') {
        q++;
        break;
      }
      if (state == 1 && c == '=') {
        q = attrValue(q + 1);
        if (q < 0) {
          flushText();
          pos = len;
          return;
        }
        state = 0;
        continue;
      }
      // attribute name: up to white space, '/', '=' or '>' (quotes and '<' are part of it)
      int n = q + 1;
      while (n < len) {
        char d = in.charAt(n);
        if (isSpace(d) || d == '/' || d == '=' || d == '>') break;
        n++;
      }
      addAttr(lower(q, n));
      q = n;
      state = 1;
      if (q < len && in.charAt(q) == '=') {
        q = attrValue(q + 1);
        if (q < 0) {
          flushText();
          pos = len;
          return;
        }
        state = 0;
      }
    }
    pos = q;
    flushText();
    if (start) {
      String[] attrs = attrBuf.isEmpty() ? null : dedupe();
      startTag(new HtmlElement(name, flags, attrs), selfClosing);
      if (skipNewline) {
        skipNewline = false;
        if (pos < len && in.charAt(pos) == '\n') pos++;
      }
    } else {
      processEnd(mode, name);
    }
  }

  private void addAttr(String name) {
    attrBuf.add(name);
    attrBuf.add("");
  }

  /** Reads an attribute value starting at q (after '='); returns the position after it, -1 at end of input. */
  private int attrValue(int q) {
    while (q < len && isSpace(in.charAt(q))) q++;
    if (q >= len) return -1;
    char c = in.charAt(q);
    if (c == '>') return q; // empty value; the '>' ends the tag
    int start;
    int end;
    int next;
    if (c == '"' || c == '\'') {
      start = q + 1;
      end = in.indexOf(c, start);
      if (end < 0) return -1;
      next = end + 1;
    } else {
      start = q;
      end = q;
      while (end < len) {
        char d = in.charAt(end);
        if (isSpace(d) || d == '>') break;
        end++;
      }
      if (end >= len) return -1;
      next = end;
    }
    String value;
    int amp = in.indexOf('&', start, end); // bounded: a search to the end of input per attribute is quadratic
    if (amp >= 0) {
      StringBuilder sb = new StringBuilder(end - start);
      sb.append(in, start, amp);
      int i = amp;
      while (i < end) {
        char d = in.charAt(i);
        if (d == '&') i = charRef(in, i, end, true, sb);
        else {
          sb.append(d);
          i++;
        }
      }
      value = sb.toString();
    } else {
      value = in.substring(start, end);
    }
    attrBuf.set(attrBuf.size() - 1, value);
    return next;
  }

  /** Name/value pairs with the first of each name kept, as HTML keeps them. */
  private String[] dedupe() {
    int n = attrBuf.size();
    String[] out = new String[n];
    int k = 0;
    outer:
    for (int i = 0; i < n; i += 2) {
      String name = attrBuf.get(i);
      for (int j = 0; j < k; j += 2) {
        if (out[j].equals(name)) continue outer;
      }
      out[k++] = name;
      out[k++] = attrBuf.get(i + 1);
    }
    return k == n ? out : Arrays.copyOf(out, k);
  }

  /** Text of a raw-text, escapable raw-text or script element, up to its end tag. */
  private void rawText() {
    // Text nobody reads (a title, a style sheet, script) is only scanned for its end tag: spam pads titles with
    // hundreds of KB of '<' and '&', which would otherwise all be decoded and copied.
    boolean kept = textKept();
    while (pos < len) {
      int lt = in.indexOf('<', pos);
      int end = lt < 0 ? len : lt;
      if (!kept) {
        // nothing to collect
      } else if (tokState == RCDATA) {
        int i = pos;
        while (i < end) {
          char c = in.charAt(i);
          if (c == '&') i = charRef(in, i, end, false, text);
          else {
            text.append(c);
            i++;
          }
        }
      } else {
        text.append(in, pos, end);
      }
      pos = end;
      if (lt < 0) return;
      if (tokState == SCRIPT && in.startsWith("<!--", lt)) throw new Unsupported("escaped script");
      int p = lt + 1;
      if (p < len && in.charAt(p) == '/' && p + 1 < len && isAsciiAlpha(in.charAt(p + 1))) {
        int q = p + 1;
        while (q < len && isAsciiAlpha(in.charAt(q))) q++;
        HtmlTags.Tag known = HtmlTags.lookup(in, p + 1, q);
        String name = known != null ? known.name() : lower(p + 1, q);
        if (q < len && name.equals(rawEnd)) {
          char c = in.charAt(q);
          if (isSpace(c) || c == '/' || c == '>') {
            tokState = DATA_STATE;
            finishTag(name, known != null ? known.flags() : HtmlTags.flags(name), q, false);
            return;
          }
        }
        if (kept) text.append(in, lt, q);
        pos = q;
      } else {
        if (kept) text.append('<');
        pos = lt + 1;
      }
    }
  }

  /** False when the text of the current raw-text element would be dropped: outside body, a data element, or skipped by the sink. */
  private boolean textKept() {
    HtmlElement target = current();
    if (target == null || bodyClosed) return true; // let insertText decide (and give up) as before
    return target.inBody && !target.is(DATA) && !sink.skipsText();
  }

  /**
   * Decodes the character reference at s[i] == '&' into out, as the HTML tokenizer does (named references from
   * jsoup's tables, legacy names without ';', numeric references with the Windows-1252 fix-up); returns the
   * position after what it consumed.
   */
  static int charRef(String s, int i, int end, boolean inAttribute, StringBuilder out) {
    int j = i + 1;
    if (j >= end) {
      out.append('&');
      return j;
    }
    char c = s.charAt(j);
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '<' || c == '&') {
      out.append('&');
      return j;
    }
    if (c == '#') {
      int k = j + 1;
      boolean hex = k < end && (s.charAt(k) == 'x' || s.charAt(k) == 'X');
      if (hex) k++;
      int digits = k;
      while (k < end && (hex ? isHexDigit(s.charAt(k)) : isDigit(s.charAt(k)))) k++;
      if (k == digits) {
        out.append('&');
        return j;
      }
      int value = -1;
      try {
        value = Integer.parseInt(s, digits, k, hex ? 16 : 10);
      } catch (NumberFormatException tooLong) {
        // out of range: replaced below
      }
      if (k < end && s.charAt(k) == ';') k++;
      if (value == -1 || value > 0x10FFFF) {
        out.append('\uFFFD');
      } else {
        if (value >= 0x80 && value < 0x80 + WIN1252.length) value = WIN1252[value - 0x80];
        if (value == 0) value = 0xFFFD;
        out.appendCodePoint(value);
      }
      return k;
    }
    int k = j;
    while (k < end && isAsciiAlpha(s.charAt(k))) k++;
    while (k < end && isDigit(s.charAt(k))) k++;
    if (k == j) { // no name: a lone '&' (the prefix search below would scan every entity for nothing)
      out.append('&');
      return j;
    }
    String name = s.substring(j, k);
    boolean semicolon = k < end && s.charAt(k) == ';';
    boolean found = Entities.isBaseNamedEntity(name) || (semicolon && Entities.isNamedEntity(name));
    if (!found) {
      if (inAttribute) {
        out.append('&');
        return j;
      }
      String prefix = Entities.findPrefix(name);
      if (prefix.isEmpty()) {
        out.append('&');
        return j;
      }
      name = prefix;
      k = j + prefix.length();
    }
    if (inAttribute && k < end) {
      char d = s.charAt(k);
      if (isAsciiAlpha(d) || isDigit(d) || d == '=') {
        out.append('&');
        return j;
      }
    }
    if (k < end && s.charAt(k) == ';') k++;
    out.append(Entities.getByName(name));
    return k;
  }

  private void flushText() {
    if (text.isEmpty()) return;
    String s = text.toString();
    text.setLength(0);
    processChars(mode, s);
  }

  private String lower(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = in.charAt(i);
      if (c >= 'A' && c <= 'Z' || c > 0x7f) return in.substring(from, to).toLowerCase(Locale.ENGLISH);
    }
    return in.substring(from, to);
  }

  // ---------------------------------------------------------------- tree construction

  private HtmlElement current() {
    return stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  private boolean currentIs(String name) {
    HtmlElement c = current();
    return c != null && c.name.equals(name);
  }

  /**
   * Deeper nesting than this, or more open formatting elements, is left to jsoup: the stream's scope and stack
   * searches walk the open elements, so a page of 40,000 nested divs (160 KB) cost seconds here and 45 ms in jsoup,
   * and jsoup itself prunes its stack at depth 512, which the stream does not model. Mail nests far less.
   */
  static final int MAX_OPEN = 256;

  private void insert(HtmlElement el) {
    if (stack.size() >= MAX_OPEN) throw new Unsupported("nesting deeper than " + MAX_OPEN);
    HtmlElement target = current();
    if (fosterInserts && target != null && target.is(FOSTER_TARGET)) {
      throw new Unsupported("foster-parented <" + el.name + ">");
    }
    el.inBody = el == body || target != null && target.inBody;
    if (el.inBody) {
      if (bodyClosed) throw new Unsupported("content after a closed body");
      sink.open(el);
    }
    stack.add(el);
  }

  private void insertEmpty(HtmlElement el) {
    insert(el);
    pop();
  }

  private HtmlElement pop() {
    HtmlElement el = stack.remove(stack.size() - 1);
    if (el.inBody && !el.silent) sink.close(el);
    if (el == body) bodyClosed = true;
    return el;
  }

  private void removeFromStack(HtmlElement el) {
    if (current() == el) {
      pop();
      return;
    }
    if (el.inBody) throw new Unsupported("element removed from inside the stack");
    stack.remove(el);
  }

  private void insertText(String s) {
    HtmlElement target = current();
    if (target == null || !target.inBody || target.is(DATA)) return;
    if (bodyClosed) throw new Unsupported("content after a closed body");
    sink.text(s);
  }

  private void popToClose(String name) {
    while (!stack.isEmpty()) {
      if (pop().name.equals(name)) return;
    }
  }

  private void generateImpliedEndTags(String except) {
    while (!stack.isEmpty()) {
      HtmlElement c = current();
      if (!c.is(IMPLIED_END) || c.name.equals(except)) return;
      pop();
    }
  }

  /** Whether name is in scope, the scope's boundaries being SCOPE and the categories in extra. */
  private boolean inScope(String name, int extra) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      HtmlElement el = stack.get(i);
      if (el.name.equals(name)) return true;
      if (el.is(SCOPE | extra)) return false;
    }
    return false;
  }

  private boolean inScope(String name) {
    return inScope(name, 0);
  }

  private boolean inButtonScope(String name) {
    return inScope(name, BUTTON_SCOPE);
  }

  private boolean inTableScope(String name) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      HtmlElement el = stack.get(i);
      if (el.name.equals(name)) return true;
      if (el.is(TABLE_SCOPE)) return false;
    }
    return false;
  }

  private boolean onStack(String name) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).name.equals(name)) return true;
    }
    return false;
  }

  /** Pops elements until one of the context's categories, or html, is current. */
  private void clearStackTo(int context) {
    while (!stack.isEmpty()) {
      HtmlElement c = current();
      if (c.is(context) || c.name.equals("html")) return;
      pop();
    }
  }

  private void pushFormatting(HtmlElement el) {
    if (formatting.size() >= MAX_OPEN) throw new Unsupported("more than " + MAX_OPEN + " formatting elements");
    int seen = 0;
    int last = formatting.size() - 1;
    int ceil = Math.max(0, last - 12);
    for (int i = last; i >= ceil; i--) {
      HtmlElement f = formatting.get(i);
      if (f == MARKER) break;
      if (el.sameAs(f)) seen++;
      if (seen == 3) {
        formatting.remove(i);
        break;
      }
    }
    formatting.add(el);
  }

  private void reconstructFormatting() {
    int size = formatting.size();
    if (size == 0) return;
    HtmlElement last = formatting.get(size - 1);
    if (last == MARKER || stack.contains(last)) return;
    int ceil = Math.max(0, size - 12);
    int i = size - 1;
    boolean skip = false;
    while (true) {
      if (i == ceil) {
        skip = true;
        break;
      }
      HtmlElement entry = formatting.get(--i);
      if (entry == MARKER || stack.contains(entry)) break;
    }
    while (true) {
      if (!skip) i++;
      skip = false;
      HtmlElement copy = formatting.get(i).copy();
      insert(copy);
      formatting.set(i, copy);
      if (i == size - 1) break;
    }
  }

  private void clearFormattingToMarker() {
    while (!formatting.isEmpty()) {
      if (formatting.remove(formatting.size() - 1) == MARKER) return;
    }
  }

  private HtmlElement activeFormatting(String name) {
    for (int i = formatting.size() - 1; i >= 0; i--) {
      HtmlElement f = formatting.get(i);
      if (f == MARKER) return null;
      if (f.name.equals(name)) return f;
    }
    return null;
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) return false;
    }
    return true;
  }

  /** Outside the body, jsoup handles the white space that starts a text run apart from the rest (and drops it). */
  private static String afterSpace(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) i++;
    return s.substring(i);
  }

  private void processChars(int m, String s) {
    switch (m) {
      case INITIAL, BEFORE_HTML, BEFORE_HEAD, IN_HEAD, AFTER_HEAD -> {
        // White space before the body is dropped; other text implies the step each of these modes waits for.
        if (isBlank(s)) return;
        switch (m) {
          case INITIAL -> {
            quirks = QUIRKS; // no doctype
            mode = BEFORE_HTML;
          }
          case BEFORE_HTML -> startHtml();
          case BEFORE_HEAD -> startHead();
          case IN_HEAD -> endHead();
          default -> startBody(null);
        }
        processChars(mode, afterSpace(s));
      }
      case IN_BODY, IN_CELL -> {
        reconstructFormatting();
        insertText(s);
      }
      case TEXT -> insertText(s);
      case IN_TABLE, IN_TABLE_BODY, IN_ROW -> {
        if (current() != null && current().is(FOSTER_TARGET)) {
          if (!isBlank(s)) throw new Unsupported("foster-parented text");
          insertText(s);
        } else {
          fosterInserts = true;
          processChars(IN_BODY, s);
          fosterInserts = false;
        }
      }
      case AFTER_BODY, AFTER_AFTER_BODY -> {
        if (isBlank(s)) return;
        resetBody();
        processChars(mode, afterSpace(s));
      }
      default -> throw new Unsupported("text in mode " + m);
    }
  }

  private void startHtml() {
    stack.add(new HtmlElement("html", null));
    mode = BEFORE_HEAD;
  }

  private void startHead() {
    head = new HtmlElement("head", null);
    insert(head);
    mode = IN_HEAD;
  }

  private void endHead() {
    pop(); // the head
    mode = AFTER_HEAD;
  }

  private void startBody(HtmlElement tag) {
    body = tag != null ? tag : new HtmlElement("body", null);
    insert(body);
    mode = IN_BODY;
  }

  private void resetBody() {
    if (!stack.contains(body)) throw new Unsupported("content after a closed body");
    mode = IN_BODY;
  }

  private void startTag(HtmlElement t, boolean selfClosing) {
    processStart(mode, t);
  }

  private void processStartName(String name) {
    processStart(mode, new HtmlElement(name, null));
  }

  private void processStart(int m, HtmlElement t) {
    String name = t.name;
    switch (m) {
      case INITIAL -> {
        quirks = QUIRKS;
        mode = BEFORE_HTML;
        processStart(mode, t);
      }
      case BEFORE_HTML -> {
        startHtml();
        if (!name.equals("html")) processStart(mode, t);
      }
      case BEFORE_HEAD -> {
        if (name.equals("html")) return;
        startHead();
        if (!name.equals("head")) processStart(mode, t);
      }
      case IN_HEAD -> inHeadStart(t);
      case AFTER_HEAD -> {
        switch (name) {
          case "html", "head" -> { }
          case "body" -> startBody(t);
          case "frameset" -> throw new Unsupported("frameset");
          case "base", "basefont", "bgsound", "command", "link", "meta", "noframes", "script", "style", "template",
              "title" -> {
            stack.add(head);
            inHeadStart(t);
            stack.remove(head);
          }
          default -> {
            startBody(null);
            processStart(mode, t);
          }
        }
      }
      case IN_BODY -> inBodyStart(t);
      case TEXT -> throw new Unsupported("start tag in text mode");
      case IN_TABLE -> inTableStart(t);
      case IN_TABLE_BODY -> {
        switch (name) {
          case "tr" -> {
            clearStackTo(BODY_CONTEXT);
            insert(t);
            mode = IN_ROW;
          }
          case "td", "th" -> {
            processStartName("tr");
            processStart(mode, t);
          }
          case "caption", "col", "colgroup", "tbody", "tfoot", "thead" -> {
            if (exitTableBody()) processStart(mode, t);
          }
          default -> inTableStart(t);
        }
      }
      case IN_ROW -> {
        switch (name) {
          case "td", "th" -> {
            clearStackTo(ROW_CONTEXT);
            insert(t);
            mode = IN_CELL;
            formatting.add(MARKER);
          }
          case "caption", "col", "colgroup", "tbody", "tfoot", "thead", "tr" -> {
            if (!inTableScope("tr")) return;
            clearStackTo(ROW_CONTEXT);
            pop();
            mode = IN_TABLE_BODY;
            processStart(mode, t);
          }
          default -> inTableStart(t);
        }
      }
      case IN_CELL -> {
        switch (name) {
          case "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr" -> {
            if (!inTableScope("td") && !inTableScope("th")) return;
            closeCell();
            processStart(mode, t);
          }
          default -> inBodyStart(t);
        }
      }
      case AFTER_BODY -> {
        if (name.equals("html")) return;
        resetBody();
        processStart(mode, t);
      }
      case AFTER_AFTER_BODY -> {
        if (name.equals("html")) return;
        resetBody();
        processStart(mode, t);
      }
      default -> throw new Unsupported("start tag in mode " + m);
    }
  }

  private void inHeadStart(HtmlElement t) {
    switch (t.name) {
      case "html", "head" -> { }
      case "base", "basefont", "bgsound", "command", "link", "meta" -> insertEmpty(t);
      case "title" -> textElement(t, RCDATA);
      case "noframes", "style" -> textElement(t, RAWTEXT);
      case "script" -> textElement(t, SCRIPT);
      case "noscript", "template" -> throw new Unsupported(t.name);
      default -> {
        endHead();
        processStart(mode, t);
      }
    }
  }

  private void textElement(HtmlElement t, int state) {
    tokState = state;
    rawEnd = t.name;
    originalMode = mode;
    mode = TEXT;
    insert(t);
  }

  private void closeP() {
    if (inButtonScope("p")) processEndP();
  }

  private void processEndP() {
    processEnd(mode, "p");
  }

  private void inBodyStart(HtmlElement t) {
    String name = t.name;
    if (t.is(UNSUPPORTED_START)) throw new Unsupported(name);
    switch (name) {
      case "a" -> {
        if (activeFormatting("a") != null) {
          processEnd(mode, "a");
          for (int i = stack.size() - 1; i >= 0; i--) {
            HtmlElement el = stack.get(i);
            if (el.name.equals("a")) {
              formatting.remove(el);
              removeFromStack(el);
              break;
            }
          }
        }
        reconstructFormatting();
        insert(t);
        pushFormatting(t);
      }
      case "span" -> {
        reconstructFormatting();
        insert(t);
      }
      case "li", "dd", "dt" -> {
        boolean li = name.equals("li");
        int bottom = stack.size() - 1;
        int upper = li ? 1 : Math.max(0, bottom - 24);
        for (int i = bottom; i >= upper; i--) {
          HtmlElement el = stack.get(i);
          if (li ? el.name.equals("li") : el.name.equals("dd") || el.name.equals("dt")) {
            processEnd(mode, el.name);
            break;
          }
          if (el.is(SPECIAL) && !el.name.equals("address") && !el.name.equals("div")
              && !el.name.equals("p")) break;
        }
        closeP();
        insert(t);
      }
      case "html" -> { }
      case "body" -> {
        if (stack.size() < 2 || stack.size() > 2 && stack.get(1) != body) return;
        if (body != null && stack.contains(body)) {
          for (String key : new String[] {"id", "class", "style"}) {
            if (t.hasAttr(key) && !body.hasAttr(key)) throw new Unsupported("attributes merged into body");
          }
        }
      }
      case "form" -> {
        if (form != null) return;
        if (inButtonScope("p")) {
          generateImpliedEndTags("p");
          popToClose("p");
        }
        insert(t);
        form = t;
      }
      case "plaintext" -> {
        closeP();
        insert(t);
        tokState = PLAINTEXT;
      }
      case "button" -> {
        if (inButtonScope("button")) {
          processEnd(mode, "button");
          processStart(mode, t);
        } else {
          reconstructFormatting();
          insert(t);
        }
      }
      case "nobr" -> {
        reconstructFormatting();
        if (inScope("nobr")) {
          processEnd(mode, "nobr");
          reconstructFormatting();
        }
        insert(t);
        pushFormatting(t);
      }
      case "table" -> {
        if (inButtonScope("p")) {
          if (quirks == QUIRKS_UNKNOWN) throw new Unsupported("table in p under an unusual doctype");
          if (quirks == NO_QUIRKS) processEndP();
        }
        insert(t);
        mode = IN_TABLE;
      }
      case "input" -> {
        reconstructFormatting();
        insertEmpty(t);
      }
      case "hr" -> {
        closeP();
        insertEmpty(t);
      }
      case "image" -> inBodyStart(t.renamed("img"));
      case "textarea" -> {
        textElement(t, RCDATA);
        skipNewline = true;
      }
      case "xmp" -> {
        closeP();
        reconstructFormatting();
        textElement(t, RAWTEXT);
      }
      case "iframe", "noembed" -> textElement(t, RAWTEXT);
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        closeP();
        if (current() != null && current().is(HEADING)) pop();
        insert(t);
      }
      case "pre", "listing" -> {
        closeP();
        insert(t);
        skipNewline = true;
      }
      case "optgroup", "option" -> {
        if (currentIs("option")) processEnd(mode, "option");
        reconstructFormatting();
        insert(t);
      }
      case "rb", "rtc" -> {
        if (inScope("ruby")) generateImpliedEndTags(null);
        insert(t);
      }
      case "rp", "rt" -> {
        if (inScope("ruby")) generateImpliedEndTags("rtc");
        insert(t);
      }
      case "area", "br", "embed", "img", "keygen", "wbr" -> {
        reconstructFormatting();
        insertEmpty(t);
      }
      case "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u" -> {
        reconstructFormatting();
        insert(t);
        pushFormatting(t);
      }
      case "title" -> textElement(t, RCDATA);
      case "noframes", "script", "style" -> textElement(t, RAWTEXT);
      default -> {
        if (!t.is(KNOWN)) {
          reconstructFormatting(); // as any other start tag: <p><b>a</p><o:p>c puts o:p in a new b
          insert(t);
        } else if (t.is(P_CLOSER)) {
          closeP();
          insert(t);
        } else if (name.equals("base") || name.equals("basefont") || name.equals("bgsound")
            || name.equals("command") || name.equals("link") || name.equals("meta")) {
          insertEmpty(t);
        } else if (name.equals("applet") || name.equals("marquee") || name.equals("object")) {
          reconstructFormatting();
          insert(t);
          formatting.add(MARKER);
        } else if (name.equals("param") || name.equals("source") || name.equals("track")) {
          insertEmpty(t);
        } else if (t.is(DROPPED_IN_BODY)) {
          return; // dropped in body
        } else {
          reconstructFormatting();
          insert(t);
          if (t.is(VOID)) pop();
        }
      }
    }
  }

  private void inTableStart(HtmlElement t) {
    String name = t.name;
    switch (name) {
      case "caption", "colgroup", "col", "template", "noscript" -> throw new Unsupported(name + " in table");
      case "tbody", "tfoot", "thead" -> {
        clearStackTo(TABLE_CONTEXT);
        insert(t);
        mode = IN_TABLE_BODY;
      }
      case "td", "th", "tr" -> {
        clearStackTo(TABLE_CONTEXT);
        processStartName("tbody");
        processStart(mode, t);
      }
      case "table" -> {
        if (!inTableScope("table")) return;
        popToClose("table");
        if (!resetInsertionMode()) {
          insert(t);
          return;
        }
        processStart(mode, t);
      }
      case "script", "style" -> textElement(t, name.equals("script") ? SCRIPT : RAWTEXT);
      case "input" -> {
        if (t.attr("type").equalsIgnoreCase("hidden")) insertEmpty(t);
        else tableAnythingElse(t);
      }
      case "form" -> {
        if (form != null) return;
        insertEmpty(t);
        form = t;
      }
      default -> tableAnythingElse(t);
    }
  }

  private void tableAnythingElse(HtmlElement t) {
    fosterInserts = true;
    try {
      inBodyStart(t);
    } finally {
      fosterInserts = false;
    }
  }

  private boolean exitTableBody() {
    if (!inTableScope("tbody") && !inTableScope("thead") && !inTableScope("tfoot")) return false;
    clearStackTo(BODY_CONTEXT);
    processEnd(mode, current().name);
    return true;
  }

  private void closeCell() {
    processEnd(mode, inTableScope("td") ? "td" : "th");
  }

  /** Picks the insertion mode from the stack; true when it changed. */
  private boolean resetInsertionMode() {
    int orig = mode;
    for (int i = stack.size() - 1; i >= 0; i--) {
      boolean last = i == 0;
      String n = stack.get(i).name;
      switch (n) {
        case "select", "caption", "colgroup", "template", "frameset" -> throw new Unsupported("mode for " + n);
        case "td", "th" -> {
          if (!last) {
            mode = IN_CELL;
            return mode != orig;
          }
        }
        case "tr" -> {
          mode = IN_ROW;
          return mode != orig;
        }
        case "tbody", "thead", "tfoot" -> {
          mode = IN_TABLE_BODY;
          return mode != orig;
        }
        case "table" -> {
          mode = IN_TABLE;
          return mode != orig;
        }
        case "head" -> {
          if (!last) {
            mode = IN_HEAD;
            return mode != orig;
          }
        }
        case "body" -> {
          mode = IN_BODY;
          return mode != orig;
        }
        case "html" -> {
          mode = head == null ? BEFORE_HEAD : AFTER_HEAD;
          return mode != orig;
        }
        default -> { }
      }
      if (last) {
        mode = IN_BODY;
        return mode != orig;
      }
    }
    return mode != orig;
  }

  private void processEnd(int m, String name) {
    switch (m) {
      case INITIAL -> {
        quirks = QUIRKS;
        mode = BEFORE_HTML;
        processEnd(mode, name);
      }
      case BEFORE_HTML -> {
        if (name.equals("body") || name.equals("br") || name.equals("head") || name.equals("html")) {
          startHtml();
          processEnd(mode, name);
        }
      }
      case BEFORE_HEAD -> {
        if (name.equals("body") || name.equals("br") || name.equals("head") || name.equals("html")) {
          startHead();
          processEnd(mode, name);
        }
      }
      case IN_HEAD -> {
        switch (name) {
          case "head" -> endHead();
          case "body", "br", "html" -> {
            endHead();
            processEnd(mode, name);
          }
          case "template" -> throw new Unsupported("template");
          default -> { }
        }
      }
      case AFTER_HEAD -> {
        switch (name) {
          case "body", "br", "html" -> {
            startBody(null);
            processEnd(mode, name);
          }
          case "template" -> throw new Unsupported("template");
          default -> { }
        }
      }
      case IN_BODY -> inBodyEnd(name);
      case TEXT -> {
        pop();
        mode = originalMode;
      }
      case IN_TABLE -> inTableEnd(name);
      case IN_TABLE_BODY -> {
        switch (name) {
          case "tbody", "tfoot", "thead" -> {
            if (!inTableScope(name)) return;
            clearStackTo(BODY_CONTEXT);
            pop();
            mode = IN_TABLE;
          }
          case "table" -> {
            if (exitTableBody()) processEnd(mode, name);
          }
          case "body", "caption", "col", "colgroup", "html", "td", "th", "tr" -> { }
          default -> inTableEnd(name);
        }
      }
      case IN_ROW -> {
        switch (name) {
          case "tr" -> {
            if (!inTableScope("tr")) return;
            clearStackTo(ROW_CONTEXT);
            pop();
            mode = IN_TABLE_BODY;
          }
          case "table" -> {
            if (!inTableScope("tr")) return;
            clearStackTo(ROW_CONTEXT);
            pop();
            mode = IN_TABLE_BODY;
            processEnd(mode, name);
          }
          case "tbody", "tfoot", "thead" -> {
            if (!inTableScope(name) || !inTableScope("tr")) return;
            clearStackTo(ROW_CONTEXT);
            pop();
            mode = IN_TABLE_BODY;
            processEnd(mode, name);
          }
          case "body", "caption", "col", "colgroup", "html", "td", "th" -> { }
          default -> inTableEnd(name);
        }
      }
      case IN_CELL -> {
        switch (name) {
          case "td", "th" -> {
            if (!inTableScope(name)) {
              mode = IN_ROW;
              return;
            }
            generateImpliedEndTags(null);
            popToClose(name);
            clearFormattingToMarker();
            mode = IN_ROW;
          }
          case "body", "caption", "col", "colgroup", "html" -> { }
          case "table", "tbody", "tfoot", "thead", "tr" -> {
            if (!inTableScope(name)) return;
            closeCell();
            processEnd(mode, name);
          }
          default -> inBodyEnd(name);
        }
      }
      case AFTER_BODY -> {
        if (name.equals("html")) {
          mode = AFTER_AFTER_BODY;
        } else {
          resetBody();
          processEnd(mode, name);
        }
      }
      case AFTER_AFTER_BODY -> {
        resetBody();
        processEnd(mode, name);
      }
      default -> throw new Unsupported("end tag in mode " + m);
    }
  }

  private void inTableEnd(String name) {
    switch (name) {
      case "table" -> {
        if (!inTableScope("table")) return;
        popToClose("table");
        resetInsertionMode();
      }
      case "body", "caption", "col", "colgroup", "html", "tbody", "td", "tfoot", "th", "thead", "tr" -> { }
      case "template" -> throw new Unsupported("template");
      default -> {
        fosterInserts = true;
        try {
          inBodyEnd(name);
        } finally {
          fosterInserts = false;
        }
      }
    }
  }

  private void inBodyEnd(String name) {
    switch (name) {
      case "template" -> throw new Unsupported("template");
      case "span" -> anyOtherEnd(name);
      case "li" -> {
        if (!inScope("li", LIST_SCOPE)) return;
        generateImpliedEndTags("li");
        popToClose("li");
      }
      case "body" -> {
        if (inScope("body")) mode = AFTER_BODY;
      }
      case "html" -> {
        if (!onStack("body")) return;
        mode = AFTER_BODY;
        processEnd(mode, name);
      }
      case "form" -> {
        HtmlElement f = form;
        form = null;
        if (f == null || !inScope("form")) return;
        generateImpliedEndTags(null);
        removeFromStack(f);
      }
      case "p" -> {
        if (!inButtonScope("p")) {
          processStartName("p");
          processEnd(mode, name);
        } else {
          generateImpliedEndTags("p");
          popToClose("p");
        }
      }
      case "dd", "dt" -> {
        if (!inScope(name)) return;
        generateImpliedEndTags(name);
        popToClose(name);
      }
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        boolean inScope = false;
        for (int i = stack.size() - 1; i >= 0; i--) {
          HtmlElement el = stack.get(i);
          if (el.is(HEADING)) {
            inScope = true;
            break;
          }
          if (el.is(SCOPE)) break;
        }
        if (!inScope) return;
        generateImpliedEndTags(name);
        while (!stack.isEmpty()) {
          if (pop().is(HEADING)) break;
        }
      }
      case "br" -> processStartName("br");
      default -> {
        int flags = HtmlTags.flags(name);
        if ((flags & FORMATTING) != 0) {
          adoption(name);
        } else if ((flags & END_CLOSER) != 0) {
          if (!inScope(name)) return;
          generateImpliedEndTags(null);
          popToClose(name);
        } else if (name.equals("applet") || name.equals("marquee") || name.equals("object")) {
          if (!inScope(name)) return;
          generateImpliedEndTags(null);
          popToClose(name);
          clearFormattingToMarker();
        } else {
          anyOtherEnd(name);
        }
      }
    }
  }

  private void anyOtherEnd(String name) {
    if (!onStack(name)) return;
    for (int i = stack.size() - 1; i >= 0; i--) {
      HtmlElement el = stack.get(i);
      if (el.name.equals(name)) {
        generateImpliedEndTags(name);
        popToClose(name);
        return;
      }
      if (el.is(SPECIAL)) return;
    }
  }

  /**
   * The adoption agency (WHATWG "adoption agency algorithm"). With a furthest block, the tree moves content already
   * reported: the furthest block leaves the formatting element for the common ancestor, and clones of the formatting
   * elements wrap it and its children. Document order of text stays the same; only which of these elements encloses
   * it changes, and their start and end shift. That is invisible to a sink for which all of them are inert, so then
   * the stack is rearranged here (clones are not reported, the elements they replace are reported closed now);
   * otherwise, and when the block would be foster-parented, jsoup builds the tree.
   */
  private void adoption(String subject) {
    HtmlElement cur = current();
    if (cur != null && cur.name.equals(subject) && !formatting.contains(cur)) {
      pop();
      return;
    }
    for (int outer = 0; outer < 8; outer++) {
      HtmlElement el = null;
      for (int i = formatting.size() - 1; i >= 0; i--) {
        HtmlElement f = formatting.get(i);
        if (f == MARKER) break;
        if (f.name.equals(subject)) {
          el = f;
          break;
        }
      }
      if (el == null) {
        anyOtherEnd(subject);
        return;
      }
      int at = stack.lastIndexOf(el);
      if (at < 0) {
        formatting.remove(el);
        return;
      }
      if (!inScope(subject)) return;
      int blockAt = -1;
      for (int i = at + 1; i < stack.size(); i++) {
        if (stack.get(i).is(SPECIAL)) {
          blockAt = i;
          break;
        }
      }
      if (blockAt < 0) {
        while (current() != el) pop();
        pop();
        formatting.remove(el);
        return;
      }
      rebuild(el, at, blockAt);
    }
  }

  /** One furthest-block round of the adoption agency, for formatting element el at stack[at] and block stack[blockAt]. */
  private void rebuild(HtmlElement el, int at, int blockAt) {
    if (at == 0) throw new Unsupported("misnested </" + el.name + "> without a common ancestor");
    HtmlElement ancestor = stack.get(at - 1);
    if (ancestor.is(FOSTER_TARGET)) throw new Unsupported("misnested </" + el.name + "> in a table");
    for (int i = at; i < blockAt; i++) {
      HtmlElement e = stack.get(i);
      if (!e.inBody || !sink.inert(e)) throw new Unsupported("misnested </" + el.name + "> around <" + e.name + ">");
    }
    HtmlElement block = stack.get(blockAt);
    int bookmark = formatting.indexOf(el);
    int nodeAt = blockAt;
    HtmlElement lastNode = block;
    for (int inner = 1; ; inner++) {
      nodeAt--;
      HtmlElement node = stack.get(nodeAt);
      if (node == el) break;
      int listAt = formatting.indexOf(node);
      if (inner > 3 && listAt >= 0) {
        formatting.remove(listAt);
        if (listAt < bookmark) bookmark--;
        listAt = -1;
      }
      if (listAt < 0) {
        stack.remove(nodeAt);
        closeMoved(node);
        continue;
      }
      HtmlElement clone = node.copy();
      clone.inBody = true;
      clone.silent = true;
      formatting.set(listAt, clone);
      stack.set(nodeAt, clone);
      closeMoved(node);
      if (lastNode == block) bookmark = listAt + 1;
      lastNode = clone;
    }
    HtmlElement copy = el.copy();
    copy.inBody = true;
    copy.silent = true;
    int elAt = formatting.indexOf(el);
    formatting.remove(elAt);
    if (elAt < bookmark) bookmark--;
    formatting.add(bookmark, copy);
    stack.remove(at);
    closeMoved(el);
    stack.add(stack.indexOf(block) + 1, copy);
  }

  private void closeMoved(HtmlElement e) {
    if (!e.silent) sink.close(e);
  }

  private void eof() {
    if (mode == TEXT) {
      pop();
      mode = originalMode;
    }
    while (!stack.isEmpty()) pop();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiAlpha(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
