package io.helpdeskmail.functions.inbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.inbound.IngestOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * inbound-mail Lambda: an S3 object event or SES receipt event in, one ingest per record. An exception fails the
 * invocation; Lambda's async retries and then its dead-letter queue take over, and the raw mail stays in S3.
 */
public final class InboundMailHandler implements RequestStreamHandler {
  private final InboundMail app;

  public InboundMailHandler() {
    this(HelpdeskConfig.fromEnvironment(System.getenv()));
  }

  public InboundMailHandler(HelpdeskConfig config) {
    this(InboundMail.create(config));
  }

  public InboundMailHandler(InboundMail app) {
    this.app = app;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    List<IngestOutcome> outcomes = app.handle(input.readAllBytes());
    output.write(InboundMail.describe(outcomes).getBytes(StandardCharsets.UTF_8));
  }
}
