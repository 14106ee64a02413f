package io.helpdeskmail.adapter.tika;

import io.helpdeskmail.mail.ContentSniffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
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
  /** Enough for the magic of every format mail carries; more only slows the pattern scan. */
  private static final int SNIFF_BYTES = 2 * 1024;

  /**
   * The declared type when the first bytes prove it, for the types most mail carries: Tika's full magic table
   * (hundreds of patterns) was the largest single cost of reading ordinary mail. Null means "ask Tika".
   */
  static String confirmed(byte[] d, String declared) {
    if (declared == null) return null;
    return switch (declared) {
      case "image/png" -> starts(d, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G') ? declared : null;
      case "image/jpeg", "image/jpg", "image/pjpeg" -> starts(d, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF) ? "image/jpeg" : null;
      case "image/gif" -> starts(d, (byte) 'G', (byte) 'I', (byte) 'F', (byte) '8') ? declared : null;
      case "application/pdf" -> starts(d, (byte) '%', (byte) 'P', (byte) 'D', (byte) 'F') ? declared : null;
      // Any text type without NUL bytes is what it says. Images, sound and video are binary formats: when the
      // bytes read as text, text is what they are. (Not so for application/*: PDF, PostScript, RTF and XML are
      // text-like formats that only Tika tells apart.)
      default -> declared.startsWith("text/") ? (noNul(d) ? declared : null)
          : (declared.startsWith("image/") || declared.startsWith("audio/") || declared.startsWith("video/"))
          && looksLikeText(d) ? "text/plain" : null;
    };
  }

  /**
   * A specific declared type that the file name's extension also implies (report.docx declared as the Word type)
   * is taken as it is: the name lookup is a table hit, the magic scan is not. Octet-stream and plain text always
   * go through the magic scan, since that is where mislabelled files hide.
   */
  private static boolean agreesWithName(String filename, String declared) {
    if (filename == null || declared == null || declared.equals("application/octet-stream")
        || declared.equals("text/plain") || filename.indexOf('.') < 0) return false;
    try {
      return Registry.TYPES.getMimeType(filename).getName().equals(declared);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Types whose magic confirmed() checks: when those bytes did not match, the label is a lie worth a full scan. */
  private static boolean hasKnownSignature(String declared) {
    return declared != null && (declared.startsWith("image/") || declared.equals("application/pdf")
        || declared.startsWith("text/"));
  }

  private static boolean starts(byte[] d, byte... sig) {
    if (d.length < sig.length) return false;
    for (int i = 0; i < sig.length; i++) if (d[i] != sig[i]) return false;
    return true;
  }

  /**
   * Printable text (no NUL, at most 2% control bytes in the first 2 KB): what Tika's text detector concludes
   * too, decided here without its magic table. A file labelled image/gif that is text is text.
   */
  private static boolean looksLikeText(byte[] d) {
    int n = Math.min(d.length, SNIFF_BYTES);
    if (n == 0) return false;
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = d[i] & 0xFF;
      if (b == 0) return false;
      if (b < 32 && b != '\r' && b != '\n' && b != '\t' && b != '\f' && b != 0x1B) control++;
    }
    return control * 50 <= n && utf8OrLatinText(d, n);
  }

  /** Binary formats are full of bytes above 0x7F that are not UTF-8; text is either ASCII, UTF-8 or sparse. */
  private static boolean utf8OrLatinText(byte[] d, int n) {
    int high = 0;
    for (int i = 0; i < n; i++) if (d[i] < 0) high++;
    return high * 10 <= n; // under 10% high bytes: Western text in any single-byte charset, or mostly ASCII UTF-8
  }

  private static boolean noNul(byte[] d) {
    for (int i = 0, n = Math.min(d.length, SNIFF_BYTES); i < n; i++) if (d[i] == 0) return false;
    return true;
  }

  private static final class Registry {
    static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    /** Tika's detect evaluating only the magics the bytes leave possible; empty if this Tika's internals differ. */
    static final Optional<IndexedMimeDetector> INDEXED = IndexedMimeDetector.forTypes(TYPES);
  }

  /**
   * What {@code MimeTypes.getDefaultMimeTypes().detect} says for the first 2 KB with these hints, through the
   * magic index when it loaded (the same answer, 20-50 times sooner) and through Tika's own detect when not.
   */
  static MediaType tikaDetect(byte[] data, String filename, String declaredType) throws IOException {
    if (Registry.INDEXED.isPresent()) {
      byte[] prefix = data.length <= SNIFF_BYTES ? data : Arrays.copyOf(data, SNIFF_BYTES);
      return Registry.INDEXED.get().detect(prefix, filename, declaredType);
    }
    Metadata md = new Metadata();
    if (filename != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
    if (declaredType != null) md.set(Metadata.CONTENT_TYPE, declaredType);
    return Registry.TYPES.detect(new ByteArrayInputStream(data, 0, Math.min(data.length, SNIFF_BYTES)), md);
  }

  /** Whether sniffing goes through the magic index (false: this Tika's internals are not the ones it reads). */
  static boolean indexed() {
    return Registry.INDEXED.isPresent();
  }

  @Override
  public String sniff(byte[] data, String filename, String declaredType) {
    String confirmed = confirmed(data, declaredType);
    if (confirmed != null) return confirmed;
    if (!hasKnownSignature(declaredType) && agreesWithName(filename, declaredType)) return declaredType;
    try {
      MediaType t = tikaDetect(data, filename, declaredType);
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
