package io.helpdeskmail.functions.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskmail.inbound.InboundDelivery;
import io.helpdeskmail.inbound.Verdict;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates what invokes inbound-mail into deliveries: the S3 object event, the SES receipt event (Lambda action
 * after the S3 action: the object key is the prefix plus the SES message id, and the verdicts come with it), and
 * our own dead-letter records (replay). A Lambda async DLQ message is the original event, so it parses as such.
 */
public final class InboundEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String mailBucket;
  private final String inboundPrefix;

  public InboundEvents(String mailBucket, String inboundPrefix) {
    this.mailBucket = mailBucket;
    this.inboundPrefix = inboundPrefix;
  }

  public List<InboundDelivery> parse(byte[] event) throws IOException {
    JsonNode root = JSON.readTree(event);
    List<InboundDelivery> out = new ArrayList<>();
    if (root.has("deadLetter")) {
      List<String> rcpt = new ArrayList<>();
      root.path("recipients").forEach(r -> rcpt.add(r.asText()));
      out.add(new InboundDelivery(root.path("bucket").asText(mailBucket), root.path("key").asText(), rcpt, null));
      return out;
    }
    for (JsonNode r : root.path("Records")) {
      String source = r.path("eventSource").asText(r.path("EventSource").asText());
      if (source.equals("aws:s3")) {
        String key = URLDecoder.decode(r.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
        out.add(new InboundDelivery(r.path("s3").path("bucket").path("name").asText(mailBucket), key, List.of(), null));
      } else if (source.equals("aws:ses")) {
        JsonNode receipt = r.path("ses").path("receipt");
        List<String> rcpt = new ArrayList<>();
        receipt.path("recipients").forEach(x -> rcpt.add(x.asText()));
        String bucket = receipt.path("action").path("bucketName").asText(mailBucket);
        out.add(new InboundDelivery(bucket, inboundPrefix + r.path("ses").path("mail").path("messageId").asText(), rcpt,
            new InboundDelivery.Verdicts(verdict(receipt, "spamVerdict"), verdict(receipt, "virusVerdict"),
                verdict(receipt, "spfVerdict"), verdict(receipt, "dkimVerdict"), verdict(receipt, "dmarcVerdict"))));
      } else {
        throw new IllegalArgumentException("not an S3 or SES receipt record: eventSource=" + source);
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("the event holds no S3 or SES receipt record");
    return out;
  }

  private static Verdict verdict(JsonNode receipt, String name) {
    return Verdict.of(receipt.path(name).path("status").asText(null));
  }
}
