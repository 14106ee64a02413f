package io.helpdeskmail.adapter.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskmail.inbound.DeadLetters;
import io.helpdeskmail.inbound.InboundDelivery;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The inbound dead-letter queue. A dead letter names the raw object (the mail itself never leaves S3) and why
 * it failed; `helpdesk-local.jar replay` and the Lambda's own DLQ redrive feed it back through the same handler.
 */
public final class SqsDeadLetters implements DeadLetters {
  private final Supplier<SqsClient> clients;
  private final String queueUrl;
  private SqsClient sqs;

  public SqsDeadLetters(SqsClient sqs, String queueUrl) {
    this.clients = null;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /**
   * Builds its client on the first dead letter: most function instances never send one, and an SQS client is
   * about a tenth of a cold start.
   */
  public SqsDeadLetters(Supplier<SqsClient> clients, String queueUrl) {
    this.clients = clients;
    this.queueUrl = queueUrl;
  }

  private synchronized SqsClient sqs() {
    if (sqs == null) sqs = clients.get();
    return sqs;
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
    sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(o.toString()));
  }

  /**
   * Jackson is set up on the first dead letter, not when the function starts: an ObjectMapper loads some 350
   * classes (about 150 ms of every cold start) for a path most instances never take.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
