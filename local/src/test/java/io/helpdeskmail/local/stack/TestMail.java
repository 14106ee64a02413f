package io.helpdeskmail.local.stack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds small RFC 5322 messages for ingest tests, each with a unique Message-ID unless one is given. */
final class TestMail {
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body = "Hello, my order has not arrived yet. Could you check it please?\r\n";

  static TestMail from(String from) {
    TestMail m = new TestMail();
    m.headers.put("From", from);
    m.headers.put("To", "support@shop.example");
    m.headers.put("Subject", "Order not arrived");
    m.headers.put("Date", "Mon, 23 Nov 2026 10:00:00 +0100");
    m.headers.put("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
    m.headers.put("MIME-Version", "1.0");
    m.headers.put("Content-Type", "text/plain; charset=utf-8");
    return m;
  }

  TestMail header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  TestMail body(String text) {
    body = text.replace("\n", "\r\n");
    return this;
  }

  String messageId() {
    String v = headers.get("Message-ID");
    return v.substring(1, v.length() - 1);
  }

  byte[] bytes() {
    StringBuilder sb = new StringBuilder();
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    return sb.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
  }
}
