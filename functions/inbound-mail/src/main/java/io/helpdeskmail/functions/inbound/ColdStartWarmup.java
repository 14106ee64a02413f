package io.helpdeskmail.functions.inbound;

import io.helpdeskmail.adapter.aws.AwsClients;
import io.helpdeskmail.adapter.dynamodb.DynamoAgentWorkload;
import io.helpdeskmail.config.SupportConfig;
import io.helpdeskmail.config.SupportConfigLoader;
import io.helpdeskmail.mail.MailInspector;
import io.helpdeskmail.rules.AgentWorkload;
import io.helpdeskmail.adapter.tika.TikaAttachmentText;
import io.helpdeskmail.rules.Classifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Half the cold start, on a second thread while the first builds the S3 client: the support configuration (unless
 * it lives in S3), one built-in message read through the mail pipeline and the rules (so the first customer mail
 * finds the reader's and the engine's classes loaded and the language model read), then the DynamoDB client. Where the function has a second core the two halves overlap (about a third of a cold invoke was this
 * work, done after the clients); on one core the thread costs a thread. Nothing here reaches AWS or keeps state:
 * the message is ours, and the classifier it runs through routes against an in-memory, empty team.
 */
final class ColdStartWarmup extends Thread {
  /**
   * A plain-text reply with a quote and a signature: the path most customer mail takes. No HTML part: mail with
   * a plain alternative is read from that, and loading the HTML parser for the few HTML-only mails would take CPU
   * the cold start's other thread needs.
   */
  private static final byte[] SAMPLE = String.join("\r\n",
      "From: Warm Up <warm-up@helpdesk.invalid>",
      "To: support@helpdesk.invalid",
      "Subject: Re: Where is my parcel?",
      "Date: Mon, 23 Nov 2026 10:00:00 +0000",
      "Message-ID: <cold-start-warm-up@helpdesk.invalid>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Hello, the parcel has still not arrived and the tracking page shows nothing new since Monday.",
      "",
      "Thanks,",
      "Warm",
      "",
      "On Mon, 23 Nov 2026 at 09:00, Support <support@helpdesk.invalid> wrote:",
      "> Your parcel left our warehouse today.",
      "").getBytes(StandardCharsets.UTF_8);

  private final String configLocation;
  private final AwsClients aws;
  private final String table;
  private SupportConfig config;
  private DynamoDbClient dynamoDb;
  private MailInspector inspector;
  private Throwable failure;
  /** Counted down once the configuration, the reader and the DynamoDB client are ready (or failed). */
  private final CountDownLatch ready = new CountDownLatch(1);

  private ColdStartWarmup(String configLocation, AwsClients aws, String table) {
    super("cold-start-warmup");
    this.configLocation = configLocation;
    this.aws = aws;
    this.table = table;
    setDaemon(true);
  }

  static ColdStartWarmup begin(String configLocation, AwsClients aws, String table) {
    ColdStartWarmup w = new ColdStartWarmup(configLocation, aws, table);
    w.start();
    return w;
  }

  @Override
  public void run() {
    try {
      if (!inS3(configLocation)) config = SupportConfigLoader.fromLocation(configLocation, null);
      MailInspector i = MailInspector.standard();
      if (i.inspect(SAMPLE) instanceof MailInspector.Outcome.Inspected in && config != null) {
        new Classifier(config.rules(), new AgentWorkload.InMemory(), new TikaAttachmentText(), Clock.systemUTC())
            .classifyNew(in.mail(), List.of("support@helpdesk.invalid"));
      }
      inspector = i;
      // Last: by now the other thread has loaded the SDK's common classes building the S3 client.
      dynamoDb = aws.dynamoDb();
    } catch (Throwable t) {
      failure = t; // handed to the caller: a broken configuration must still fail the cold start, with its lines
    } finally {
      ready.countDown();
    }
    if (failure == null) primeDynamoDb();
  }

  /**
   * One read of the assignee index for an agent that never exists, through the adapter routing uses: the SDK's
   * request pipeline, signer, HTTP client, DynamoDB's JSON protocol and the Query operation load here, alongside
   * the first invocation instead of inside it. Read-only, half a read unit per cold start; any failure is the
   * real calls' to report, so it is ignored here.
   */
  private void primeDynamoDb() {
    try {
      new DynamoAgentWorkload(dynamoDb, table).load(List.of("cold-start-warm-up@helpdesk.invalid"), false);
    } catch (RuntimeException e) {
      // no table, no permission, no network: the ingest's own calls say so with context
    }
    primeDynamoDbModel();
  }

  /**
   * The first use of a DynamoDB operation initialises its request, response and marshaller classes, whose field
   * tables spin some 40-90 method-reference classes each. This runs while the first invocation fetches and reads
   * its mail, ahead of the ticket writes; touching the classes has no effect beyond loading them.
   */
  private static void primeDynamoDbModel() {
    ClassLoader loader = ColdStartWarmup.class.getClassLoader();
    for (String op : new String[] {"UpdateItem", "PutItem", "GetItem", "BatchGetItem"}) {
      for (String name : new String[] {"model." + op + "Request", "model." + op + "Response",
          "transform." + op + "RequestMarshaller"}) {
        try {
          Class.forName("software.amazon.awssdk.services.dynamodb." + name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          // another SDK version: that class simply loads on first use
        }
      }
    }
  }

  private static boolean inS3(String location) {
    return location != null && location.startsWith("s3://");
  }

  /** The configuration (loaded here from S3 when it lives there); rethrows what the thread met. */
  SupportConfig config(BiFunction<String, String, byte[]> s3) {
    finish();
    return config != null ? config : SupportConfigLoader.fromLocation(configLocation, s3);
  }

  DynamoDbClient dynamoDb() {
    finish();
    return dynamoDb != null ? dynamoDb : aws.dynamoDb();
  }

  MailInspector inspector() {
    finish();
    return inspector != null ? inspector : MailInspector.standard();
  }

  private void finish() {
    try {
      ready.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during cold start", e);
    }
    if (failure instanceof RuntimeException r) throw r;
    if (failure instanceof Error e) throw e;
  }
}
