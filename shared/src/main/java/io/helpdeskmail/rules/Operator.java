package io.helpdeskmail.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a condition compares a field: contains (any of the words or phrases, case- and accent-folded, on word
 * boundaries), matches (a regular expression, case-insensitive), equals / in (folded equality with any value),
 * greater / less (numbers, and priorities in their order). Each returns what matched, for the trace, or null.
 */
public sealed interface Operator {
  String test(Facts facts, Field.Ref field);

  record Contains(List<WordIndex.Phrase> phrases) implements Operator {
    @Override
    public String test(Facts facts, Field.Ref field) {
      if (field.field().kind() == Field.Kind.TEXT) {
        WordIndex words = facts.words(field);
        for (WordIndex.Phrase p : phrases) if (words.contains(p)) return field + " contains \"" + p.source() + "\"";
        return null;
      }
      // Addresses, domains, file names and types contain parts ("@bigcorp.example", "invoice"); a ticket's labels
      // (tags, department, tier...) are whole values, so "tags contains angry" must not match "not-angry".
      boolean parts = switch (field.field()) {
        case FROM, FROM_DOMAIN, TO, ATTACHMENT_TYPE, ATTACHMENT_NAME, CUSTOM -> true;
        default -> false;
      };
      for (String v : facts.values(field)) {
        String folded = TextFolding.fold(v);
        for (WordIndex.Phrase p : phrases) {
          if (parts ? folded.contains(p.folded()) : folded.equals(p.folded())) {
            return field + " contains \"" + p.source() + "\"";
          }
        }
      }
      return null;
    }
  }

  /**
   * A regular expression. When every match must contain one of a few plain words (the pattern starts with a
   * literal or an alternation of literals: "(?:order|commande)\\s*#?(\\d+)"), the folded text is searched for
   * them first and the pattern runs only where one occurs: most mail holds none, and a case-insensitive pattern
   * costs a comparison per character at every position. A pattern starting with n digits likewise runs only on
   * text with n digits in a row.
   */
  /**
   * literals: folded words one of which the text must contain; starts: the same words case-folded as written, one
   * of which every match starts with (empty when unknown).
   */
  record Matches(Pattern regex, List<String> literals, int digits, List<String> starts) implements Operator {
    public Matches(Pattern regex) {
      this(regex, RegexLiterals.required(regex.pattern()), RegexLiterals.requiredDigits(regex.pattern()),
          caseFolded(RegexLiterals.requiredAsWritten(regex.pattern())));
    }

    private static List<String> caseFolded(List<String> words) {
      List<String> out = new java.util.ArrayList<>(words.size());
      for (String w : words) out.add(io.helpdeskmail.mail.CaseFold.of(w));
      return out;
    }

    public static Matches of(String regex) {
      return new Matches(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    @Override
    public String test(Facts facts, Field.Ref field) {
      boolean text = field.field().kind() == Field.Kind.TEXT;
      if (text && !literals.isEmpty() && (regex.flags() & Pattern.CASE_INSENSITIVE) != 0) {
        String folded = facts.folded(field);
        boolean any = false;
        for (String l : literals) {
          if (folded.contains(l)) {
            any = true;
            break;
          }
        }
        if (!any) return null;
      }
      if (text && digits > 0 && !RegexLiterals.hasDigitRun(facts.text(field), digits)) return null;
      boolean starting = usesStarts();
      for (String v : facts.strings(field)) {
        // Several patterns read the subject and the text: a text's case fold is made once per message (Facts keeps it).
        Matcher m = find(v, !starting ? null : text ? facts.caseFolded(field) : io.helpdeskmail.mail.CaseFold.of(v));
        // The text that matched says why; the pattern is in the configuration under the rule's name, and a trace
        // is stored on every message (a long pattern would push its text out of the item).
        if (m != null) return field + " matches \"" + clip(m.group()) + "\"";
      }
      return null;
    }

    /**
     * The leftmost match, as Matcher.find gives it. When every match starts with one of a few words, the regex is
     * tried only where those words occur (with the text around visible to boundaries and lookbehinds) instead of
     * at every position: an alternation opening a case-insensitive pattern costs a comparison per alternative
     * per character, and "order" is in most shop mail.
     */
    Matcher find(String v) {
      return find(v, usesStarts() ? io.helpdeskmail.mail.CaseFold.of(v) : null);
    }

    /** Whether {@link #find} looks for the opening words first (and so needs the text case-folded). */
    boolean usesStarts() {
      return !starts.isEmpty() && (regex.flags() & Pattern.CASE_INSENSITIVE) != 0
          && (regex.flags() & (Pattern.COMMENTS | Pattern.LITERAL)) == 0;
    }

    /**
     * The same, given v case-folded ({@link io.helpdeskmail.mail.CaseFold}; unused, may be null, without starts). A
     * pattern that starts with n digits is likewise tried only where n digits begin: "\\b[0-9]{15}\\b" on a text
     * that holds one long number somewhere would otherwise test its boundary at every character.
     */
    Matcher find(String v, String folded) {
      Matcher m = regex.matcher(v);
      if (!usesStarts()) {
        if (digits <= 0 || (regex.flags() & (Pattern.COMMENTS | Pattern.LITERAL)) != 0) return m.find() ? m : null;
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int n = v.length();
        for (int i = 0; i < n; ) {
          int end = i;
          while (end < n && v.charAt(end) >= '0' && v.charAt(end) <= '9') end++;
          for (int p = i; p + digits <= end; p++) { // every start in the run that leaves n digits
            m.region(p, n);
            if (m.lookingAt()) return m;
          }
          i = end == i ? i + 1 : end;
        }
        return null;
      }
      m.useTransparentBounds(true).useAnchoringBounds(false);
      int from = 0;
      while (true) {
        int p = -1;
        for (String s : starts) {
          int i = folded.indexOf(s, from);
          if (i >= 0 && (p < 0 || i < p)) p = i;
        }
        if (p < 0) return null;
        m.region(p, v.length());
        if (m.lookingAt()) return m;
        from = p + 1;
      }
    }
  }

  /** Folded equality with any of the values; numbers compare as numbers ("3" equals "3.0"). */
  record Equals(List<String> values, List<String> folded) implements Operator {
    public Equals(List<String> values) {
      this(values, folded(values));
    }

    private static List<String> folded(List<String> values) {
      List<String> out = new java.util.ArrayList<>(values.size());
      for (String v : values) out.add(TextFolding.fold(v));
      return out;
    }

    @Override
    public String test(Facts facts, Field.Ref field) {
      List<String> have = switch (field.field().kind()) {
        case TEXT -> List.of(facts.text(field).strip());
        case VALUE -> facts.values(field);
        case NUMBER -> {
          Double d = facts.number(field);
          yield d == null ? List.of() : List.of(d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString());
        }
      };
      for (String h : have) {
        String f = TextFolding.fold(h);
        for (int i = 0; i < values.size(); i++) {
          if (f.equals(folded.get(i)) || sameNumber(h, values.get(i))) return field + " is \"" + values.get(i) + "\"";
        }
      }
      return null;
    }

    private static boolean sameNumber(String a, String b) {
      if (!numeric(a) || !numeric(b)) return false; // parsing words would throw, which costs a stack trace each
      try {
        return Double.parseDouble(a.strip()) == Double.parseDouble(b.strip());
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static boolean numeric(String s) {
      String t = s.strip();
      if (t.isEmpty()) return false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
      }
      return true;
    }
  }

  /** greater (or, with greater false, less) than a bound; priorities compare in their order. */
  record Compare(boolean greater, double bound, String boundText) implements Operator {
    @Override
    public String test(Facts facts, Field.Ref field) {
      if (field.field() == Field.PRIORITY) {
        for (String v : facts.values(field)) {
          var p = Priority.of(v);
          if (p.isPresent() && holds(p.get().ordinal())) return describe(field, v);
        }
        return null;
      }
      if (field.field().kind() == Field.Kind.NUMBER) {
        Double d = facts.number(field);
        return d != null && holds(d) ? describe(field, d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString()) : null;
      }
      for (String v : facts.values(field)) {
        try {
          if (holds(Double.parseDouble(v.strip()))) return describe(field, v);
        } catch (NumberFormatException e) {
          // a custom field that holds no number is neither greater nor less than one
        }
      }
      return null;
    }

    private boolean holds(double v) {
      return greater ? v > bound : v < bound;
    }

    private String describe(Field.Ref field, String actual) {
      return field + (greater ? " greater than " : " less than ") + boundText + " (" + actual + ")";
    }
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
