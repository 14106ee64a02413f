package io.helpdeskmail.functions.inbound;

import io.helpdeskmail.adapter.aws.AwsClients;
import io.helpdeskmail.adapter.dynamodb.DynamoAgentWorkload;
import io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository;
import io.helpdeskmail.adapter.tika.TikaAttachmentText;
import io.helpdeskmail.config.SupportConfig;
import io.helpdeskmail.rules.Classifier;
import io.helpdeskmail.adapter.s3.S3RawMailStore;
import io.helpdeskmail.adapter.sqs.SqsDeadLetters;
import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.inbound.InboundDelivery;
import io.helpdeskmail.inbound.InboundMailService;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.ticket.ReplyAddress;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The inbound-mail function's wiring: event translation plus the ingest service over the AWS adapters. */
public final class InboundMail {
  private final InboundEvents events;
  private final InboundMailService service;

  public InboundMail(InboundEvents events, InboundMailService service) {
    this.events = events;
    this.service = service;
  }

  /**
   * The function as deployed. interceptors: SDK interceptors that measure (bench-ingest's capacity meter); with
   * any, DynamoDB writes report the capacity they consumed.
   */
  public static InboundMail create(HelpdeskConfig config, ExecutionInterceptor... interceptors) {
    AwsClients aws = new AwsClients(config.aws(), interceptors);
    ColdStartWarmup warmup = ColdStartWarmup.begin(config.supportConfig(), aws, config.tableName());
    S3RawMailStore s3 = new S3RawMailStore(aws.s3());
    // A broken configuration fails here, at cold start, with every problem and its line (ConfigException).
    SupportConfig support = warmup.config(s3::read);
    DynamoDbClient dynamoDb = warmup.dynamoDb(); // one client for both adapters: each build costs cold-start time
    Classifier classifier = new Classifier(support.rules(), new DynamoAgentWorkload(dynamoDb, config.tableName()),
        new TikaAttachmentText(), Clock.systemUTC());
    return new InboundMail(new InboundEvents(config.mailBucket(), config.inboundPrefix()),
        new InboundMailService(warmup.inspector(), classifier,
            new DynamoTicketRepository(dynamoDb, config.tableName(), interceptors.length > 0),
            new ReplyAddress(config.replyTokenSecret()),
            s3, new SqsDeadLetters(aws::sqs, config.inboundDeadLetterQueueUrl()),
            config.inboundSettings(support.supportAddresses()), Clock.systemUTC()));
  }

  public List<IngestOutcome> handle(byte[] event) {
    List<IngestOutcome> out = new ArrayList<>();
    for (InboundDelivery d : events.parse(event)) out.add(service.ingest(d));
    return out;
  }

  /** One JSON line the function returns and logs: what happened to each record. */
  public static String describe(List<IngestOutcome> outcomes) {
    StringBuilder sb = new StringBuilder("{\"outcomes\":[");
    for (int i = 0; i < outcomes.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append('"').append(outcomes.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append("]}").toString();
  }
}
