package io.helpdeskmail.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Inbound SMTP on localhost, standing in for SES receiving: each message is stored as an S3 object and the
 * handler is invoked with an SES receipt event carrying the envelope recipients (so a signed reply address in
 * Bcc still threads), just as the SES S3 + Lambda actions do.
 */
public final class SmtpListener implements AutoCloseable {
  private static final int MAX_MESSAGE_BYTES = 40 * 1024 * 1024; // the SES receiving limit
  private final SMTPServer server;

  private SmtpListener(SMTPServer server) {
    this.server = server;
  }

  public static SmtpListener start(LocalStack stack, int port) {
    SMTPServer server = SMTPServer.port(port).hostName("localhost").softwareName("helpdesk-local")
        .bindAddress(java.net.InetAddress.getLoopbackAddress()).maxMessageSize(MAX_MESSAGE_BYTES)
        .messageHandlerFactory(ctx -> new Handler(stack)).build();
    server.start();
    return new SmtpListener(server);
  }

  public int port() {
    return server.getPortAllocated();
  }

  private static final class Handler implements MessageHandler {
    private final LocalStack stack;
    private final List<String> recipients = new ArrayList<>();

    Handler(LocalStack stack) {
      this.stack = stack;
    }

    @Override
    public void from(String from) {}

    @Override
    public void recipient(String recipient) {
      recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws IOException, RejectException {
      byte[] raw = data.readAllBytes();
      try {
        String key = stack.storeRaw(raw);
        stack.invoke(LocalStack.sesEvent(key, recipients));
        return null;
      } catch (RuntimeException e) {
        // SES would still have the message; here the sender is told to retry later.
        throw new RejectException(451, "could not store the message: " + e.getMessage());
      }
    }

    @Override
    public void done() {}
  }

  @Override
  public void close() {
    server.stop();
  }
}
