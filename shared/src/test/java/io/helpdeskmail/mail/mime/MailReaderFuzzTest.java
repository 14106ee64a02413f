package io.helpdeskmail.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.helpdeskmail.mail.Attachment;
import io.helpdeskmail.mail.InspectionJson;
import io.helpdeskmail.mail.MailInspector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the whole inspect pipeline from raw bytes: whatever arrives by SMTP, inspect must return Inspected or
 * Failed and never throw, and what it returns must be self-consistent. Under plain `mvn test` Jazzer runs the
 * inputs in MailReaderFuzzTestInputs/ (seeds and past findings) as regression tests; with JAZZER_FUZZ=1 it
 * fuzzes.
 */
class MailReaderFuzzTest {
  private static final MailInspector INSPECTOR = MailInspector.standard();

  /** A message with most of what the reader handles, for the mutating fuzz test to break in many places. */
  static final byte[] SEED = ("""
      From: =?utf-8?Q?Dupont,_Marie?= <marie@client.example>, "Team" <team@shop.example>
      To: support@shop.example (Support), undisclosed-recipients:;
      Subject: =?utf-8?B?UsOpY2xhbWF0aW9u?= =?utf-8?Q?_colis?=
      Date: Mon, 2 Mar 2026 10:42:00 +0100
      Message-ID: <seed@client.example>
      References: <a@x> <b@y>
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="outer"

      --outer
      Content-Type: multipart/alternative; boundary="alt"

      --alt
      Content-Type: text/plain; charset=utf-8; format=flowed
      Content-Transfer-Encoding: quoted-printable

      Le t=C3=A9l=C3=A9phone chauffe.=20
      Merci.

      > On Mon, Shop wrote:
      --alt
      Content-Type: text/html; charset=iso-8859-1

      <p>Le t\u00e9l\u00e9phone chauffe.</p><img src="cid:img1@x">
      --alt--

      --outer
      Content-Type: image/png; name="a.png"
      Content-ID: <img1@x>
      Content-Transfer-Encoding: base64

      iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4/58BAAT/Af9jgNErAAAAAElFTkSuQmCC
      --outer
      Content-Type: application/pdf
      Content-Disposition: attachment; filename*=UTF-8''facture%20%C3%A9t%C3%A9.pdf
      Content-Transfer-Encoding: base64

      JVBERi0xLjQKJSVFT0YK
      --outer
      Content-Type: message/rfc822

      From: a@b.example
      Subject: inner

      inner body
      --outer--
      """).getBytes(StandardCharsets.ISO_8859_1);

  @FuzzTest(maxDuration = "30s")
  void inspect_shouldNeverThrow_whenBytesAreArbitrary(byte[] raw) {
    check(raw);
  }

  @FuzzTest(maxDuration = "30s")
  void inspect_shouldNeverThrow_whenSeedMessageIsMutated(FuzzedDataProvider data) {
    byte[] msg = SEED.clone();
    int edits = data.consumeInt(1, 8);
    for (int i = 0; i < edits && data.remainingBytes() > 0; i++) msg = edit(msg, data);
    check(msg);
  }

  /** One structural edit: overwrite, insert, delete, duplicate or truncate a range of the message. */
  private static byte[] edit(byte[] msg, FuzzedDataProvider data) {
    if (msg.length == 0) return data.consumeBytes(64);
    int at = data.consumeInt(0, msg.length - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(msg.length + 64);
    switch (data.consumeInt(0, 4)) {
      case 0 -> { // overwrite
        byte[] b = data.consumeBytes(16);
        msg = msg.clone();
        for (int k = 0; k < b.length && at + k < msg.length; k++) msg[at + k] = b[k];
        return msg;
      }
      case 1 -> { // insert
        out.write(msg, 0, at);
        out.writeBytes(data.consumeBytes(32));
        out.write(msg, at, msg.length - at);
      }
      case 2 -> { // delete
        int len = data.consumeInt(0, msg.length - at);
        out.write(msg, 0, at);
        out.write(msg, at + len, msg.length - at - len);
      }
      case 3 -> { // duplicate a range many times (deep nesting, long headers)
        int len = data.consumeInt(0, Math.min(200, msg.length - at));
        int times = data.consumeInt(1, 200);
        out.write(msg, 0, at + len);
        for (int t = 0; t < times; t++) out.write(msg, at, len);
        out.write(msg, at + len, msg.length - at - len);
      }
      default -> { // truncate
        out.write(msg, 0, at);
      }
    }
    return out.toByteArray();
  }

  private static void check(byte[] raw) {
    MailInspector.Outcome outcome = INSPECTOR.inspect(raw);
    assertNotNull(outcome);
    switch (outcome) {
      case MailInspector.Outcome.Failed f -> {
        assertNotNull(f.error());
        assertFalse(f.error().isBlank(), "a failure must say why");
      }
      case MailInspector.Outcome.Inspected i -> {
        assertNotNull(i.mail().mail());
        assertNotNull(i.mail().body());
        for (Attachment a : i.mail().mail().attachments()) {
          assertEquals(a.data().length, a.size(), "size is the decoded length");
          assertEquals(64, a.sha256().length(), "sha256 is hex");
        }
      }
    }
    assertNotNull(InspectionJson.of("fuzz.eml", outcome).toString());
  }
}
