package io.helpdeskmail.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates the customer's new words from quoted history and from the signature. Works on plain text (HTML
 * mail is converted by {@link HtmlText} first, with its quote containers already cut off).
 */
public final class ReplyExtractor {
  private static final Pattern QUOTE_HEADER = Pattern.compile(
      "^\\s*(On\\b.{0,200}\\bwrote:|Le\\b.{0,200}a écrit\\s*:|Am\\b.{0,200}schrieb.{0,80}:|-{2,}\\s*Original Message\\s*-{2,})\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGNATURE = Pattern.compile("^(-- ?|Sent from my \\w+.*)$", Pattern.CASE_INSENSITIVE);

  public ReplyBody extract(String text) {
    if (text == null || text.isBlank()) return ReplyBody.EMPTY;
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (QUOTE_HEADER.matcher(line).matches()) break;
      if (line.stripLeading().startsWith(">")) continue;
      kept.add(line);
    }
    int sig = -1;
    for (int i = 0; i < kept.size(); i++) {
      if (SIGNATURE.matcher(kept.get(i)).matches()) {
        sig = i;
        break;
      }
    }
    String reply = String.join("\n", kept).strip();
    if (sig < 0) return new ReplyBody(reply, null, reply);
    String visible = String.join("\n", kept.subList(0, sig)).strip();
    String signature = String.join("\n", kept.subList(sig, kept.size())).strip();
    return new ReplyBody(reply, signature.isEmpty() ? null : signature, visible);
  }
}
