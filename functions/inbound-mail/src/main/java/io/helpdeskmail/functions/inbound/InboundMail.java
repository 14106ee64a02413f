package io.helpdeskmail.functions.inbound;

import io.helpdeskmail.adapter.aws.AwsClients;
import io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository;
import io.helpdeskmail.adapter.s3.S3RawMailStore;
import io.helpdeskmail.adapter.sqs.SqsDeadLetters;
import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.inbound.InboundDelivery;
import io.helpdeskmail.inbound.InboundMailService;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.mail.MailInspector;
import io.helpdeskmail.ticket.ReplyAddress;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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

  public static InboundMail create(HelpdeskConfig config, ExecutionInterceptor... interceptors) {
    AwsClients aws = new AwsClients(config.aws(), interceptors);
    return new InboundMail(new InboundEvents(config.mailBucket(), config.inboundPrefix()),
        new InboundMailService(MailInspector.standard(), new DynamoTicketRepository(aws.dynamoDb(), config.tableName()),
            new ReplyAddress(config.replyTokenSecret()), new S3RawMailStore(aws.s3()),
            new SqsDeadLetters(aws.sqs(), config.inboundDeadLetterQueueUrl()), config.inboundSettings(),
            Clock.systemUTC()));
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
