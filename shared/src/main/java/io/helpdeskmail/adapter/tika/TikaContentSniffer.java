package io.helpdeskmail.adapter.tika;

import io.helpdeskmail.mail.ContentSniffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * True content type from magic bytes and file name (tika-core only: the 55 MB parser bundle stays off the
 * cold path). Senders' clients routinely label PDFs and images application/octet-stream, and malware labels
 * executables as images; rules and the agent UI need the real type. Tika's type registry takes about half a
 * second to load in a cold JVM, so it loads on the first attachment, not for mail without one.
 */
public final class TikaContentSniffer implements ContentSniffer {
  private static final int SNIFF_BYTES = 8 * 1024;

  private static final class Registry {
    static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  }

  @Override
  public String sniff(byte[] data, String filename, String declaredType) {
    Metadata md = new Metadata();
    if (filename != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
    if (declaredType != null) md.set(Metadata.CONTENT_TYPE, declaredType);
    try {
      MediaType t = Registry.TYPES.detect(new ByteArrayInputStream(data, 0, Math.min(data.length, SNIFF_BYTES)), md);
      if (t == null || t.equals(MediaType.OCTET_STREAM) && declaredType != null) return declaredType;
      String s = t.getBaseType().toString();
      // Tika calls plain text "text/plain" whatever the declared subtype; keep the sender's more precise text type.
      if (s.equals("text/plain") && declaredType != null && declaredType.startsWith("text/")) return declaredType;
      return s;
    } catch (IOException | RuntimeException e) {
      return declaredType;
    }
  }
}
