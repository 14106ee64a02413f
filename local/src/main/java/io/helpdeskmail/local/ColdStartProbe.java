package io.helpdeskmail.local;

import io.helpdeskmail.adapter.aws.AwsClients;
import io.helpdeskmail.config.AwsSettings;
import io.helpdeskmail.functions.inbound.InboundMailHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The two programs `cold-start` times in fresh JVMs. "bare": build the DynamoDB, S3 and SQS clients and make one
 * DescribeTable call, the least any function does. "handler": what Lambda does on a cold invoke of inbound-mail,
 * the no-arg constructor (configuration from the environment) and one handleRequest with an S3 event.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "bare" -> {
        AwsSettings aws = new AwsSettings(System.getenv("AWS_REGION"), URI.create(System.getenv("DYNAMODB_ENDPOINT")),
            URI.create(System.getenv("S3_ENDPOINT")), URI.create(System.getenv("SQS_ENDPOINT")));
        AwsClients clients = new AwsClients(aws);
        DynamoDbClient db = clients.dynamoDb();
        S3Client s3 = clients.s3();
        SqsClient sqs = clients.sqs();
        db.describeTable(b -> b.tableName(System.getenv("TABLE_NAME")));
        if (s3 == null || sqs == null) throw new IllegalStateException();
        if (System.getenv("COLD_START_PHASES") != null) System.err.printf("phases: cpu %d ms%n", cpuMillis());
      }
      case "handler" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        InboundMailHandler handler = new InboundMailHandler();
        long t1 = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(args[1].getBytes(StandardCharsets.UTF_8)), out, null);
        long t2 = System.nanoTime();
        if (System.getenv("COLD_START_PHASES") != null) {
          System.err.printf("phases: jvm-to-main %d ms, init %d ms, first invoke %d ms, cpu %d ms%n",
              java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (t2 - t0) / 1_000_000,
              (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, cpuMillis());
        }
        String result = out.toString(StandardCharsets.UTF_8);
        if (!result.contains("Created")) throw new IllegalStateException("the cold invoke did not create a ticket: " + result);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /**
   * CPU time of the whole process so far, all threads (JIT and GC included): on a shared machine it varies less
   * than wall time, and it shows work a background thread hides from the main thread's phases.
   */
  private static long cpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1_000_000;
  }
}
