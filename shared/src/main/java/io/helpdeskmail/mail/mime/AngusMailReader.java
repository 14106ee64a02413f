package io.helpdeskmail.mail.mime;

import io.helpdeskmail.mail.Attachment;
import io.helpdeskmail.mail.ContentSniffer;
import io.helpdeskmail.mail.MailAddress;
import io.helpdeskmail.mail.MailHeaders;
import io.helpdeskmail.mail.MailReader;
import io.helpdeskmail.mail.ParsedMail;
import io.helpdeskmail.mail.ReadResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that reads MIME with Jakarta Mail (Angus). It walks the tree once and copies what the helpdesk
 * needs into a {@link ParsedMail}. Text parts are decoded here (JDK base64, our quoted-printable and charset
 * fallbacks) rather than through DataHandler/getContent(), which is both slower and stricter than real mail
 * allows. Any failure, checked or not, becomes {@link ReadResult.Unreadable}; a part that cannot be read is
 * skipped rather than losing the whole message.
 */
public final class AngusMailReader implements MailReader {
  /**
   * Lenient parsing plus the speed switches from DESIGN.md. Most mail.mime.* switches are read from System
   * properties (some once, in static initialisers), so they are set there before Jakarta Mail loads. There is no
   * Session: the parts are built from headers and bytes directly, and creating one (provider discovery, logging
   * set-up) cost a cold start about 150 ms.
   */
  static final Map<String, String> SETTINGS = Map.ofEntries(
      Map.entry("mail.mime.decodetext.strict", "false"), Map.entry("mail.mime.address.strict", "false"),
      Map.entry("mail.mime.allowencodedmessages", "true"), Map.entry("mail.mime.base64.ignoreerrors", "true"),
      Map.entry("mail.mime.uudecode.ignoreerrors", "true"), Map.entry("mail.mime.parameters.strict", "false"),
      Map.entry("mail.mime.ignoreunknownencoding", "true"), Map.entry("mail.mime.decodeparameters", "true"),
      Map.entry("mail.mime.multipart.ignoremissingendboundary", "true"),
      Map.entry("mail.mime.multipart.ignoremissingboundaryparameter", "true"),
      Map.entry("mail.mime.multipart.allowempty", "true"),
      Map.entry("mail.mime.ignorewhitespacelines", "true"),
      Map.entry("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));

  private static final int MAX_DEPTH = 40;
  private static final int MAX_PARTS = 2_000;
  private static final Pattern MSGID = Pattern.compile("<([^<>\\s]+)>");

  static {
    SETTINGS.forEach(System::setProperty);
  }

  private final ContentSniffer sniffer;

  public AngusMailReader(ContentSniffer sniffer) {
    this.sniffer = sniffer;
  }

  @Override
  public ReadResult read(byte[] raw) {
    if (raw == null || raw.length == 0) return new ReadResult.Unreadable("empty message: no bytes");
    try {
      return new ReadResult.Read(parse(raw));
    } catch (MessagingException | IOException | RuntimeException | StackOverflowError e) {
      return new ReadResult.Unreadable("unreadable message: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private ParsedMail parse(byte[] raw) throws MessagingException, IOException {
    HeaderBlock block = HeaderBlock.scan(raw, 0, raw.length);
    if (block.fields().isEmpty()) {
      // Text with no header is still what someone wrote (a saved body, a pasted message): read it as the body.
      if (!looksLikeText(raw)) throw new MessagingException("no header fields and binary content: not an RFC 5322 message");
      block = new HeaderBlock(List.of(), 0);
    }
    // Jakarta Mail's part reads only the Content-* fields (type, transfer encoding, disposition, id); each addHeader
    // scans every field added before it, so handing it all forty of a message cost more than reading them.
    InternetHeaders ih = new ContentFields();
    for (HeaderBlock.Field f : block.fields()) {
      if (f.name().regionMatches(true, 0, "Content-", 0, 8)) ih.addHeader(f.name(), f.value().strip());
    }
    SlicePart top = new SlicePart(ih, new Region(raw, block.bodyStart(), raw.length - block.bodyStart()));

    Parts parts = new Parts();
    walk(top, 0, parts, false, true, false);

    // Header bytes all ASCII (most mail): no field needs a legacy charset, known without looking at each field.
    Charset legacy = ByteScan.isAscii(raw, 0, block.bodyStart()) ? null
        : legacyHeaderCharset(block.fields(), parts.charsets, raw);
    MailHeaders headers = headers(block, legacy);

    List<MailAddress> from = addresses(rawField(block, "From", false), legacy, false);
    List<MailAddress> sender = addresses(rawField(block, "Sender", false), legacy, false);
    String subject = headers.first("Subject");
    ParsedMail.Report report = parts.isReport || parts.originalHeaders != null || parts.status != null
        ? new ParsedMail.Report(parts.reportType, parts.status, parts.plain(), parts.originalHeaders) : null;
    return new ParsedMail(
        messageId(headers.first("Message-ID")),
        messageId(headers.first("In-Reply-To")),
        messageIds(headers.first("References")),
        first(from),
        first(sender),
        addresses(rawField(block, "Reply-To", true), legacy, true),
        addresses(rawField(block, "To", true), legacy, true),
        addresses(rawField(block, "Cc", true), legacy, true),
        returnPath(headers.first("Return-Path")),
        subject,
        MailDates.parse(headers.first("Date")),
        headers,
        parts.plain(),
        parts.html(),
        List.copyOf(parts.attachments),
        report,
        raw.length);
  }

  /**
   * Header fields without the thirty ordering placeholders a new InternetHeaders starts with (they serve writing a
   * message, not reading one), which every lookup would otherwise step over. The public constructors leave no way
   * to skip making them (the stream one looks up a line reader by reflection), so they are dropped before any field
   * is added.
   */
  private static class ContentFields extends InternetHeaders {
    ContentFields() {
      headers = new ArrayList<>(4);
    }
  }

  /**
   * A body part over the shared raw bytes, its header fields read already: no copy of the body is made, and
   * MimeBodyPart's no-argument constructor, which makes an InternetHeaders of its own, is not run.
   */
  private static final class SlicePart extends MimeBodyPart {
    SlicePart(InternetHeaders headers, Region body) throws MessagingException {
      super(headers, null);
      this.contentStream = body;
    }
  }

  /** A child part sliced from the buffer, read as new MimeBodyPart(region) reads it, see {@link PartFields}. */
  static MimeBodyPart part(byte[] buf, int off, int len) throws MessagingException {
    PartFields fields = new PartFields(buf, off, off + len);
    return new SlicePart(fields, new Region(buf, fields.bodyStart, off + len - fields.bodyStart));
  }

  /**
   * A body part's header fields as Jakarta Mail's InternetHeaders.load reads them from a LineInputStream (the same
   * lines, continuation rules and end of the block, so the same fields and body start), done on the message buffer:
   * the stream route looks up its line-reader factory by reflection for every part and reads byte by byte.
   * Angus's line ends: LF, CRLF, CR CR LF, or a lone CR; bytes are ISO-8859-1 chars (mail.mime.allowutf8 is off).
   */
  static final class PartFields extends ContentFields {
    /** mail.mime.ignorewhitespacelines, which SETTINGS turns on: a line of white space ends the block too. */
    private static final boolean WHITESPACE_LINE_ENDS = Boolean.parseBoolean(SETTINGS.get("mail.mime.ignorewhitespacelines"));
    final int bodyStart;

    PartFields(byte[] b, int off, int end) {
      int pos = off;
      String prevline = null;
      StringBuilder lineBuffer = new StringBuilder();
      boolean first = true;
      String line;
      do {
        if (pos >= end) {
          line = null;
        } else {
          int i = pos;
          while (i < end && b[i] != '\n' && b[i] != '\r') i++;
          line = new String(b, pos, i - pos, StandardCharsets.ISO_8859_1);
          if (i >= end) {
            pos = end;
          } else if (b[i] == '\n') {
            pos = i + 1;
          } else {
            int j = i + 1 < end && b[i + 1] == '\r' ? i + 2 : i + 1; // CR CR LF is one line end, as Angus reads it
            pos = j < end && b[j] == '\n' ? j + 1 : i + 1;
          }
        }
        if (line != null && (line.startsWith(" ") || line.startsWith("\t"))) { // continues the field before
          if (prevline != null) {
            lineBuffer.append(prevline);
            prevline = null;
          }
          if (first) {
            String lt = line.trim();
            if (!lt.isEmpty()) lineBuffer.append(lt);
          } else {
            if (!lineBuffer.isEmpty()) lineBuffer.append("\r\n");
            lineBuffer.append(line);
          }
        } else {
          if (prevline != null) {
            addHeaderLine(prevline);
          } else if (!lineBuffer.isEmpty()) {
            addHeaderLine(lineBuffer.toString());
            lineBuffer.setLength(0);
          }
          prevline = line;
        }
        first = false;
      } while (line != null && !(line.isEmpty() || WHITESPACE_LINE_ENDS && line.trim().isEmpty()));
      bodyStart = pos;
    }
  }

  /**
   * The message bytes, shared by every part (Angus slices them with newStream, never copying), and able to say
   * where a slice sits: base64 attachments are then decoded straight from the message buffer.
   */
  static final class Region extends SharedByteArrayInputStream {
    Region(byte[] buf, int offset, int length) {
      super(buf, offset, length);
    }

    @Override
    public InputStream newStream(long from, long to) {
      if (from < 0) throw new IllegalArgumentException("start < 0");
      long end = to == -1 ? count - start : to;
      return new Region(buf, start + (int) from, (int) (end - from));
    }

    /** True while nothing has been read, so buffer()[offset() .. offset()+length()) is the whole content. */
    boolean untouched() {
      return pos == start;
    }

    byte[] buffer() {
      return buf;
    }

    int offset() {
      return start;
    }

    int length() {
      return count - start;
    }
  }

  /** True when at most 1% of the bytes are control characters other than white space and ESC, and none is NUL. */
  private static boolean looksLikeText(byte[] raw) {
    int control = 0;
    for (byte c : raw) {
      if (c == 0) return false;
      if (c > 0 && c < 32 && c != '\r' && c != '\n' && c != '\t' && c != '\f' && c != 0x1B) control++;
    }
    return control * 100 <= raw.length;
  }

  /** The raw value of a field; with all, every occurrence joined by commas (some clients repeat To). */
  private static String rawField(HeaderBlock block, String name, boolean all) {
    StringBuilder sb = null;
    for (HeaderBlock.Field f : block.fields()) {
      if (!f.name().equalsIgnoreCase(name)) continue;
      if (!all) return f.value();
      if (sb == null) sb = new StringBuilder(f.value());
      else sb.append(',').append(f.value());
    }
    return sb == null ? null : sb.toString();
  }

  /** The first mailbox with a usable address, else the first one (a name alone still helps). */
  private static MailAddress first(List<MailAddress> list) {
    for (MailAddress a : list) if (a.usable()) return a;
    return list.isEmpty() ? null : list.get(0);
  }

  /**
   * The charset for raw 8-bit header bytes that are not UTF-8: senders with legacy clients write headers in
   * the charset of their text, so the first non-Western charset the message declares that reads all such
   * values cleanly; null (windows-1252) when there is none. Only computed when such a header exists.
   */
  private static Charset legacyHeaderCharset(List<HeaderBlock.Field> fields, List<String> declared, byte[] raw) {
    List<byte[]> legacy = null;
    for (HeaderBlock.Field f : fields) {
      String v = f.value();
      boolean high = false;
      for (int i = 0; i < v.length() && !high; i++) high = v.charAt(i) >= 0x80;
      if (!high) continue;
      byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
      if (TextDecoding.mostlyUtf8(b, 0, b.length)) continue;
      if (legacy == null) legacy = new ArrayList<>();
      legacy.add(b);
    }
    if (legacy == null) return null;
    List<String> candidates = new ArrayList<>(declared);
    TextDecoding.declaredCharsets(raw, candidates, 16); // also those of enclosed messages, which the walk skips
    for (String name : candidates) {
      Charset cs = TextDecoding.charset(name);
      if (cs == null || !TextDecoding.isLegacy(cs)) continue;
      boolean fits = true;
      for (byte[] b : legacy) fits &= TextDecoding.decodesCleanly(b, cs);
      if (fits) return cs;
    }
    return null;
  }

  /** What the walk gathers: body texts, attachments and report parts. */
  private static final class Parts {
    final BodyText plain = new BodyText(), html = new BodyText();
    boolean isReport;
    String reportType, status;
    MailHeaders originalHeaders;
    final List<Attachment> attachments = new ArrayList<>();
    final List<String> charsets = new ArrayList<>(2);
    int count;

    String plain() {
      return plain.text();
    }

    String html() {
      return html.text();
    }
  }

  /**
   * The text of the body parts of one type, in order. Nearly every message has one such part, which is kept as the
   * String it was decoded into: appending it to a builder and copying it out again was a tenth of the reader's
   * garbage. A second part switches to a builder, so many parts still join in linear time.
   */
  private static final class BodyText {
    private String first;
    private StringBuilder joined;

    boolean present() {
      return first != null;
    }

    /** Adds a part's text after separator, which goes in only between parts (null: none). */
    void add(String text, String separator) {
      if (first == null) {
        first = text;
        return;
      }
      if (joined == null) joined = new StringBuilder(first.length() + text.length() + 1).append(first);
      if (separator != null) joined.append(separator);
      joined.append(text);
    }

    boolean endsWithLineOrEmpty() {
      CharSequence s = joined != null ? joined : first;
      return s.isEmpty() || s.charAt(s.length() - 1) == '\n';
    }

    String text() {
      return joined != null ? joined.toString() : first;
    }
  }

  /**
   * Walks one part. resource marks a non-root part of multipart/related (images, extra HTML files the root
   * refers to): such parts are files, never body text.
   */
  private void walk(MimePart p, int depth, Parts out, boolean inAlternative, boolean top, boolean resource)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH || ++out.count > MAX_PARTS) return;
    ContentType ct = contentType(p);
    String type = ct.getBaseType().toLowerCase(Locale.ROOT);
    String charsetName = ct.getParameter("charset");
    if (charsetName != null && out.charsets.size() < 8 && !out.charsets.contains(charsetName)) out.charsets.add(charsetName);
    if (type.startsWith("multipart/")) {
      List<MimeBodyPart> children = bodyParts(p, ct);
      if (children != null) {
        if (type.equals("multipart/report")) {
          out.isReport = true;
          out.reportType = lower(ct.getParameter("report-type"));
        }
        boolean alternative = type.equals("multipart/alternative");
        int n = children.size();
        int root = type.equals("multipart/related") ? relatedRoot(children, ct.getParameter("start")) : -1;
        for (int i = 0; i < n; i++) {
          walkSafely(children.get(i), depth + 1, out, alternative, root >= 0 && i != root);
        }
        return;
      }
      type = "text/plain"; // a multipart with no readable structure: show its text rather than nothing
    }
    String disposition = disposition(p);
    String filename = filename(p, ct);
    switch (type) {
      case "message/rfc822", "message/global" -> {
        byte[] data = decoded(p);
        MailHeaders inner = headersOf(data);
        if (out.originalHeaders == null) out.originalHeaders = inner;
        if (filename == null) {
          String s = inner.first("Subject");
          filename = (s == null || s.isBlank() ? "message" : UNSAFE_FILENAME.matcher(s).replaceAll("_")) + ".eml";
        }
        out.attachments.add(attachment(filename, type, type, data, "inline".equals(disposition), contentId(p),
            Attachment.Kind.MESSAGE));
        return;
      }
      case "message/delivery-status", "message/global-delivery-status", "message/feedback-report",
          "message/disposition-notification" -> {
        if (out.status == null) out.status = TextDecoding.decode(decoded(p), "utf-8");
        return;
      }
      case "text/rfc822-headers", "text/rfc822-header" -> {
        byte[] data = decoded(p);
        if (out.originalHeaders == null) out.originalHeaders = headersOf(data);
        if (!out.isReport) out.attachments.add(attachment(filename, type, type, data, false, null, Attachment.Kind.FILE));
        return;
      }
      default -> { }
    }
    boolean bodyText = (type.equals("text/plain") || type.equals("text/html") || type.equals("text/enriched"))
        && !"attachment".equals(disposition) && (filename == null || top) && !resource;
    if (bodyText) {
      String text = decodedText(p, ct.getParameter("charset"));
      if (type.equals("text/html")) {
        if (inAlternative && out.html.present()) return;
        out.html.add(text, "\n");
      } else {
        if (inAlternative && out.plain.present()) return;
        if ("flowed".equalsIgnoreCase(ct.getParameter("format"))) {
          text = FlowedText.unflow(text, "yes".equalsIgnoreCase(ct.getParameter("delsp")));
        }
        out.plain.add(text, out.plain.present() && !out.plain.endsWithLineOrEmpty() ? "\n" : null);
      }
      return;
    }
    String cid = contentId(p);
    boolean inline = "inline".equals(disposition) || (disposition == null && cid != null);
    Attachment.Kind kind = type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
        || (filename != null && filename.equalsIgnoreCase("winmail.dat")) ? Attachment.Kind.TNEF
        : inline && type.startsWith("image/") ? Attachment.Kind.INLINE_IMAGE : Attachment.Kind.FILE;
    out.attachments.add(attachment(filename, type, type, decoded(p), inline, cid, kind));
  }

  /** The root of a multipart/related: the part named by its start parameter, else the first (RFC 2387). */
  private static int relatedRoot(List<MimeBodyPart> parts, String start) {
    if (start == null || start.isBlank()) return 0;
    String want = start.trim();
    if (want.startsWith("<") && want.endsWith(">")) want = want.substring(1, want.length() - 1);
    for (int i = 0; i < parts.size(); i++) {
      if (want.equals(contentId(parts.get(i)))) return i;
    }
    return 0;
  }


  private void walkSafely(MimeBodyPart bp, int depth, Parts out, boolean inAlternative, boolean resource) {
    try {
      walk(bp, depth, out, inAlternative, false, resource);
    } catch (MessagingException | IOException | RuntimeException e) {
      // One unreadable part must not cost the customer the rest of the message.
    }
  }

  private Attachment attachment(String filename, String type, String declared, byte[] data, boolean inline,
      String cid, Attachment.Kind kind) {
    String contentType = kind == Attachment.Kind.TNEF ? "application/vnd.ms-tnef"
        : kind == Attachment.Kind.MESSAGE ? type : sniffer.sniff(data, filename, declared);
    return new Attachment(filename, contentType, declared, data.length, sha256(data), inline, cid, kind, data);
  }

  /**
   * The children of a multipart entity: sliced straight from the message buffer when the content is the
   * buffer itself (the usual case), else through Jakarta Mail's parser; null when neither finds any structure.
   */
  private static List<MimeBodyPart> bodyParts(MimePart p, ContentType ct) {
    try {
      InputStream raw = p instanceof MimeBodyPart b ? b.getRawInputStream() : ((MimeMessage) p).getRawInputStream();
      String enc = p.getEncoding();
      boolean identity = enc == null || enc.equalsIgnoreCase("7bit") || enc.equalsIgnoreCase("8bit")
          || enc.equalsIgnoreCase("binary");
      if (identity && raw instanceof Region r && r.untouched()) {
        List<MultipartSplitter.Slice> slices =
            MultipartSplitter.split(r.buffer(), r.offset(), r.length(), ct.getParameter("boundary"));
        if (slices != null) {
          List<MimeBodyPart> parts = new ArrayList<>(slices.size());
          for (MultipartSplitter.Slice sl : slices) {
            if (parts.size() >= MAX_PARTS) break;
            parts.add(part(r.buffer(), sl.offset(), sl.length()));
          }
          return parts;
        }
      }
    } catch (MessagingException | RuntimeException e) {
      // fall through to Jakarta Mail's own parse
    }
    MimeMultipart mp = multipart(p);
    int n = mp == null ? -1 : safeCount(mp);
    if (n < 0) return null;
    List<MimeBodyPart> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      try {
        parts.add((MimeBodyPart) mp.getBodyPart(i));
      } catch (MessagingException | RuntimeException e) {
        // an unreadable part is skipped, not the message
      }
    }
    return parts;
  }

  private static int safeCount(MimeMultipart mp) {
    try {
      return mp.getCount();
    } catch (MessagingException | RuntimeException e) {
      return -1;
    }
  }

  private static MimeMultipart multipart(MimePart p) {
    try {
      return new MimeMultipart(new MimePartDataSource(p));
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static final Pattern UNSAFE_FILENAME = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
  private static final Pattern BASE_TYPE = Pattern.compile("^\\s*([a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+)");
  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*\"?([^\";]+)", Pattern.CASE_INSENSITIVE);

  /** The part's Content-Type; a malformed one is salvaged (base type and charset), a missing one is text/plain. */
  private static ContentType contentType(MimePart p) {
    String raw;
    try {
      raw = p.getHeader("Content-Type", null);
    } catch (MessagingException e) {
      raw = null;
    }
    if (raw == null || raw.isBlank()) return new ContentType("text", "plain", null);
    raw = eightBit(HeaderText.unfold(raw));
    try {
      return new ContentType(raw);
    } catch (jakarta.mail.internet.ParseException | RuntimeException e) {
      Matcher m = BASE_TYPE.matcher(raw);
      String base = m.find() ? m.group(1) : "text/plain";
      int slash = base.indexOf('/');
      jakarta.mail.internet.ParameterList params = new jakarta.mail.internet.ParameterList();
      Matcher cs = CHARSET.matcher(raw);
      if (cs.find()) params.set("charset", cs.group(1));
      Matcher b = BOUNDARY.matcher(raw);
      if (b.find()) params.set("boundary", b.group(1).trim());
      return new ContentType(base.substring(0, slash), base.substring(slash + 1), params);
    }
  }

  private static String disposition(MimePart p) {
    try {
      String d = p.getDisposition();
      return d == null ? null : d.trim().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String filename(MimePart p, ContentType ct) {
    String name;
    try {
      name = p.getFileName();
    } catch (MessagingException | RuntimeException e) {
      name = ct.getParameter("name");
    }
    if (name == null || name.isBlank()) return null;
    return HeaderText.decode(eightBit(name)).strip();
  }

  private static String contentId(MimePart p) {
    try {
      String id = p.getContentID();
      if (id == null) return null;
      id = id.trim();
      if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1);
      return id.isBlank() ? null : id;
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  /** The part's transfer encoding, lower case; "" when it has none or it cannot be read. */
  private static String encoding(MimePart p) {
    String enc;
    try {
      enc = p.getEncoding();
    } catch (MessagingException | RuntimeException e) {
      enc = null;
    }
    return enc == null ? "" : enc.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * A body part's text: {@link #decoded} then {@link TextDecoding#decode}, but 7bit/8bit and quoted-printable text
   * that still sits in the message buffer is decoded from there through one scratch array into the String.
   */
  private static String decodedText(MimePart p, String charset) throws MessagingException, IOException {
    String enc = encoding(p);
    Region r = lines(enc) ? untouched(p) : null;
    if (r == null) return TextDecoding.decode(decoded(p), charset);
    return enc.equals("quoted-printable")
        ? TextDecoding.decodeQuotedPrintableLines(r.buffer(), r.offset(), r.length(), charset)
        : TextDecoding.decodeLines(r.buffer(), r.offset(), r.length(), charset);
  }

  /** Transfer encodings whose content is text lines (7bit, 8bit, quoted-printable, or unknown), read line by line. */
  private static boolean lines(String enc) {
    return !enc.equals("base64") && !enc.equals("binary") && !enc.startsWith("x-uu") && !enc.equals("uuencode");
  }

  /** The part's raw content when it is still the message buffer, untouched; else null. */
  private static Region untouched(MimePart p) throws MessagingException, IOException {
    try (InputStream in = p instanceof MimeBodyPart b ? b.getRawInputStream() : ((MimeMessage) p).getRawInputStream()) {
      return in instanceof Region r && r.untouched() ? r : null;
    }
  }

  /** The part's content with its transfer encoding undone. */
  private static byte[] decoded(MimePart p) throws MessagingException, IOException {
    String enc = encoding(p);
    Region r = untouched(p);
    if (r != null && enc.equals("base64")) {
      return TextDecoding.base64(r.buffer(), r.offset(), r.length()); // no copy of the encoded text
    }
    if (r != null && lines(enc)) {
      return enc.equals("quoted-printable") ? TextDecoding.quotedPrintableLf(r.buffer(), r.offset(), r.length())
          : TextDecoding.crlfToLf(r.buffer(), r.offset(), r.length()); // one copy, not two
    }
    byte[] raw;
    try (InputStream in = p instanceof MimeBodyPart b ? b.getRawInputStream() : ((MimeMessage) p).getRawInputStream()) {
      raw = in.readAllBytes();
    }
    switch (enc) {
      case "base64":
        return TextDecoding.base64(raw, 0, raw.length);
      case "quoted-printable":
        return TextDecoding.quotedPrintableLf(raw, 0, raw.length);
      case "x-uuencode", "uuencode", "x-uue":
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), "uuencode")) {
          return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
          return raw;
        }
      case "binary":
        return raw;
      default:
        // 7bit/8bit content is lines; their ends are CRLF or LF depending on how the message was stored.
        // Giving LF either way makes an attachment's size and sha256 independent of that (as Python does).
        return TextDecoding.crlfToLf(raw);
    }
  }

  /** Headers of an enclosed message or a text/rfc822-headers part, read with the same lenient scan. */
  private static MailHeaders headersOf(byte[] data) {
    HeaderBlock block = HeaderBlock.scan(data, 0, data.length);
    return headers(block, ByteScan.isAscii(data, 0, block.bodyStart()) ? null
        : legacyHeaderCharset(block.fields(), List.of(), data));
  }

  /** The fields as text: raw 8-bit bytes read in the legacy charset (or as UTF-8/1252), then RFC 2047 decoded. */
  private static MailHeaders headers(HeaderBlock block, Charset legacy) {
    List<Map.Entry<String, String>> fields = new ArrayList<>(block.fields().size());
    for (HeaderBlock.Field f : block.fields()) fields.add(Map.entry(f.name(), f.value()));
    return MailHeaders.raw(fields, v -> HeaderText.decode(eightBit(v, legacy)));
  }

  /** Jakarta Mail reads header bytes as ISO-8859-1; raw 8-bit text is UTF-8 (RFC 6532) or, failing that, 1252. */
  static String eightBit(String s) {
    return eightBit(s, null);
  }

  /** As {@link #eightBit(String)}, with legacy as the charset for 8-bit text that is not UTF-8 (null: 1252). */
  static String eightBit(String s, Charset legacy) {
    if (s == null) return null;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (legacy == null || TextDecoding.mostlyUtf8(b, 0, b.length)) return TextDecoding.decode(b, 0, b.length, null);
        return new String(b, legacy);
      }
    }
    return s;
  }

  /**
   * The mailboxes of an address field. With addressedOnly (To, Cc, Reply-To) entries without an '@' address
   * ("Recipients", a name alone, "undisclosed-recipients:;") are left out: nobody can be mailed there.
   */
  static List<MailAddress> addresses(String raw, Charset legacy, boolean addressedOnly) {
    if (raw == null || raw.isBlank()) return List.of();
    List<MailAddress> all = AddressParser.parse(eightBit(HeaderText.unfold(raw), legacy));
    if (!addressedOnly) return List.copyOf(all);
    List<MailAddress> out = new ArrayList<>(all.size());
    for (MailAddress a : all) if (a.address() != null && a.address().indexOf('@') > 0) out.add(a);
    return List.copyOf(out);
  }

  static String messageId(String v) {
    if (v == null) return null;
    Matcher m = MSGID.matcher(v);
    if (m.find()) return m.group(1);
    String t = v.trim();
    int sp = t.indexOf(' ');
    if (sp > 0) t = t.substring(0, sp);
    t = t.replace("<", "").replace(">", "");
    return t.isEmpty() ? null : t;
  }

  static List<String> messageIds(String v) {
    if (v == null || v.isBlank()) return List.of();
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    Matcher m = MSGID.matcher(v);
    while (m.find()) ids.add(m.group(1));
    if (ids.isEmpty()) {
      for (String t : v.trim().split("[\\s,]+")) if (!t.isBlank() && t.contains("@")) ids.add(t);
    }
    return List.copyOf(ids);
  }

  private static String returnPath(String v) {
    if (v == null) return null;
    String t = v.trim();
    if (t.startsWith("<") && t.contains(">")) t = t.substring(1, t.indexOf('>'));
    return t.trim().toLowerCase(Locale.ROOT);
  }

  private static String lower(String s) {
    return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  static String sha256(byte[] data) {
    return io.helpdeskmail.mail.Sha256.hex(data);
  }

}
