package io.helpdeskmail.ticket;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed plus-addresses, the Reply-To of every mail we send: support+t1234-3f9a0c1b2d@shop.example. The HMAC
 * makes the ticket number unforgeable, so a stranger cannot push mail into someone else's ticket by guessing it.
 */
public final class ReplyAddress {
  private static final Pattern TOKEN = Pattern.compile("^([^+@]+)\\+t(\\d{1,12})-([0-9a-f]{10})@(.+)$");
  private final byte[] secret;

  public ReplyAddress(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the reply-token secret must have at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The reply address for a ticket on one of our support addresses. */
  public String forTicket(long ticket, String supportAddress) {
    int at = supportAddress.lastIndexOf('@');
    return supportAddress.substring(0, at) + "+t" + ticket + "-" + sign(ticket) + supportAddress.substring(at);
  }

  /** The ticket a recipient address names, when its signature is valid. */
  public OptionalLong ticketOf(String address) {
    if (address == null) return OptionalLong.empty();
    Matcher m = TOKEN.matcher(address.toLowerCase(Locale.ROOT));
    if (!m.matches()) return OptionalLong.empty();
    long ticket = Long.parseLong(m.group(2));
    byte[] expected = sign(ticket).getBytes(StandardCharsets.US_ASCII);
    boolean ok = MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII)); // constant time
    return ok ? OptionalLong.of(ticket) : OptionalLong.empty();
  }

  /** The support address a plus-address was made from (support+t12-...@x -> support@x). */
  public static String base(String address) {
    if (address.indexOf('+') < 0) return address; // no plus-address: the pattern cannot match (most recipients)
    Matcher m = TOKEN.matcher(address.toLowerCase(Locale.ROOT));
    return m.matches() ? m.group(1) + "@" + m.group(4) : address;
  }

  private String sign(long ticket) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] h = mac.doFinal(("t" + ticket).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(h, 0, 5);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
