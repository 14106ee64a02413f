package io.helpdeskmail.inbound;

import java.util.Locale;

/** An SES receipt verdict (spam, virus, SPF, DKIM, DMARC). Missing or unknown values are UNKNOWN, never PASS. */
public enum Verdict {
  PASS, FAIL, GRAY, PROCESSING_FAILED, DISABLED, UNKNOWN;

  public static Verdict of(String s) {
    if (s == null || s.isBlank()) return UNKNOWN;
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
