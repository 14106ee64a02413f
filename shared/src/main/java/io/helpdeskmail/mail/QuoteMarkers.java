package io.helpdeskmail.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the lines that introduce quoted history in plain text: attribution lines ("On ... wrote:" and their
 * translations, possibly wrapped over up to three lines), "Original Message" and forward separators, and
 * Outlook-style header blocks (From:/Sent:/To:/Subject: in many languages).
 */
final class QuoteMarkers {
  /** What kind of marker starts at a line, how many lines it spans, and any reply text sharing its first line. */
  record Marker(Kind kind, int lines, String prefix, boolean onlyBeforeQuote) {
    Marker(Kind kind, int lines, String prefix) {
      this(kind, lines, prefix, false);
    }
  }

  enum Kind { ATTRIBUTION, SEPARATOR, FORWARD, HEADERS }

  private static final int MAX_ATTRIBUTION = 320;

  // "On <date>, <someone> wrote:" in English, with the decorations some clients add ("---- On ... wrote ----").
  private static final Pattern ON_WROTE = Pattern.compile(
      "^[\\s>*-]*(?:On|At)\\s.{4,300}?\\b(?:wrote|writes|sent|said|says)\\s*:?[\\s*-]*$");
  // Reply text and "On ... wrote:" sharing one line: the split point is the "On" that starts the attribution.
  private static final Pattern INLINE_ON = Pattern.compile("^(.*?\\S)(?:\\s+|-{2,}\\s*)On\\s.{4,300}?\\bwrote:\\s*$");
  // Attribution verbs that end the line (possibly followed by the author and a colon).
  private static final Pattern VERB_LAST = Pattern.compile(
      "(?:\\b(?:wrote|writes|schrieb|geschrieben|schreef|het volgende geschreven|escribió|escreveu|ha escrit|"
          + "va escriure|ha scritto|scrisse|a écrit|a ecrit|nous a dit|skrev|kirjoitti|napisał(?:\\(a\\))?|napisała|"
          + "pisze|napsal(?:\\(a\\))?|írta|yazdı|έγραψε|a scris|написал(?:а)?|написав(?:ла)?|пише|пишет)"
          + "|写道|寫道|작성|のメッセージ)(?:\\s*[:：]?|[^:：\\n]{1,120}[:：])\\s*>?[\\s-]*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern DIGIT_DATE = Pattern.compile("\\d{1,4}\\s?[-/.:年月]\\s?\\d{1,2}|\\b(?:19|20)\\d{2}\\b");
  private static final Pattern ENDS_WITH_COLON = Pattern.compile("[:：]\\s*$");

  private static final String ORIGINAL_WORDS = "original message|reply message|ursprüngliche nachricht|"
      + "antwort nachricht|oprindelig meddelelse|oprindelig besked|message d'origine|message original|"
      + "mensaje original|messaggio originale|oorspronkelijk bericht|originalmeddelande|ursprungligt meddelande|"
      + "opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|oryginalna wiadomość|původní zpráva|"
      + "mensagem original|исходное сообщение|оригинальное сообщение|原始邮件|原始郵件|元のメッセージ|"
      + "eredeti üzenet|orijinal mesaj|mesaj original";
  private static final String FORWARD_WORDS = "forwarded message|forwarded by|message transféré|"
      + "weitergeleitete nachricht|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|"
      + "videresendt meddelelse|videresendt melding|vidarebefordrat meddelande|przekazana wiadomość|"
      + "wiadomość przekazana|mensagem encaminhada|пересылаемое сообщение|转发的邮件|轉寄的郵件|転送されたメッセージ";
  private static final Pattern ORIGINAL = Pattern.compile(
      "^[\\s>*_=-]*(?:[-_=]{2,}|\\*)\\s*(?:" + ORIGINAL_WORDS + ")\\s*[-_=*:]*\\s*$|^[\\s*]*(?:" + ORIGINAL_WORDS
          + ")\\s*[:]?\\s*[-_=]{2,}\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Apple Mail's and others' "Begin forwarded message:" line, which needs no rule. */
  private static final List<String> FORWARD_BEGIN = List.of("begin forwarded message",
      "début du message (?:réexpédié|transféré)", "anfang der weitergeleiteten nachricht",
      "inicio del mensaje reenviado", "início da mensagem reencaminhada");
  private static final Pattern FORWARD = Pattern.compile(
      "^[\\s>*]*(?:[-_=]{2,}\\s*(?:" + FORWARD_WORDS + ").{0,80}$|(?:" + String.join("|", FORWARD_BEGIN)
          + ")\\s*:?\\s*$)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Both patterns name the message right after the line's decoration (spaces, "&gt;", "*", rules of "-", "_",
   * "="), so a line whose text there opens with none of their phrases cannot match. Folding and searching the
   * whole line for the phrases' stems, as before, cost more than the patterns on short lines.
   */
  private static final AlternationPrefilter ORIGINAL_OPENINGS = AlternationPrefilter.anchored(
      List.of(ORIGINAL_WORDS.split("\\|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final AlternationPrefilter FORWARD_OPENINGS = AlternationPrefilter.anchored(
      java.util.stream.Stream.concat(java.util.Arrays.stream(FORWARD_WORDS.split("\\|")), FORWARD_BEGIN.stream())
          .toList(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Set<String> FROM_LABELS = Set.of("from", "de", "von", "van", "da", "från", "fra", "od",
      "от", "від", "发件人", "寄件者", "差出人", "送信者", "보낸 사람", "expéditeur", "remitente", "lähettäjä", "feladó",
      "kimden", "message du", "from (sender)");
  private static final Set<String> DATE_LABELS = Set.of("sent", "date", "envoyé", "envoyé le", "gesendet",
      "verzonden", "inviato", "enviado", "enviada", "enviada em", "enviado el", "skickat", "sendt", "wysłano",
      "wysłane", "data", "datum", "fecha", "dato", "päivämäärä", "lähetetty", "отправлено", "дата", "надіслано",
      "发送时间", "日期", "寄件日期", "送信日時", "日付", "보낸 날짜", "gönderildi", "tarih", "odesláno", "elküldve");
  private static final Set<String> OTHER_LABELS = Set.of("to", "à", "a", "an", "aan", "para", "till", "til", "do",
      "кому", "收件人", "宛先", "받는 사람", "cc", "cci", "bcc", "kopie", "copie à", "copia", "kopia", "subject",
      "objet", "betreff", "onderwerp", "oggetto", "asunto", "assunto", "ämne", "emne", "temat", "тема", "主题",
      "主旨", "件名", "제목", "sujet", "aihe", "vastaanottaja", "tárgy", "konu", "předmět", "komu",
      "reply-to", "répondre à", "risposta", "beantwoorden - aan", "destinataire", "címzett", "alıcı");

  private QuoteMarkers() {}

  /**
   * A text's lines with what the marker tests read of each line kept once worked out: every line is looked at as the
   * start of a marker and again as the second and third line of the two markers above it, which stripped it and
   * tested its ending three times over (a 256 KB log was 2,900 lines of that).
   */
  static final class Lines {
    private final List<String> lines;
    private final String[] stripped;
    /** endsLikeAttribution of each line: 0 not known yet, 1 true, 2 false. */
    private final byte[] endsLike;

    Lines(List<String> lines) {
      this.lines = lines;
      this.stripped = new String[lines.size()];
      this.endsLike = new byte[lines.size()];
    }

    int size() {
      return lines.size();
    }

    String get(int i) {
      return lines.get(i);
    }

    String stripped(int i) {
      String t = stripped[i];
      if (t == null) stripped[i] = t = lines.get(i).strip();
      return t;
    }

    boolean endsLikeAttribution(int i) {
      byte e = endsLike[i];
      if (e == 0) endsLike[i] = e = QuoteMarkers.endsLikeAttribution(lines.get(i)) ? (byte) 1 : (byte) 2;
      return e == 1;
    }

    /** Replaces line i (the reply text before an inline attribution), forgetting what was known of the old one. */
    void set(int i, String line) {
      lines.set(i, line);
      stripped[i] = null;
      endsLike[i] = 0;
    }
  }

  /** The marker starting at line i, or null. Lines starting with ">" are never markers themselves. */
  static Marker at(List<String> lines, int i) {
    return at(new Lines(lines), i);
  }

  static Marker at(Lines lines, int i) {
    String t = lines.stripped(i);
    if (t.isEmpty() || t.charAt(0) == '>') return null;
    if (t.length() <= 120) {
      // Both patterns are anchored at the line start (lookingAt tries there only), and each needs a rule of
      // dashes, underscores or equals signs, or a "*" or final ":" : lines of prose skip them.
      boolean rule = t.contains("--") || t.contains("__") || t.contains("==") || t.charAt(0) == '*';
      // A rule of 100 dashes makes these patterns backtrack quadratically: only lines naming a message try them.
      if (rule || t.endsWith(":")) {
        int words = afterDecoration(t);
        if (rule && ORIGINAL_OPENINGS.mayMatchFrom(t, words) && ORIGINAL.matcher(t).lookingAt()) {
          return new Marker(Kind.SEPARATOR, 1, null);
        }
        if (FORWARD_OPENINGS.mayMatchFrom(t, words) && FORWARD.matcher(t).lookingAt()) {
          return new Marker(Kind.FORWARD, 1, null);
        }
      }
    }
    int h = headerBlock(lines, i);
    if (h > 0) return new Marker(Kind.HEADERS, h, null);
    return attribution(lines, i);
  }

  /** An attribution line, alone or wrapped over two or three lines. */
  private static Marker attribution(Lines lines, int i) {
    String first = lines.stripped(i);
    if (first.length() > MAX_ATTRIBUTION) return null;
    // The lines are joined only once one ends like an attribution: most lines of prose never get that far.
    String[] parts = null;
    int joinedLength = first.length();
    Marker weak = null;
    for (int k = 1; k <= 3; k++) {
      if (k > 1) {
        if (i + k - 1 >= lines.size()) return weak;
        String next = lines.stripped(i + k - 1);
        if (next.isEmpty()) return weak;
        if (next.charAt(0) == '>' && !next.replace(" ", "").equals(">:")) return weak; // a quote, not a ">:" tail
        joinedLength += 1 + next.length();
        if (joinedLength > MAX_ATTRIBUTION) return weak;
      }
      if (!lines.endsLikeAttribution(i + k - 1)) continue; // cheap test before any regex
      String joined;
      if (k == 1) {
        joined = first;
      } else {
        if (parts == null) parts = new String[3];
        for (int j = 0; j < k; j++) parts[j] = lines.stripped(i + j);
        joined = String.join(" ", java.util.Arrays.asList(parts).subList(0, k));
      }
      Marker m = attributionText(joined, k);
      if (m != null && !m.onlyBeforeQuote()) return m;
      if (weak == null) weak = m; // a longer join may still end in "wrote:"
    }
    return weak;
  }

  private static Marker attributionText(String s, int lines) {
    if (startsWithOn(s) && ON_WROTE.matcher(s).matches()) return new Marker(Kind.ATTRIBUTION, lines, null);
    if (!hasDigitOrAt(s)) return null; // every other form names a date or an address: skip the regexes
    var inline = INLINE_ON.matcher(s);
    if (lines == 1 && s.endsWith("wrote:") && inline.matches() && hasDigitDate(s)) {
      String prefix = inline.group(1).replaceAll("-+$", "").strip();
      return new Marker(Kind.ATTRIBUTION, 1, prefix);
    }
    boolean hasEmail = hasEmail(s);
    boolean hasDate = hasDigitDate(s);
    String tail = s.length() > 160 ? s.substring(s.length() - 160) : s; // the verb sits near the end
    if ((hasEmail || hasDate) && namesVerb(tail) && VERB_LAST.matcher(tail).find()) {
      return new Marker(Kind.ATTRIBUTION, lines, null);
    }
    // "2014-03-20 8:48 GMT+01:00 Someone <someone@example.com>:" and other verbless date + address forms.
    if (hasEmail && hasDate && s.length() <= 250 && ENDS_WITH_COLON.matcher(s).find() && !isHeaderLabelLine(s)) {
      return new Marker(Kind.ATTRIBUTION, lines, null);
    }
    // "2011/4/7 Someone <someone@example.com>" without a colon: an attribution only when a quote follows.
    if (hasEmail && hasDate && s.length() <= 200 && s.endsWith(">") && !isHeaderLabelLine(s)) {
      return new Marker(Kind.ATTRIBUTION, lines, null, true);
    }
    return null;
  }

  /**
   * Where the text after a separator line's decoration starts: the characters ORIGINAL and FORWARD allow before
   * the phrase ("\\s" without UNICODE_CHARACTER_CLASS is ASCII). No phrase opens with one of them.
   */
  static int afterDecoration(String t) {
    int p = 0;
    while (p < t.length() && " \t\n\013\f\r>*_=-".indexOf(t.charAt(p)) >= 0) p++;
    return p;
  }

  /**
   * Lines of an Outlook-style header block starting at i (From:/Sent:/To:/Subject: and translations), or 0.
   * A block needs a From or Date label and at least one more label within the next few lines; a lone
   * "From: address" line counts too, as mail clients emit nothing else that looks like it.
   */
  static int headerBlock(Lines lines, int i) {
    Label first = label(lines.get(i));
    if (first != Label.FROM && first != Label.DATE) return 0;
    int labels = 1;
    int last = i;
    int gap = 0;
    for (int j = i + 1; j < lines.size() && j <= i + 8; j++) {
      String s = lines.stripped(j);
      if (s.isEmpty()) {
        if (labels > 1) break;
        if (++gap > 1) break;
        continue;
      }
      Label l = label(s);
      if (l != Label.NONE) {
        labels++;
        last = j;
        gap = 0;
      } else if (j - last > 2) {
        break; // a wrapped value spans at most two lines
      }
    }
    if (labels >= 2) return last - i + 1;
    if (first == Label.FROM) {
      String s = lines.stripped(i);
      if (s.length() <= 100 && hasEmail(s)) return 1;
    }
    return 0;
  }

  enum Label { NONE, FROM, DATE, OTHER }

  /** The header label a line starts with ("From:", "*Von:*", "Envoyé :", "发件人："), if any. */
  static Label label(String line) {
    int n = line.length();
    int p = 0;
    while (p < n && (line.charAt(p) == ' ' || line.charAt(p) == '\t' || line.charAt(p) == '*')) p++;
    int colon = -1;
    for (int q = p; q < n && q - p <= 24; q++) {
      char c = line.charAt(q);
      if (c == ':' || c == '：') {
        colon = q;
        break;
      }
    }
    if (colon < 0) return Label.NONE;
    // No label has a digit: log lines ("May 29 11:58:42 host ...") and times are rejected before any copying.
    for (int q = p; q < colon; q++) if (line.charAt(q) >= '0' && line.charAt(q) <= '9') return Label.NONE;
    String name = line.substring(p, colon);
    if (name.indexOf('*') >= 0) name = name.replace("*", "");
    name = name.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) return Label.NONE;
    if (FROM_LABELS.contains(name)) return Label.FROM;
    if (DATE_LABELS.contains(name)) return Label.DATE;
    if (OTHER_LABELS.contains(name)) return Label.OTHER;
    return Label.NONE;
  }

  /**
   * True when a line reads as a sentence rather than the first half of a wrapped attribution: it ends like a
   * sentence, or it has neither a date nor an address and does not open with "On".
   */
  static boolean looksLikeText(String line) {
    char last = line.charAt(line.length() - 1);
    if (last == '.' || last == '!' || last == '?' || last == ';') return true;
    return !hasDigitOrAt(line) && !startsWithOn(line);
  }

  /**
   * Attributions end with a colon, a closing "&gt;" of an address, or one of the "wrote" verbs (possibly
   * followed by dashes): a test on the line's last characters that rules out almost every line of prose.
   */
  static boolean endsLikeAttribution(String line) {
    int e = line.length();
    while (e > 0 && (Character.isWhitespace(line.charAt(e - 1)) || line.charAt(e - 1) == '-'
        || line.charAt(e - 1) == '*')) e--;
    if (e == 0) return false;
    char c = line.charAt(e - 1);
    if (c == ':' || c == '：' || c == '>') return true;
    if (!Character.isLetter(c) && c != ')') return false;
    char lc = Character.toLowerCase(c);
    int letter = VERB_LAST_LETTERS.indexOf(lc);
    if (letter < 0) return false; // most prose lines end in a letter no verb ends in
    // wrapped prose lines end in letters too: compare only the verbs that end in this line's last letter
    for (String v : VERBS_BY_LAST_LETTER[letter]) {
      if (e >= v.length() && line.regionMatches(true, e - v.length(), v, 0, v.length())) return true;
    }
    return false;
  }

  private static final List<String> VERB_ENDINGS = List.of("wrote", "writes", "sent", "said", "says", "schrieb",
      "geschrieben", "schreef", "escribió", "escreveu", "escrit", "scritto", "scrisse", "écrit", "ecrit", "dit",
      "skrev", "kirjoitti", "napisał", "napisał(a)", "napisała", "pisze", "napsal", "napsal(a)", "írta", "yazdı",
      "έγραψε", "scris", "написал", "написала", "написав", "написала", "пише", "пишет", "写道", "寫道", "작성",
      "のメッセージ");

  /** The last letter of every VERB_ENDINGS entry. */
  private static final String VERB_LAST_LETTERS = lastLetters(VERB_ENDINGS);
  /** VERB_ENDINGS grouped by VERB_LAST_LETTERS: a log or long text asks this for every line. */
  private static final String[][] VERBS_BY_LAST_LETTER = byLastLetter(VERB_ENDINGS, VERB_LAST_LETTERS);

  private static String[][] byLastLetter(List<String> words, String letters) {
    String[][] out = new String[letters.length()][];
    for (int i = 0; i < out.length; i++) {
      List<String> group = new java.util.ArrayList<>();
      for (String w : words) if (w.charAt(w.length() - 1) == letters.charAt(i)) group.add(w);
      out[i] = group.toArray(new String[0]);
    }
    return out;
  }

  private static String lastLetters(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      char c = w.charAt(w.length() - 1);
      if (sb.indexOf(String.valueOf(c)) < 0) sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Every alternative of VERB_LAST contains one of these. The pattern's find() tries its whole alternation at
   * every position of the tail, which made it the costliest test of ordinary lines; a line without any of these
   * words cannot match, and most lines have none.
   */
  private static final String[] VERB_STEMS = fold("wrote", "writes", "schrieb", "geschrieben", "geschreven", "schreef",
      "escribió", "escreveu", "escrit", "escriure", "scritto", "scrisse", "écrit", "ecrit", "a dit", "skrev",
      "kirjoitti", "napisał", "pisze", "napsal", "írta", "yazdı", "έγραψε", "scris", "написа", "пише", "写道", "寫道",
      "작성", "のメッセージ");

  /** The first characters of VERB_STEMS (folded, distinct), and the stems by them; ASCII ones also by table. */
  private static final String STEM_FIRSTS = firstLetters(VERB_STEMS);
  private static final String[][] STEMS_BY_FIRST = byFirstLetter(VERB_STEMS, STEM_FIRSTS);
  private static final byte[] ASCII_STEM_GROUP = asciiGroups(STEM_FIRSTS);

  /**
   * True when s contains a VERB_STEMS word, compared as VERB_LAST compares (case-insensitive, Unicode): the
   * answer of folding s and searching it for each stem, from one pass that folds each character once and compares
   * only the stems opening with it. Folding the tail and searching it thirty times was most of the cost of the
   * lines that end like an attribution.
   */
  static boolean namesVerb(String s) {
    int n = s.length();
    for (int p = 0; p < n; p++) {
      char c = CaseFold.of(s.charAt(p));
      int g = c < 0x80 ? ASCII_STEM_GROUP[c] : STEM_FIRSTS.indexOf(c);
      if (g < 0) continue;
      for (String v : STEMS_BY_FIRST[g]) if (foldedAt(s, p, v)) return true;
    }
    return false;
  }

  /** Whether s folded has folded (whose first character is already known to match) at p. */
  private static boolean foldedAt(String s, int p, String folded) {
    if (p + folded.length() > s.length()) return false;
    for (int j = 1; j < folded.length(); j++) {
      if (CaseFold.of(s.charAt(p + j)) != folded.charAt(j)) return false;
    }
    return true;
  }

  private static String firstLetters(String[] words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) if (sb.indexOf(String.valueOf(w.charAt(0))) < 0) sb.append(w.charAt(0));
    return sb.toString();
  }

  private static String[][] byFirstLetter(String[] words, String letters) {
    String[][] out = new String[letters.length()][];
    for (int i = 0; i < out.length; i++) {
      List<String> group = new java.util.ArrayList<>();
      for (String w : words) if (w.charAt(0) == letters.charAt(i)) group.add(w);
      out[i] = group.toArray(new String[0]);
    }
    return out;
  }

  private static byte[] asciiGroups(String letters) {
    byte[] out = new byte[0x80];
    java.util.Arrays.fill(out, (byte) -1);
    for (int i = 0; i < letters.length(); i++) if (letters.charAt(i) < 0x80) out[letters.charAt(i)] = (byte) i;
    return out;
  }

  /**
   * Case folding as java.util.regex does it with CASE_INSENSITIVE | UNICODE_CASE (lower case of the upper case,
   * char by char), so that "YAZDI" and "yazdı" fold alike here exactly when the pattern matches one for the other.
   */
  private static String[] fold(String... words) {
    String[] out = new String[words.length];
    for (int w = 0; w < words.length; w++) {
      String s = words[w];
      char[] c = new char[s.length()];
      for (int i = 0; i < c.length; i++) {
        char ch = s.charAt(i);
        c[i] = ch < 0x80 ? (ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch)
            : Character.toLowerCase(Character.toUpperCase(ch));
      }
      out[w] = new String(c);
    }
    return out;
  }

  /**
   * Same answer as EMAIL.matcher(s).find(), without trying the pattern at every position: a match is an "@"
   * with a local-part character before it and, after it, a run of domain characters that a dot and one more
   * domain character follow (the first run cannot contain the dot, so it must end at one).
   */
  static boolean hasEmail(String s) {
    for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      if (at == 0 || !isLocalChar(s.charAt(at - 1))) continue;
      int e = at + 1;
      while (e < s.length() && isDomainChar(s.charAt(e))) e++;
      if (e > at + 1 && e + 1 < s.length() && s.charAt(e) == '.' && isDomainChar(s.charAt(e + 1))) return true;
    }
    return false;
  }

  /** EMAIL's "[\w-]": \w without UNICODE_CHARACTER_CLASS is ASCII. */
  private static boolean isDomainChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /** EMAIL's "[\w.+'-]". */
  private static boolean isLocalChar(char c) {
    return isDomainChar(c) || c == '.' || c == '+' || c == '\'';
  }

  /**
   * DIGIT_DATE.matcher(s).find() ("\\d" and "\\s" are ASCII). Its first alternative matches somewhere exactly
   * when a separator has a digit on each side, with at most one space between: that is checked by hand. The
   * second ("\\b(?:19|20)\\d{2}\\b") needs "19" or "20" and two more digits, and only then runs, from there.
   */
  static boolean hasDigitDate(String s) {
    int n = s.length();
    int year = -1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isDateSeparator(c)) {
        boolean before = i >= 1 && isDigit(s.charAt(i - 1))
            || i >= 2 && isSpace(s.charAt(i - 1)) && isDigit(s.charAt(i - 2));
        boolean after = i + 1 < n && isDigit(s.charAt(i + 1))
            || i + 2 < n && isSpace(s.charAt(i + 1)) && isDigit(s.charAt(i + 2));
        if (before && after) return true;
      } else if (year < 0 && (c == '1' || c == '2') && i + 3 < n && s.charAt(i + 1) == (c == '1' ? '9' : '0')
          && isDigit(s.charAt(i + 2)) && isDigit(s.charAt(i + 3))) {
        year = i;
      }
    }
    return year >= 0 && DIGIT_DATE.matcher(s).find(year);
  }

  private static boolean isDateSeparator(char c) {
    return c == '-' || c == '/' || c == '.' || c == ':' || c == '年' || c == '月';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** "\\s" without UNICODE_CHARACTER_CLASS. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean startsWithOn(String s) {
    int p = 0;
    while (p < s.length() && " \t>*-".indexOf(s.charAt(p)) >= 0) p++;
    return s.startsWith("On ", p) || s.startsWith("At ", p);
  }

  private static boolean hasDigitOrAt(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '@' || Character.isDigit(c)) return true;
    }
    return false;
  }

  private static boolean isHeaderLabelLine(String s) {
    return label(s) != Label.NONE;
  }
}
