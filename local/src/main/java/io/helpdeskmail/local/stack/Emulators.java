package io.helpdeskmail.local.stack;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * The AWS emulators in this JVM, no Docker: DynamoDB Local, ElasticMQ (SQS) and S3Proxy. Port 0 means "pick a
 * free one" (tests); `run` passes fixed defaults so people and tools find them. With a data folder, DynamoDB and S3
 * keep their state across restarts; queues are in memory (ElasticMQ), recreated at start.
 */
public final class Emulators implements AutoCloseable {
  /** Ports asked for; 0 picks a free port. */
  public record Ports(int dynamoDb, int sqs, int s3) {
    public static final Ports ANY = new Ports(0, 0, 0);
  }

  private final DynamoDBProxyServer dynamo;
  private final SQSRestServer sqs;
  private final S3Proxy s3;
  public final URI dynamoDbEndpoint;
  public final URI sqsEndpoint;
  public final URI s3Endpoint;

  private Emulators(DynamoDBProxyServer dynamo, URI d, SQSRestServer sqs, URI q, S3Proxy s3, URI s) {
    this.dynamo = dynamo;
    this.sqs = sqs;
    this.s3 = s3;
    this.dynamoDbEndpoint = d;
    this.sqsEndpoint = q;
    this.s3Endpoint = s;
  }

  /** Starts all three; dataDir null keeps everything in memory. */
  public static Emulators start(Ports ports, Path dataDir) throws Exception {
    System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
    int dPort = ports.dynamoDb() == 0 ? freePort() : ports.dynamoDb();
    String[] args = dataDir == null
        ? new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(dPort)}
        : new String[] {"-dbPath", mkdirs(dataDir.resolve("dynamodb")).toString(), "-disableTelemetry", "-port", Integer.toString(dPort)};
    DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(args);
    dynamo.start();

    SQSRestServer sqs = SQSRestServerBuilder.withPort(ports.sqs()).withInterface("127.0.0.1").start();
    int qPort = sqs.waitUntilStarted().localAddress().getPort();

    Properties p = new Properties();
    String kind = "transient";
    if (dataDir != null) {
      kind = "filesystem";
      p.setProperty("jclouds.filesystem.basedir", mkdirs(dataDir.resolve("s3")).toString());
    }
    int sPort = ports.s3() == 0 ? freePort() : ports.s3();
    S3Proxy s3 = S3Proxy.builder().blobStore(BlobStores.create(kind, p))
        .awsAuthentication(AuthenticationType.NONE, null, null)
        .endpoint(URI.create("http://127.0.0.1:" + sPort)).build();
    s3.start();
    while (!"STARTED".equals(s3.getState())) Thread.sleep(10);
    return new Emulators(dynamo, URI.create("http://127.0.0.1:" + dPort), sqs,
        URI.create("http://127.0.0.1:" + qPort), s3, URI.create("http://127.0.0.1:" + sPort));
  }

  private static Path mkdirs(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      s3.stop();
    } finally {
      try {
        sqs.stopAndWait();
      } finally {
        dynamo.stop();
      }
    }
  }
}
