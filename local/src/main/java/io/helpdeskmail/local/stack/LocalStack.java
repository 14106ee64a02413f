package io.helpdeskmail.local.stack;

import io.helpdeskmail.adapter.aws.AwsClients;
import io.helpdeskmail.adapter.dynamodb.HelpdeskTable;
import io.helpdeskmail.config.AwsSettings;
import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.functions.inbound.InboundMail;
import io.helpdeskmail.inbound.IngestOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The laptop runtime: the emulators, the resources template.yaml declares (same names as a stack called
 * "helpdesk"), and the inbound-mail handler invoked the way SES + Lambda invoke it: raw mail is stored as an S3
 * object first, then the handler gets the S3 event, asynchronously retried twice, then dead-lettered.
 */
public final class LocalStack implements AutoCloseable {
  public static final String STACK = "helpdesk";
  public static final String TABLE = STACK + "-tickets";
  public static final String BUCKET = STACK + "-mail";
  public static final String INBOUND_DLQ = STACK + "-inbound-dlq";
  public static final String LOCAL_REPLY_SECRET = "local-development-secret-not-for-production";
  private static final int ASYNC_ATTEMPTS = 3; // Lambda's async invocation: the first try plus two retries

  private final Emulators emulators;
  private final HelpdeskConfig config;
  private final DynamoDbClient dynamoDb;
  private final S3Client s3;
  private final SqsClient sqs;
  private final InboundMail inbound;
  private final SecureRandom random = new SecureRandom();

  private LocalStack(Emulators emulators, HelpdeskConfig config, DynamoDbClient db, S3Client s3, SqsClient sqs,
      InboundMail inbound) {
    this.emulators = emulators;
    this.config = config;
    this.dynamoDb = db;
    this.s3 = s3;
    this.sqs = sqs;
    this.inbound = inbound;
  }

  /** Starts the emulators and the inbound function with the helpdesk configuration at supportConfig. */
  public static LocalStack start(Emulators.Ports ports, Path dataDir, String supportConfig,
      ExecutionInterceptor... inboundInterceptors) throws Exception {
    Set<String> supportAddresses = HelpdeskConfig.addresses(HelpdeskConfig.DEFAULT_SUPPORT_ADDRESSES);
    Emulators e = Emulators.start(ports, dataDir);
    AwsSettings aws = new AwsSettings("us-east-1", e.dynamoDbEndpoint, e.s3Endpoint, e.sqsEndpoint);
    AwsClients clients = new AwsClients(aws);
    DynamoDbClient db = clients.dynamoDb();
    S3Client s3 = clients.s3();
    SqsClient sqs = clients.sqs();
    HelpdeskTable.create(db, TABLE);
    try {
      s3.createBucket(b -> b.bucket(BUCKET));
    } catch (BucketAlreadyOwnedByYouException ex) {
      // kept from an earlier run
    } catch (software.amazon.awssdk.services.s3.model.S3Exception ex) {
      if (ex.statusCode() != 409) throw ex;
    }
    String dlq = sqs.createQueue(b -> b.queueName(INBOUND_DLQ)
        .attributesWithStrings(Map.of("MessageRetentionPeriod", "1209600"))).queueUrl();
    HelpdeskConfig config = localConfig(dlq, supportAddresses, supportConfig, aws);
    return new LocalStack(e, config, db, s3, sqs, InboundMail.create(config, inboundInterceptors));
  }

  /** The configuration of the local deployment: the names template.yaml gives a stack called "helpdesk". */
  public static HelpdeskConfig localConfig(String deadLetterQueueUrl, Set<String> supportAddresses,
      String supportConfig, AwsSettings aws) {
    return new HelpdeskConfig(TABLE, BUCKET, "inbound/", deadLetterQueueUrl, supportAddresses, LOCAL_REPLY_SECRET,
        HelpdeskConfig.DEFAULT_INLINE_TEXT_LIMIT_BYTES, supportConfig, aws);
  }

  public HelpdeskConfig config() {
    return config;
  }

  public Emulators emulators() {
    return emulators;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public S3Client s3() {
    return s3;
  }

  public SqsClient sqs() {
    return sqs;
  }

  /** What SES does on receipt: store the raw mail under inbound/, then invoke inbound-mail with the S3 event. */
  public List<IngestOutcome> receive(byte[] raw) {
    String key = storeRaw(raw);
    return invoke(s3Event(BUCKET, key));
  }

  /** Stores raw mail under a fresh SES-like message id; returns the key. */
  public String storeRaw(byte[] raw) {
    String key = config.inboundPrefix() + newMessageId();
    s3.putObject(b -> b.bucket(BUCKET).key(key).contentType("message/rfc822"), RequestBody.fromBytes(raw));
    return key;
  }

  /**
   * Invokes inbound-mail with Lambda's asynchronous semantics: up to three attempts, then the event goes to the
   * dead-letter queue as the message body, with the error as a message attribute, as Lambda's DLQ does.
   */
  public List<IngestOutcome> invoke(byte[] event) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
      try {
        return inbound.handle(event);
      } catch (Exception e) {
        last = e instanceof RuntimeException r ? r : new RuntimeException(e);
      }
    }
    String error = String.valueOf(last);
    sqs.sendMessage(b -> b.queueUrl(config.inboundDeadLetterQueueUrl()).messageBody(new String(event, StandardCharsets.UTF_8))
        .messageAttributes(Map.of("ErrorMessage", MessageAttributeValue.builder().dataType("String")
            .stringValue(error.length() > 1000 ? error.substring(0, 1000) : error).build())));
    return List.of(new IngestOutcome.DeadLettered(error));
  }

  public static byte[] s3Event(String bucket, String key) {
    String json = """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventName":"ObjectCreated:Put",\
        "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},"object":{"key":"%s"}}}]}"""
        .formatted(bucket, bucket, java.net.URLEncoder.encode(key, StandardCharsets.UTF_8));
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The SES receipt event for a stored message (Lambda action after the S3 action). The local stack scans
   * nothing, so spam and virus verdicts say DISABLED, as SES reports when scanning is off.
   */
  public static byte[] sesEvent(String key, List<String> recipients) {
    String id = key.substring(key.lastIndexOf('/') + 1);
    StringBuilder rcpt = new StringBuilder();
    for (String r : recipients) rcpt.append(rcpt.isEmpty() ? "" : ",").append('"').append(r.replace("\"", "")).append('"');
    String json = """
        {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{"mail":{"messageId":"%s","destination":[%s]},\
        "receipt":{"recipients":[%s],"spamVerdict":{"status":"DISABLED"},"virusVerdict":{"status":"DISABLED"},\
        "spfVerdict":{"status":"GRAY"},"dkimVerdict":{"status":"GRAY"},"dmarcVerdict":{"status":"GRAY"},\
        "action":{"type":"Lambda","invocationType":"Event"}}}}]}""".formatted(id, rcpt, rcpt);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** SES message ids are 20+ lower-case alphanumerics; ours look alike so keys sort and read the same way. */
  private String newMessageId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    StringBuilder sb = new StringBuilder(Long.toString(System.currentTimeMillis(), 36));
    for (int i = 0; i < 16; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return sb.toString();
  }

  @Override
  public void close() throws Exception {
    dynamoDb.close();
    s3.close();
    sqs.close();
    emulators.close();
  }
}
