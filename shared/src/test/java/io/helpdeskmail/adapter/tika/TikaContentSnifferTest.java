package io.helpdeskmail.adapter.tika;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.Random;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;

/**
 * The attachments that reach Tika's magic table on real mail, one test each: the sniffer's answer, and its Tika
 * step against Tika's own detect for the same bytes and hints.
 */
class TikaContentSnifferTest {
  private final TikaContentSniffer sniffer = new TikaContentSniffer();

  @Test
  void sniff_shouldKeepDeclaredImage_whenBodyIsEmpty() {
    // GIVEN an empty body declared image/jpeg (a client that failed to attach the file)
    // WHEN sniffed
    // THEN the declared type stands: no bytes contradict it
    assertSniffed("image/jpeg", new byte[0], "photo.jpg", "image/jpeg");
    assertSniffed("image/jpeg", new byte[0], null, "image/jpeg");
  }

  @Test
  void sniff_shouldSayJpeg_whenJpegBytesAreDeclaredQuicktime() {
    // GIVEN JPEG bytes declared video/quicktime (an iPhone "live photo" still)
    // WHEN sniffed
    // THEN the bytes win
    assertSniffed("image/jpeg", jpeg(), null, "video/quicktime");
    // AND when the name's extension agrees with the label, the label is taken without a scan (the name fast path)
    assertEquals("video/quicktime", sniffer.sniff(jpeg(), "IMG_0001.MOV", "video/quicktime"));
  }

  @Test
  void sniff_shouldSayExcel_whenOleBytesAreNamedXls() {
    // GIVEN an OLE2 compound file declared application/octet-stream, named .xls
    // WHEN sniffed
    // THEN the name specialises the generic OLE type, as Tika's hint does
    assertSniffed("application/vnd.ms-excel", ole(), "budget.xls", "application/octet-stream");
    // AND without a name it stays the generic Office container
    assertSniffed("application/x-tika-msoffice", ole(), null, "application/octet-stream");
  }

  @Test
  void sniff_shouldSayJpegOrPdf_whenLabelledOctetStream() {
    // GIVEN a JPEG and a PDF declared application/octet-stream
    // WHEN sniffed
    // THEN their magic names them
    assertSniffed("image/jpeg", jpeg(), "team.jpg", "application/octet-stream");
    assertSniffed("application/pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(US_ASCII), null, "application/octet-stream");
  }

  @Test
  void sniff_shouldSayBzip2_whenOnlyARegexMagicMatches() {
    // GIVEN bzip2 data, which Tika knows by the regex BZh[1-9]
    // WHEN sniffed as application/octet-stream
    // THEN the regex magic is found through the index
    byte[] bz = "BZh91AY&SY\u0000\u0001\u0002".getBytes(US_ASCII);
    assertSniffed("application/x-bzip2", bz, "dump.bz2", "application/octet-stream");
  }

  @Test
  void sniff_shouldSayText_whenTextIsDeclaredWord() {
    // GIVEN plain text declared application/msword, without a name
    // WHEN sniffed
    // THEN Tika's text fallback says text/plain
    byte[] text = "Hi,\r\nplease see below.\r\n".repeat(20).getBytes(US_ASCII);
    assertSniffed("text/plain", text, null, "application/msword");
  }

  @Test
  void sniff_shouldSayTextOrOctetStream_whenLabelledOctetStream() {
    // GIVEN 2 KB of ASCII text and 1 KB of random bytes, both declared application/octet-stream
    byte[] text = "hello world this is text ".repeat(100).getBytes(US_ASCII);
    byte[] random = new byte[1024];
    new Random(1).nextBytes(random);
    // WHEN sniffed
    // THEN text is text, and noise stays octet-stream
    assertSniffed("text/plain", text, "a.txt", "application/octet-stream");
    assertSniffed("application/octet-stream", random, "data.bin", "application/octet-stream");
  }

  @Test
  void sniff_shouldFollowTikaHints_forMailSpecificTypes() {
    // GIVEN types seen on real mail: a news article, a Sun audio file, a detached S/MIME signature, PGP data
    byte[] news = "Path: news.example.com!not-for-mail\nFrom: a@b\nNewsgroups: comp.lang.java\n\nbody"
        .getBytes(US_ASCII);
    byte[] au = {'.', 's', 'n', 'd', 0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0x1F, 0x40, 0, 0, 0, 1};
    byte[] pkcs7 = {0x30, (byte) 0x82, 0x05, 0x2A, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
        0x01, 0x07, 0x02, (byte) 0xA0};
    byte[] pgp = "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n"
        .getBytes(US_ASCII);
    // WHEN sniffed with their declared types
    // THEN each gets the answer Tika's detect gives (asserted inside), which is:
    assertSniffed("message/news", news, null, "message/news");
    assertSniffed("audio/basic", au, null, "audio/basic");
    assertSniffed("application/pkcs7-signature", pkcs7, "smime.p7s", "application/x-pkcs7-signature");
    assertSniffed("application/pgp-signature", pgp, "signature.asc", "application/pgp-signature");
  }

  @Test
  void sniff_shouldSayHtml_whenXmlDeclaredPageIsNotWellFormed() {
    // GIVEN a page that starts like XML but is broken HTML (Tika's TIKA-2419 path)
    byte[] page = "<?xml version=\"1.0\"?>\n<html><body><p>unclosed</body>".getBytes(US_ASCII);
    // WHEN sniffed as application/octet-stream
    // THEN Tika's HTML magics claim it
    assertSniffed("text/html", page, null, "application/octet-stream");
  }

  /** The sniffer says expected, and its Tika step says what Tika's own detect says. */
  private void assertSniffed(String expected, byte[] data, String filename, String declared) {
    assertEquals(plainTika(data, filename, declared), String.valueOf(tikaStep(data, filename, declared)),
        "Tika step for " + filename + " / " + declared);
    assertEquals(expected, sniffer.sniff(data, filename, declared));
  }

  private static Object tikaStep(byte[] data, String filename, String declared) {
    try {
      return TikaContentSniffer.tikaDetect(data, filename, declared);
    } catch (Exception e) {
      return e;
    }
  }

  private static String plainTika(byte[] data, String filename, String declared) {
    Metadata md = new Metadata();
    if (filename != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
    if (declared != null) md.set(Metadata.CONTENT_TYPE, declared);
    try {
      return MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(data, 0, Math.min(data.length, 2048)),
          md).toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static byte[] jpeg() {
    byte[] b = new byte[2048];
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xE0;
    for (int i = 4; i < b.length; i++) b[i] = (byte) (i * 31);
    return b;
  }

  private static byte[] ole() {
    byte[] b = new byte[2048];
    int[] sig = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    for (int i = 0; i < sig.length; i++) b[i] = (byte) sig[i];
    return b;
  }
}
