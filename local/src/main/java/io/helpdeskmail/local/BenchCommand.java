package io.helpdeskmail.local;

import io.helpdeskmail.mail.MailInspector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `bench [--seconds N] [--warmup N] PATH...`: the whole inbound CPU pipeline (parse, reply extraction,
 * machine-mail detection, language) single-threaded over files held in memory, after a warm-up; prints
 * messages/s and MB/s (MB = 1e6 raw bytes), as ../shared/eval/bench-mail expects.
 */
final class BenchCommand {
  private BenchCommand() {}

  static int run(String[] args, PrintStream out) throws IOException {
    double seconds = 5, warmup = 3;
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        default -> paths.add(args[i]);
      }
    }
    List<Path> files = MailFiles.expand(paths);
    if (files.isEmpty()) {
      System.err.println("usage: bench [--seconds N] [--warmup N] PATH...");
      return 2;
    }
    byte[][] mails = new byte[files.size()][];
    long bytes = 0;
    for (int i = 0; i < mails.length; i++) bytes += (mails[i] = Files.readAllBytes(files.get(i))).length;
    MailInspector inspector = MailInspector.standard();
    out.printf(Locale.ROOT, "bench: %d files, %.1f MB, JVM %s on %d cores%n", mails.length, bytes / 1e6,
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    long deadline = System.nanoTime() + (long) (warmup * 1e9);
    int passes = 0;
    do {
      pass(inspector, mails);
      passes++;
    } while (System.nanoTime() < deadline || passes < 2);
    long t0 = System.nanoTime(), elapsed;
    long n = 0;
    int failures;
    do {
      failures = pass(inspector, mails);
      n++;
    } while ((elapsed = System.nanoTime() - t0) < seconds * 1e9);
    double s = elapsed / 1e9;
    out.printf(Locale.ROOT, "bench: %d passes, %d unreadable per pass, sink %d%n", n, failures, sink);
    out.printf(Locale.ROOT, "bench: %.0f messages/s, %.1f MB/s%n", n * mails.length / s, n * bytes / s / 1e6);
    return 0;
  }

  static long sink;

  private static int pass(MailInspector inspector, byte[][] mails) {
    int failures = 0;
    for (byte[] m : mails) {
      MailInspector.Outcome o = inspector.inspect(m);
      if (o instanceof MailInspector.Outcome.Inspected i) {
        sink += i.mail().body().visible().length() + i.mail().mail().attachments().size();
      } else {
        failures++;
      }
    }
    return failures;
  }
}
