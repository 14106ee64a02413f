package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's "when": tests of one field combined with all / any / not. {@link #match} returns a description of the
 * evidence (the trace's "condition") or null when the condition does not hold. all and any stop at the first
 * test that settles them, so cheap tests written first spare the costly ones (attachment text).
 */
public sealed interface Condition {
  String match(Facts facts);

  record Always() implements Condition {
    @Override
    public String match(Facts facts) {
      return "always";
    }
  }

  record Test(Field.Ref field, Operator operator) implements Condition {
    @Override
    public String match(Facts facts) {
      return operator.test(facts, field);
    }
  }

  record All(List<Condition> all) implements Condition {
    public All {
      all = List.copyOf(all);
    }

    @Override
    public String match(Facts facts) {
      List<String> why = new ArrayList<>(all.size());
      for (Condition c : all) {
        String m = c.match(facts);
        if (m == null) return null;
        why.add(m);
      }
      return String.join(" and ", why);
    }
  }

  record Any(List<Condition> any) implements Condition {
    public Any {
      any = List.copyOf(any);
    }

    @Override
    public String match(Facts facts) {
      for (Condition c : any) {
        String m = c.match(facts);
        if (m != null) return m;
      }
      return null;
    }
  }

  record Not(Condition not, String description) implements Condition {
    @Override
    public String match(Facts facts) {
      return not.match(facts) == null ? "not (" + description + ")" : null;
    }
  }
}
