package io.helpdeskmail.local;

import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.local.stack.Emulators;
import io.helpdeskmail.local.stack.LocalStack;
import io.helpdeskmail.local.stack.MailDrop;
import io.helpdeskmail.local.stack.SmtpListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * `run [--config FILE] [--data DIR] [--in-memory] [--smtp-port N] [--dynamodb-port N] [--sqs-port N] [--s3-port N]
 * [--demo DIR | --no-demo]`: the whole inbound side on a laptop in one JVM. Ingests the demo mail, prints where
 * everything is, then one line `ready`, and serves until stopped (Ctrl-C).
 */
final class RunCommand {
  static final int SMTP = 2525, DYNAMODB = 8000, SQS = 9324, S3 = 9090, ADMIN = 8080, SES = 8005;

  private RunCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> o = Options.parse(args, List.of("--in-memory", "--no-demo"));
    Path data = o.containsKey("--in-memory") ? null : Path.of(o.getOrDefault("--data", ".helpdesk-local"));
    Path demo = o.containsKey("--no-demo") ? null : Path.of(o.getOrDefault("--demo", "events/mail"));
    Emulators.Ports ports = new Emulators.Ports(Options.port(o, "--dynamodb-port", DYNAMODB),
        Options.port(o, "--sqs-port", SQS), Options.port(o, "--s3-port", S3));
    LocalStack stack = LocalStack.start(ports, data, o.getOrDefault("--config", HelpdeskConfig.EXAMPLE_SUPPORT_CONFIG));
    Path state = data == null ? Files.createTempDirectory("helpdesk-local") : data;
    Path outbox = Files.createDirectories(state.resolve("outbox"));
    MailDrop drop = MailDrop.start(stack, Files.createDirectories(state.resolve("maildrop")));
    SmtpListener smtp = SmtpListener.start(stack, Options.port(o, "--smtp-port", SMTP));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      smtp.close();
      drop.close();
      try {
        stack.close();
      } catch (Exception e) {
        System.err.println("stopping the local stack: " + e);
      }
      stopped.countDown();
    }, "helpdesk-local-shutdown"));

    if (demo != null && Files.isDirectory(demo)) {
      Map<String, Integer> counts = new TreeMap<>();
      List<Path> files = MailFiles.expand(List.of(demo.toString()));
      for (Path f : files) {
        for (IngestOutcome r : stack.receive(Files.readAllBytes(f))) counts.merge(r.getClass().getSimpleName(), 1, Integer::sum);
      }
      out.printf("demo mail: %d files from %s ingested: %s%n", files.size(), demo, counts);
    }
    HelpdeskConfig c = stack.config();
    out.println("helpdesk-local: the inbound half of Helpdesk Mail, in one JVM");
    out.printf("  smtp (inbound mail)  smtp://127.0.0.1:%d   e.g. swaks --server localhost:%d --to support@shop.example%n",
        smtp.port(), smtp.port());
    out.printf("  mail drop folder     %s   (files dropped here are ingested)%n", drop.folder().toAbsolutePath());
    out.printf("  dynamodb             %s   table %s%n", stack.emulators().dynamoDbEndpoint, c.tableName());
    out.printf("  sqs                  %s   dead letters %s%n", stack.emulators().sqsEndpoint, c.inboundDeadLetterQueueUrl());
    out.printf("  s3                   %s   bucket %s (raw mail under %s)%n", stack.emulators().s3Endpoint,
        c.mailBucket(), c.inboundPrefix());
    out.printf("  outbox (sent mail)   %s%n", outbox.toAbsolutePath());
    out.printf("  data                 %s%n", data == null ? "in memory" : data.toAbsolutePath());
    out.printf("  configuration        %s   (departments, teams, rules; --config FILE for another)%n", c.supportConfig());
    out.println("  look inside: aws --endpoint-url " + stack.emulators().dynamoDbEndpoint
        + " dynamodb query --table-name " + c.tableName()
        + " --key-condition-expression 'PK = :p' --expression-attribute-values '{\":p\":{\"S\":\"T#1\"}}'");
    out.println("ready");
    out.flush();
    stopped.await();
    return 0;
  }
}
