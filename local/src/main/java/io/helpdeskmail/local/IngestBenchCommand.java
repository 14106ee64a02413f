package io.helpdeskmail.local;

import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.local.stack.Emulators;
import io.helpdeskmail.local.stack.LocalStack;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `bench-ingest [--tickets N]`: the DynamoDB write-unit budget, measured. Runs N new tickets and then N threaded
 * replies through the real inbound-mail code against DynamoDB Local (which reports consumed capacity as DynamoDB
 * does) and prints write units per new ticket and per reply, and how many Scans were made. Budget: <= 6, <= 4, 0.
 */
final class IngestBenchCommand {
  private IngestBenchCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> o = Options.parse(args, List.of());
    int n = Integer.parseInt(o.getOrDefault("--tickets", "50"));
    CapacityMeter meter = new CapacityMeter();
    try (LocalStack stack = LocalStack.start(Emulators.Ports.ANY, null,
        HelpdeskConfig.EXAMPLE_SUPPORT_CONFIG, meter)) {
      CapacityMeter.Reading start = meter.read();
      for (int i = 0; i < n; i++) expect(stack.receive(customerMail(i)), IngestOutcome.Created.class);
      CapacityMeter.Reading created = meter.read();
      for (int i = 0; i < n; i++) expect(stack.receive(customerReply(i)), IngestOutcome.Threaded.class);
      CapacityMeter.Reading replied = meter.read();
      double perTicket = (created.writeUnits() - start.writeUnits()) / n;
      double perReply = (replied.writeUnits() - created.writeUnits()) / n;
      long scans = replied.count("Scan") - start.count("Scan");
      out.printf(Locale.ROOT, "bench-ingest: %d new tickets, %d threaded replies against DynamoDB Local%n", n, n);
      out.printf(Locale.ROOT, "bench-ingest: DynamoDB calls for new tickets %s%n", diff(start, created));
      out.printf(Locale.ROOT, "bench-ingest: DynamoDB calls for replies %s%n", diff(created, replied));
      out.printf(Locale.ROOT, "bench-ingest: %.2f write units per new ticket (budget 6), %.2f per threaded reply "
          + "(budget 4), %d Scans (budget 0)%n", perTicket, perReply, scans);
      return perTicket <= 6 && perReply <= 4 && scans == 0 ? 0 : 1;
    }
  }

  private static Map<String, Long> diff(CapacityMeter.Reading a, CapacityMeter.Reading b) {
    Map<String, Long> m = new java.util.TreeMap<>();
    b.calls().forEach((k, v) -> {
      long d = v - a.count(k);
      if (d > 0) m.put(k, d);
    });
    return m;
  }

  private static void expect(List<IngestOutcome> r, Class<?> type) {
    if (r.size() != 1 || !type.isInstance(r.get(0))) throw new IllegalStateException("expected " + type.getSimpleName() + ": " + r);
  }

  /** A typical first mail to support: a few sentences, a signature, about 700 bytes in all. */
  static byte[] customerMail(int i) {
    return ("""
        From: Customer %1$d <customer%1$d@customer.example>
        To: support@shop.example
        Subject: Order %1$d arrived damaged
        Date: Mon, 23 Nov 2026 10:00:00 +0100
        Message-ID: <order-%1$d@customer.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hello,

        my order %1$d arrived today but the box was crushed and the phone screen is cracked.
        Can you send a replacement or tell me how to return it? I have photos if you need them.

        Thanks,
        Customer %1$d
        """).formatted(i).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The customer's answer a day later, quoting the first mail as mail clients do. */
  static byte[] customerReply(int i) {
    return ("""
        From: Customer %1$d <customer%1$d@customer.example>
        To: support@shop.example
        Subject: Re: Order %1$d arrived damaged
        Date: Tue, 24 Nov 2026 09:00:00 +0100
        Message-ID: <order-%1$d-reply@customer.example>
        In-Reply-To: <order-%1$d@customer.example>
        References: <order-%1$d@customer.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Here are the photos you asked for. The replacement can go to the same address.

        On Mon, 23 Nov 2026 at 10:00, Customer %1$d <customer%1$d@customer.example> wrote:
        > Hello,
        >
        > my order %1$d arrived today but the box was crushed and the phone screen is cracked.
        > Can you send a replacement or tell me how to return it? I have photos if you need them.
        """).formatted(i).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
