package io.helpdeskmail.local;

import io.helpdeskmail.adapter.aws.AwsClients;
import io.helpdeskmail.config.AwsSettings;
import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.functions.inbound.InboundMail;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.local.stack.LocalStack;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * `replay [--key KEY]... [--dynamodb-port N --sqs-port N --s3-port N]`: re-drives the inbound dead letters (and
 * any raw-mail S3 keys named) through the same inbound-mail code. Talks to a running `run` on its default ports,
 * or to AWS/LocalStack when TABLE_NAME, MAIL_BUCKET, INBOUND_DLQ_URL and REPLY_TOKEN_SECRET are set in the
 * environment. A dead letter is deleted only once it was processed; a failing one stays for the next replay.
 */
final class ReplayCommand {
  private ReplayCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> o = Options.parse(args, List.of());
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals("--key")) keys.add(args[i + 1]);
    HelpdeskConfig config = System.getenv("TABLE_NAME") != null ? HelpdeskConfig.fromEnvironment(System.getenv())
        : localConfig(o);
    InboundMail inbound = InboundMail.create(config);
    int failed = 0;
    for (String key : keys) {
      try {
        out.println("replay s3://" + config.mailBucket() + "/" + key + " -> "
            + inbound.handle(LocalStack.s3Event(config.mailBucket(), key)));
      } catch (Exception e) {
        failed++;
        out.println("replay s3://" + config.mailBucket() + "/" + key + " failed: " + e);
      }
    }
    if (!keys.isEmpty()) return failed == 0 ? 0 : 1;
    try (SqsClient sqs = new AwsClients(config.aws()).sqs()) {
      int done = 0;
      while (true) {
        List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(config.inboundDeadLetterQueueUrl())
            .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(60)).messages();
        if (batch.isEmpty()) break;
        for (Message m : batch) {
          try {
            List<IngestOutcome> r = inbound.handle(m.body().getBytes(StandardCharsets.UTF_8));
            sqs.deleteMessage(b -> b.queueUrl(config.inboundDeadLetterQueueUrl()).receiptHandle(m.receiptHandle()));
            out.println("replayed " + m.messageId() + " -> " + r);
            done++;
          } catch (Exception e) {
            failed++;
            out.println("still failing " + m.messageId() + ": " + e + " (left in the queue)");
          }
        }
      }
      out.printf("replay: %d dead letters processed, %d still failing%n", done, failed);
    }
    return failed == 0 ? 0 : 1;
  }

  private static HelpdeskConfig localConfig(Map<String, String> o) {
    URI dynamo = URI.create("http://127.0.0.1:" + Options.port(o, "--dynamodb-port", RunCommand.DYNAMODB));
    URI sqs = URI.create("http://127.0.0.1:" + Options.port(o, "--sqs-port", RunCommand.SQS));
    URI s3 = URI.create("http://127.0.0.1:" + Options.port(o, "--s3-port", RunCommand.S3));
    AwsSettings aws = new AwsSettings("us-east-1", dynamo, s3, sqs);
    String queue;
    try (SqsClient c = new AwsClients(aws).sqs()) {
      queue = c.getQueueUrl(b -> b.queueName(LocalStack.INBOUND_DLQ)).queueUrl();
    }
    return LocalStack.localConfig(queue, HelpdeskConfig.addresses(HelpdeskConfig.DEFAULT_SUPPORT_ADDRESSES),
        o.getOrDefault("--config", HelpdeskConfig.EXAMPLE_SUPPORT_CONFIG), aws);
  }
}
