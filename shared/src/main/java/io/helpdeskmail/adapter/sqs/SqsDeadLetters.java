package io.helpdeskmail.adapter.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskmail.inbound.DeadLetters;
import io.helpdeskmail.inbound.InboundDelivery;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The inbound dead-letter queue. A dead letter names the raw object (the mail itself never leaves S3) and why
 * it failed; `helpdesk-local.jar replay` and the Lambda's own DLQ redrive feed it back through the same handler.
 */
public final class SqsDeadLetters implements DeadLetters {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsDeadLetters(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(InboundDelivery d, String reason) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("deadLetter", "inbound-mail");
    o.put("bucket", d.bucket());
    o.put("key", d.key());
    o.put("reason", reason);
    var rcpt = o.putArray("recipients");
    d.envelopeRecipients().forEach(rcpt::add);
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(o.toString()));
  }

  /**
   * Jackson is set up on the first dead letter, not when the function starts: an ObjectMapper loads some 350
   * classes (about 150 ms of every cold start) for a path most instances never take.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
