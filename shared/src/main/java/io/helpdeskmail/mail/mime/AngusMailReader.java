package io.helpdeskmail.mail.mime;

import io.helpdeskmail.mail.Attachment;
import io.helpdeskmail.mail.ContentSniffer;
import io.helpdeskmail.mail.MailAddress;
import io.helpdeskmail.mail.MailHeaders;
import io.helpdeskmail.mail.MailReader;
import io.helpdeskmail.mail.ParsedMail;
import io.helpdeskmail.mail.ReadResult;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
   * properties (some once, in static initialisers), so they are set there before Jakarta Mail loads, and also
   * on the Session for the ones read from it.
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
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");
  private static final Pattern MSGID = Pattern.compile("<([^<>\\s]+)>");

  static {
    SETTINGS.forEach(System::setProperty);
  }

  private final Session session;
  private final ContentSniffer sniffer;

  public AngusMailReader(ContentSniffer sniffer) {
    Properties props = new Properties();
    props.putAll(SETTINGS);
    this.session = Session.getInstance(props);
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
    MimeMessage m = new MimeMessage(session, new SharedByteArrayInputStream(raw));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Enumeration<Header> e = m.getAllHeaders(); e.hasMoreElements(); ) {
      Header h = e.nextElement();
      fields.add(Map.entry(h.getName(), HeaderText.decode(eightBit(h.getValue()))));
    }
    MailHeaders headers = MailHeaders.of(fields);
    if (fields.isEmpty()) throw new MessagingException("no header fields: this is not an RFC 5322 message");

    Parts parts = new Parts();
    walk(m, 0, parts, false, true);

    List<MailAddress> from = addresses(m.getHeader("From", ","));
    List<MailAddress> sender = addresses(m.getHeader("Sender", ","));
    String subject = headers.first("Subject");
    ParsedMail.Report report = parts.isReport || parts.originalHeaders != null || parts.status != null
        ? new ParsedMail.Report(parts.reportType, parts.status, parts.plain(), parts.originalHeaders) : null;
    return new ParsedMail(
        messageId(headers.first("Message-ID")),
        messageId(headers.first("In-Reply-To")),
        messageIds(headers.first("References")),
        from.isEmpty() ? null : from.get(0),
        sender.isEmpty() ? null : sender.get(0),
        addresses(m.getHeader("Reply-To", ",")),
        addresses(m.getHeader("To", ",")),
        addresses(m.getHeader("Cc", ",")),
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

  /** What the walk gathers: body texts, attachments and report parts. */
  private static final class Parts {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    boolean hasPlain, hasHtml, isReport;
    String reportType, status;
    MailHeaders originalHeaders;
    final List<Attachment> attachments = new ArrayList<>();
    int count;

    String plain() {
      return hasPlain ? plain.toString() : null;
    }

    String html() {
      return hasHtml ? html.toString() : null;
    }
  }

  private void walk(MimePart p, int depth, Parts out, boolean inAlternative, boolean top)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH || ++out.count > MAX_PARTS) return;
    ContentType ct = contentType(p);
    String type = ct.getBaseType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      MimeMultipart mp = multipart(p);
      int n = mp == null ? -1 : safeCount(mp);
      if (n >= 0) {
        if (type.equals("multipart/report")) {
          out.isReport = true;
          out.reportType = lower(ct.getParameter("report-type"));
        }
        boolean alternative = type.equals("multipart/alternative");
        for (int i = 0; i < n; i++) {
          MimeBodyPart bp;
          try {
            bp = (MimeBodyPart) mp.getBodyPart(i);
          } catch (MessagingException | RuntimeException e) {
            continue;
          }
          walkSafely(bp, depth + 1, out, alternative);
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
          filename = (s == null || s.isBlank() ? "message" : s.replaceAll("[\\\\/:*?\"<>|]", "_")) + ".eml";
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
        && !"attachment".equals(disposition) && (filename == null || top);
    if (bodyText) {
      String text = TextDecoding.decode(decoded(p), ct.getParameter("charset"));
      if (type.equals("text/html")) {
        if (inAlternative && out.hasHtml) return;
        if (out.hasHtml) out.html.append('\n');
        out.html.append(text);
        out.hasHtml = true;
      } else {
        if (inAlternative && out.hasPlain) return;
        if ("flowed".equalsIgnoreCase(ct.getParameter("format"))) {
          text = FlowedText.unflow(text, "yes".equalsIgnoreCase(ct.getParameter("delsp")));
        }
        if (out.hasPlain && !out.plain.isEmpty() && out.plain.charAt(out.plain.length() - 1) != '\n') out.plain.append('\n');
        out.plain.append(text);
        out.hasPlain = true;
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

  private void walkSafely(MimeBodyPart bp, int depth, Parts out, boolean inAlternative) {
    try {
      walk(bp, depth, out, inAlternative, false);
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

  /** The part's content with its transfer encoding undone. */
  private static byte[] decoded(MimePart p) throws MessagingException, IOException {
    byte[] raw;
    try (InputStream in = p instanceof MimeBodyPart b ? b.getRawInputStream() : ((MimeMessage) p).getRawInputStream()) {
      raw = in.readAllBytes();
    }
    String enc;
    try {
      enc = p.getEncoding();
    } catch (MessagingException | RuntimeException e) {
      enc = null;
    }
    if (enc == null) return raw;
    switch (enc.trim().toLowerCase(Locale.ROOT)) {
      case "base64":
        return TextDecoding.base64(raw, 0, raw.length);
      case "quoted-printable":
        return TextDecoding.quotedPrintable(raw, 0, raw.length);
      case "x-uuencode", "uuencode", "x-uue":
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), "uuencode")) {
          return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
          return raw;
        }
      default:
        return raw;
    }
  }

  private MailHeaders headersOf(byte[] data) {
    try {
      InternetHeaders ih = new InternetHeaders(new ByteArrayInputStream(data), true);
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      for (Enumeration<Header> e = ih.getAllHeaders(); e.hasMoreElements(); ) {
        Header h = e.nextElement();
        fields.add(Map.entry(h.getName(), HeaderText.decode(eightBit(h.getValue()))));
      }
      return MailHeaders.of(fields);
    } catch (MessagingException | RuntimeException e) {
      return MailHeaders.empty();
    }
  }

  /** Jakarta Mail reads header bytes as ISO-8859-1; raw 8-bit text is UTF-8 (RFC 6532) or, failing that, 1252. */
  static String eightBit(String s) {
    if (s == null) return null;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) return HeaderText.fromBytes(s);
    }
    return s;
  }

  static List<MailAddress> addresses(String raw) {
    if (raw == null || raw.isBlank()) return List.of();
    String v = eightBit(HeaderText.unfold(raw));
    List<MailAddress> out = new ArrayList<>();
    try {
      for (InternetAddress a : InternetAddress.parseHeader(v, false)) add(a, out);
    } catch (AddressException | RuntimeException e) {
      out.clear();
      Matcher m = EMAIL.matcher(v);
      while (m.find()) out.add(new MailAddress(m.group(), null));
    }
    if (out.isEmpty() && !v.isBlank()) {
      Matcher m = EMAIL.matcher(v);
      while (m.find()) out.add(new MailAddress(m.group(), null));
      if (out.isEmpty()) out.add(new MailAddress(null, HeaderText.decode(v)));
    }
    return List.copyOf(out);
  }

  private static void add(InternetAddress a, List<MailAddress> out) throws AddressException {
    if (a.isGroup()) {
      InternetAddress[] members = a.getGroup(false);
      if (members != null) for (InternetAddress m : members) add(m, out);
      return;
    }
    String address = a.getAddress();
    String personal = a.getPersonal();
    if (personal != null && personal.contains("=?")) personal = HeaderText.decode(personal);
    if (address != null && address.contains("=?")) {
      // "=?utf-8?Q?Name?= <x@y>" without a space parses oddly; the address is the part in brackets then.
      Matcher m = EMAIL.matcher(address);
      if (m.find()) address = m.group();
    }
    if (address != null && address.startsWith("<") && address.endsWith(">")) address = address.substring(1, address.length() - 1);
    if ((address == null || address.isBlank()) && personal == null) return;
    out.add(new MailAddress(address, personal));
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
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
