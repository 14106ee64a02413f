package io.helpdeskmail.mail.mime;

/**
 * RFC 3676 format=flowed: joins soft line breaks (a line ending in a space) and removes space-stuffing, so
 * paragraphs from Apple Mail and Thunderbird read as paragraphs. Quote depth is kept: lines are joined only
 * with the next line of the same depth.
 */
public final class FlowedText {
  private FlowedText() {}

  public static String unflow(String text, boolean delSp) {
    String[] lines = text.split("\r?\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder para = null;
    int paraDepth = 0;
    for (String line : lines) {
      int depth = 0;
      while (depth < line.length() && line.charAt(depth) == '>') depth++;
      String content = line.substring(depth);
      if (content.startsWith(" ")) content = content.substring(1); // space-stuffing
      boolean signature = content.equals("-- ");
      boolean soft = !signature && content.endsWith(" ");
      if (para != null && depth != paraDepth) { // a flowed line followed by another depth: end it
        out.append(para).append('\n');
        para = null;
      }
      if (para == null) {
        para = new StringBuilder();
        if (depth > 0) para.append(">".repeat(depth)).append(' ');
        paraDepth = depth;
      }
      para.append(soft && delSp ? content.substring(0, content.length() - 1) : content);
      if (!soft) {
        out.append(para).append('\n');
        para = null;
      }
    }
    if (para != null) out.append(para);
    int end = out.length();
    if (!text.endsWith("\n") && end > 0 && out.charAt(end - 1) == '\n') out.setLength(end - 1);
    return out.toString();
  }
}
