package io.helpdeskmail.adapter.tika;

import io.helpdeskmail.mail.Attachment;
import io.helpdeskmail.mail.HtmlText;
import io.helpdeskmail.mail.mime.TextDecoding;
import io.helpdeskmail.rules.AttachmentText;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Text inside attachments for rules ("attachment-text"): PDFs through Tika's PDF parser, text and HTML files
 * decoded directly. Limits keep a hostile or huge file from stalling ingest: files above {@link Limits#maxBytes}
 * are skipped, extraction stops at {@link Limits#maxChars}, and each PDF gets {@link Limits#timeoutMillis} on a
 * worker thread; what was read before a limit is kept. Types are the sniffed ones, so a ".pdf" that is not a PDF
 * is never handed to the PDF parser.
 */
public final class TikaAttachmentText implements AttachmentText {
  /** Bounds of one extraction (all attachments of a message together for maxChars). */
  public record Limits(long maxBytes, int maxChars, long timeoutMillis) {
    public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 100_000, 3_000);
  }

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "attachment-text");
    t.setDaemon(true); // a parser stuck past its timeout must not keep the JVM alive
    return t;
  });

  private final Limits limits;

  public TikaAttachmentText() {
    this(Limits.DEFAULT);
  }

  public TikaAttachmentText(Limits limits) {
    this.limits = limits;
  }

  @Override
  public String extract(List<Attachment> attachments) {
    StringBuilder out = new StringBuilder();
    for (Attachment a : attachments) {
      int room = limits.maxChars() - out.length();
      if (room <= 0) break;
      if (a.data() == null || a.size() > limits.maxBytes() || a.contentType() == null) continue;
      String text = switch (a.contentType()) {
        case "application/pdf" -> pdf(a.data(), room);
        case "text/html" -> HtmlText.convert(TextDecoding.decode(a.data(), null)).text();
        case "text/plain", "text/csv", "text/calendar", "text/vcard", "text/x-vcard" -> TextDecoding.decode(a.data(), null);
        default -> "";
      };
      if (text.isBlank()) continue;
      if (out.length() > 0) out.append("\n\n");
      out.append(text, 0, Math.min(text.length(), room));
    }
    return out.toString();
  }

  private String pdf(byte[] data, int maxChars) {
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    Future<?> job = WORKERS.submit(() -> {
      try (TikaInputStream in = TikaInputStream.get(data)) {
        new PDFParser().parse(in, handler, new Metadata(), new ParseContext());
      } catch (Exception e) {
        // Damaged, encrypted or over the write limit: keep what was read (the handler holds it).
      }
      return null;
    });
    try {
      job.get(limits.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      job.cancel(true);
    } catch (ExecutionException e) {
      // nothing more to read
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return handler.toString(); // a StringWriter underneath: safe to read while a timed-out parser still writes
  }
}
