package io.helpdeskmail.mail;

/**
 * The customer's new words: reply is the text with quoted history and reply headers removed, signature the
 * signature block if any, visible the reply without its signature (what an agent reads first).
 */
public record ReplyBody(String reply, String signature, String visible) {
  public static final ReplyBody EMPTY = new ReplyBody("", null, "");
}
