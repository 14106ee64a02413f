package io.helpdeskmail.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Minimal `--name value` / `--flag` parsing for the local commands; bare words are kept in order under "". */
final class Options {
  private Options() {}

  static Map<String, String> parse(String[] args, List<String> flags) {
    Map<String, String> m = new HashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (flags.contains(a)) {
        m.put(a, "true");
      } else if (a.startsWith("--")) {
        if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
        m.put(a, args[++i]);
      } else {
        rest.add(a);
      }
    }
    m.put("", String.join("\u0000", rest));
    return m;
  }

  static List<String> words(Map<String, String> m) {
    String s = m.getOrDefault("", "");
    return s.isEmpty() ? List.of() : List.of(s.split("\u0000"));
  }

  static int port(Map<String, String> m, String name, int def) {
    String v = m.get(name);
    return v == null ? def : Integer.parseInt(v);
  }
}
