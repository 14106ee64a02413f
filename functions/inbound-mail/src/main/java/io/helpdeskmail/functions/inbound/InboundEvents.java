package io.helpdeskmail.functions.inbound;

import io.helpdeskmail.inbound.InboundDelivery;
import io.helpdeskmail.inbound.Verdict;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Translates what invokes inbound-mail into deliveries: the S3 object event, the SES receipt event (Lambda action
 * after the S3 action: the object key is the prefix plus the SES message id, and the verdicts come with it), and
 * our own dead-letter records (replay). A Lambda async DLQ message is the original event, so it parses as such.
 * Parsed with the SDK's own JSON reader, which the DynamoDB client loads anyway: Jackson would add its start-up
 * to every cold invoke.
 */
public final class InboundEvents {
  private static final JsonNodeParser PARSER = JsonNode.parser();
  private final String mailBucket;
  private final String inboundPrefix;

  public InboundEvents(String mailBucket, String inboundPrefix) {
    this.mailBucket = mailBucket;
    this.inboundPrefix = inboundPrefix;
  }

  public List<InboundDelivery> parse(byte[] event) {
    JsonNode root = PARSER.parse(event);
    if (!root.isObject()) throw new IllegalArgumentException("the event is not a JSON object");
    List<InboundDelivery> out = new ArrayList<>();
    if (root.field("deadLetter").isPresent()) {
      out.add(new InboundDelivery(text(root, "bucket", mailBucket), text(root, "key", null), strings(root, "recipients"), null));
      return out;
    }
    for (JsonNode r : list(root, "Records")) {
      String source = text(r, "eventSource", text(r, "EventSource", ""));
      if (source.equals("aws:s3")) {
        JsonNode s3 = obj(r, "s3");
        String key = URLDecoder.decode(text(obj(s3, "object"), "key", ""), StandardCharsets.UTF_8);
        out.add(new InboundDelivery(text(obj(s3, "bucket"), "name", mailBucket), key, List.of(), null));
      } else if (source.equals("aws:ses")) {
        JsonNode ses = obj(r, "ses");
        JsonNode receipt = obj(ses, "receipt");
        String bucket = text(obj(receipt, "action"), "bucketName", mailBucket);
        out.add(new InboundDelivery(bucket, inboundPrefix + text(obj(ses, "mail"), "messageId", ""),
            strings(receipt, "recipients"),
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
    return Verdict.of(text(obj(receipt, name), "status", null));
  }

  private static JsonNode obj(JsonNode n, String field) {
    if (n == null || !n.isObject()) return null;
    Map<String, JsonNode> m = n.asObject();
    JsonNode v = m.get(field);
    return v != null && v.isObject() ? v : null;
  }

  private static String text(JsonNode n, String field, String def) {
    if (n == null || !n.isObject()) return def;
    JsonNode v = n.asObject().get(field);
    return v != null && v.isString() ? v.asString() : def;
  }

  private static List<JsonNode> list(JsonNode n, String field) {
    JsonNode v = n.isObject() ? n.asObject().get(field) : null;
    return v != null && v.isArray() ? v.asArray() : List.of();
  }

  private static List<String> strings(JsonNode n, String field) {
    if (n == null) return List.of();
    return list(n, field).stream().filter(JsonNode::isString)
        .map(JsonNode::asString).toList();
  }
}
