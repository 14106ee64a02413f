package io.helpdeskmail.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository;
import io.helpdeskmail.functions.inbound.InboundMailHandler;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.ticket.ReplyAddress;
import io.helpdeskmail.ticket.Ticket;
import io.helpdeskmail.ticket.TicketMessage;
import io.helpdeskmail.ticket.TicketStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The real inbound-mail handler against DynamoDB Local, ElasticMQ and S3Proxy, driven by the sample S3 and SES
 * receipt events in events/ with the object key swapped for the mail under test.
 */
@ExtendWith(LocalStackExtension.class)
class InboundMailHandlerTest {
  private static final Path EVENTS = Path.of(System.getProperty("helpdesk.events.dir", "../events"));

  private static DynamoTicketRepository repo(LocalStack stack) {
    return new DynamoTicketRepository(stack.dynamoDb(), LocalStack.TABLE);
  }

  /** Stores the mail like the SES S3 action, then invokes the handler with events/s3-object-created.json. */
  private static IngestOutcome viaS3Event(LocalStack stack, byte[] raw) throws Exception {
    String key = stack.storeRaw(raw);
    return single(handle(stack, s3Event(key)));
  }

  private static byte[] s3Event(String key) throws Exception {
    return Files.readString(EVENTS.resolve("s3-object-created.json"))
        .replace("inbound/0000000000example0001", key).getBytes(StandardCharsets.UTF_8);
  }

  /** Invokes the handler (the Lambda entry point, not a shortcut) with an event; returns what it did. */
  private static List<IngestOutcome> handle(LocalStack stack, byte[] event) throws Exception {
    return stack.invoke(event);
  }

  private static byte[] sesEvent(String key, String recipient, String spam, String virus) throws Exception {
    String id = key.substring(key.indexOf('/') + 1);
    return Files.readString(EVENTS.resolve("ses-receipt.json"))
        .replace("0000000000example0001", id)
        .replace("\"recipients\": [\"support@shop.example\"]", "\"recipients\": [\"" + recipient + "\"]")
        .replace("\"spamVerdict\": { \"status\": \"PASS\" }", "\"spamVerdict\": { \"status\": \"" + spam + "\" }")
        .replace("\"virusVerdict\": { \"status\": \"PASS\" }", "\"virusVerdict\": { \"status\": \"" + virus + "\" }")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static IngestOutcome single(List<IngestOutcome> outcomes) {
    assertEquals(1, outcomes.size(), outcomes.toString());
    return outcomes.get(0);
  }

  private static long ticketOf(IngestOutcome o) {
    return switch (o) {
      case IngestOutcome.Created c -> c.ticket();
      case IngestOutcome.Threaded t -> t.ticket();
      case IngestOutcome.Duplicate d -> d.ticket();
      default -> throw new AssertionError("no ticket: " + o);
    };
  }

  @Test
  void handleRequest_shouldCreateTicketWithMessage_whenNewMailArrivesAsS3Event(LocalStack stack) throws Exception {
    // GIVEN a customer's first mail stored by the SES S3 action
    TestMail mail = TestMail.from("Dana Customer <dana@customer.example>");
    String key = stack.storeRaw(mail.bytes());
    // WHEN the Lambda entry point handles the S3 event
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InboundMailHandler(stack.config()).handleRequest(new ByteArrayInputStream(s3Event(key)), out, null);
    // THEN one ticket exists with the requester and one message recording how it was threaded
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Created"), out.toString(StandardCharsets.UTF_8));
    IngestOutcome again = viaS3Event(stack, mail.bytes());
    long n = ticketOf(again);
    Ticket t = repo(stack).find(n).orElseThrow();
    assertEquals("dana@customer.example", t.requester());
    assertEquals(TicketStatus.NEW, t.status());
    assertEquals("support@shop.example", t.supportAddress());
    List<TicketMessage> msgs = repo(stack).messages(n);
    assertEquals(1, msgs.size());
    assertEquals("new ticket", msgs.get(0).threadedBy());
    assertEquals(key, msgs.get(0).rawKey());
    assertTrue(msgs.get(0).visibleText().startsWith("Hello, my order has not arrived"));
  }

  @Test
  void handleRequest_shouldCreateOneTicket_whenSameDeliveryIsHandledThreeTimesConcurrently(LocalStack stack) throws Exception {
    // GIVEN one stored mail and its S3 event
    TestMail mail = TestMail.from("eve@customer.example");
    byte[] event = s3Event(stack.storeRaw(mail.bytes()));
    // WHEN three invocations race on it (Lambda may deliver an async event more than once)
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CyclicBarrier start = new CyclicBarrier(3);
    List<Future<List<IngestOutcome>>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(pool.submit((Callable<List<IngestOutcome>>) () -> {
        start.await();
        return stack.invoke(event);
      }));
    }
    List<IngestOutcome> outcomes = new ArrayList<>();
    for (Future<List<IngestOutcome>> f : results) outcomes.add(single(f.get()));
    pool.shutdown();
    // THEN exactly one created a ticket, the others saw a duplicate of the same ticket, and it has one message
    assertEquals(1, outcomes.stream().filter(o -> o instanceof IngestOutcome.Created).count(), outcomes.toString());
    Set<Long> tickets = new java.util.HashSet<>(outcomes.stream().map(InboundMailHandlerTest::ticketOf).toList());
    assertEquals(1, tickets.size(), outcomes.toString());
    assertEquals(1, repo(stack).messages(tickets.iterator().next()).size());
  }

  @Test
  void handleRequest_shouldCreateOneTicket_whenMailIsAddressedToTwoSupportAddresses(LocalStack stack) throws Exception {
    // GIVEN one mail to billing@ and returns@, which SES stores and delivers once per receipt
    TestMail mail = TestMail.from("finn@customer.example").header("To", "billing@shop.example, returns@shop.example");
    String first = stack.storeRaw(mail.bytes());
    String second = stack.storeRaw(mail.bytes());
    // WHEN both deliveries are handled through the SES receipt event
    IngestOutcome a = single(handle(stack, sesEvent(first, "billing@shop.example", "PASS", "PASS")));
    IngestOutcome b = single(handle(stack, sesEvent(second, "returns@shop.example", "PASS", "PASS")));
    // THEN the second is a duplicate of the first ticket, which holds one message
    assertInstanceOf(IngestOutcome.Created.class, a);
    assertInstanceOf(IngestOutcome.Duplicate.class, b);
    assertEquals(ticketOf(a), ticketOf(b));
    assertEquals(1, repo(stack).messages(ticketOf(a)).size());
  }

  @Test
  void handleRequest_shouldThreadByInReplyTo_whenCustomerRepliesToHerOwnMail(LocalStack stack) throws Exception {
    // GIVEN a ticket opened by a first mail
    TestMail first = TestMail.from("gina@customer.example");
    long n = ticketOf(viaS3Event(stack, first.bytes()));
    // WHEN a follow-up names it in In-Reply-To
    TestMail reply = TestMail.from("gina@customer.example").header("Subject", "Re: Order not arrived")
        .header("In-Reply-To", "<" + first.messageId() + ">");
    IngestOutcome o = viaS3Event(stack, reply.bytes());
    // THEN it joins the ticket and the message records the rule
    assertEquals(new IngestOutcome.Threaded(n, ((IngestOutcome.Threaded) o).messageKey(), "threaded by In-Reply-To"), o);
    assertEquals(List.of("new ticket", "threaded by In-Reply-To"),
        repo(stack).messages(n).stream().map(TicketMessage::threadedBy).toList());
  }

  @Test
  void handleRequest_shouldThreadByReferences_whenCcColleagueRepliesToTheOriginal(LocalStack stack) throws Exception {
    // GIVEN a ticket, and a colleague in Cc replying to a message we never saw, whose References name the original
    TestMail first = TestMail.from("hal@customer.example").header("Cc", "ida@customer.example");
    long n = ticketOf(viaS3Event(stack, first.bytes()));
    TestMail colleague = TestMail.from("ida@customer.example").header("Subject", "Re: Order not arrived")
        .header("In-Reply-To", "<unknown-1@elsewhere.example>")
        .header("References", "<" + first.messageId() + "> <unknown-1@elsewhere.example>");
    // WHEN it arrives
    IngestOutcome o = viaS3Event(stack, colleague.bytes());
    // THEN any id in References counts
    assertEquals(n, ticketOf(o));
    assertEquals("threaded by References", ((IngestOutcome.Threaded) o).rule());
  }

  @Test
  void handleRequest_shouldThreadBySignedReplyAddress_whenHeadersWereStripped(LocalStack stack) throws Exception {
    // GIVEN a ticket and a reply sent to its signed plus-address by a client that dropped In-Reply-To
    long n = ticketOf(viaS3Event(stack, TestMail.from("jo@customer.example").bytes()));
    String replyTo = new ReplyAddress(LocalStack.LOCAL_REPLY_SECRET).forTicket(n, "support@shop.example");
    // WHEN it arrives
    IngestOutcome o = viaS3Event(stack, TestMail.from("jo@customer.example").header("To", replyTo).bytes());
    // THEN the HMAC-checked address threads it
    assertEquals(n, ticketOf(o));
    assertEquals("threaded by signed reply address", ((IngestOutcome.Threaded) o).rule());
  }

  @Test
  void handleRequest_shouldOpenNewTicket_whenReplyAddressSignatureIsForged(LocalStack stack) throws Exception {
    // GIVEN a ticket, and a stranger who writes to its number with a made-up signature
    long n = ticketOf(viaS3Event(stack, TestMail.from("kim@customer.example").bytes()));
    // WHEN the forged address is used
    IngestOutcome o = viaS3Event(stack, TestMail.from("mallory@attacker.example")
        .header("To", "support+t" + n + "-0123456789@shop.example").bytes());
    // THEN it does not join the ticket
    assertInstanceOf(IngestOutcome.Created.class, o);
    assertNotEquals(n, ticketOf(o));
  }

  @Test
  void handleRequest_shouldThreadBySubjectToken_whenSenderIsTheRequester(LocalStack stack) throws Exception {
    // GIVEN a ticket
    long n = ticketOf(viaS3Event(stack, TestMail.from("lee@customer.example").bytes()));
    // WHEN its requester writes a fresh mail with [#N] in the subject
    IngestOutcome o = viaS3Event(stack, TestMail.from("Lee <lee@customer.example>")
        .header("Subject", "Re: your ticket [#" + n + "]").bytes());
    // THEN the token threads it
    assertEquals(n, ticketOf(o));
    assertEquals("threaded by subject token [#" + n + "]", ((IngestOutcome.Threaded) o).rule());
  }

  @Test
  void handleRequest_shouldNotThreadBySubjectToken_whenSenderIsAStranger(LocalStack stack) throws Exception {
    // GIVEN someone's ticket
    long n = ticketOf(viaS3Event(stack, TestMail.from("mia@customer.example").bytes()));
    // WHEN a stranger puts its number in a subject (the hijack other helpdesks fall for)
    IngestOutcome o = viaS3Event(stack, TestMail.from("mallory@attacker.example")
        .header("Subject", "Re: [#" + n + "] please send me the invoice").bytes());
    // THEN a separate ticket is opened, and the original still has only its own message
    assertInstanceOf(IngestOutcome.Created.class, o);
    assertNotEquals(n, ticketOf(o));
    assertEquals(1, repo(stack).messages(n).size());
    assertTrue(((IngestOutcome.Created) o).rule().contains("ignored"), o.toString());
  }

  @Test
  void handleRequest_shouldReopenSolvedTicket_whenRequesterReplies(LocalStack stack) throws Exception {
    // GIVEN a solved ticket
    TestMail first = TestMail.from("ned@customer.example");
    long n = ticketOf(viaS3Event(stack, first.bytes()));
    repo(stack).changeStatus(n, TicketStatus.SOLVED, Instant.now());
    // WHEN the requester replies
    IngestOutcome o = viaS3Event(stack, TestMail.from("ned@customer.example")
        .header("In-Reply-To", "<" + first.messageId() + ">").body("It broke again.\n").bytes());
    // THEN the ticket is open again and the message records the change
    assertEquals(n, ticketOf(o));
    assertEquals(TicketStatus.OPEN, repo(stack).find(n).orElseThrow().status());
    assertEquals("threaded by In-Reply-To; status solved -> open", repo(stack).messages(n).get(1).threadedBy());
  }

  @Test
  void handleRequest_shouldOpenLinkedTicket_whenReplyingToClosedTicket(LocalStack stack) throws Exception {
    // GIVEN a closed ticket
    TestMail first = TestMail.from("ola@customer.example");
    long n = ticketOf(viaS3Event(stack, first.bytes()));
    repo(stack).changeStatus(n, TicketStatus.CLOSED, Instant.now());
    // WHEN the requester replies to it
    IngestOutcome o = viaS3Event(stack, TestMail.from("ola@customer.example")
        .header("In-Reply-To", "<" + first.messageId() + ">").bytes());
    // THEN a new ticket links back to the closed one, which stays closed
    long m = ticketOf(o);
    assertNotEquals(n, m);
    assertEquals(Long.valueOf(n), repo(stack).find(m).orElseThrow().linkedFrom());
    assertEquals(TicketStatus.CLOSED, repo(stack).find(n).orElseThrow().status());
  }

  @Test
  void handleRequest_shouldAttachAutoReplyWithoutReopening_whenOutOfOfficeAnswersASolvedTicket(LocalStack stack)
      throws Exception {
    // GIVEN a solved ticket
    TestMail first = TestMail.from("pat@customer.example");
    long n = ticketOf(viaS3Event(stack, first.bytes()));
    repo(stack).changeStatus(n, TicketStatus.SOLVED, Instant.now());
    // WHEN the requester's out-of-office answers our last mail
    IngestOutcome o = viaS3Event(stack, TestMail.from("pat@customer.example").header("Auto-Submitted", "auto-replied")
        .header("Subject", "Out of office: Order not arrived").header("In-Reply-To", "<" + first.messageId() + ">")
        .body("I am away until Monday.\n").bytes());
    // THEN it is on the ticket, which stays solved
    assertEquals(n, ticketOf(o));
    assertEquals(TicketStatus.SOLVED, repo(stack).find(n).orElseThrow().status());
    assertEquals("auto-reply", repo(stack).messages(n).get(1).autoGenerated());
  }

  @Test
  void handleRequest_shouldDropMail_whenItComesFromOurOwnSupportAddress(LocalStack stack) throws Exception {
    // GIVEN a mail from one of our own addresses (two helpdesk addresses answering each other would loop)
    byte[] raw = TestMail.from("support@shop.example").header("To", "billing@shop.example").bytes();
    // WHEN it arrives
    IngestOutcome o = viaS3Event(stack, raw);
    // THEN nothing is created
    assertInstanceOf(IngestOutcome.Dropped.class, o);
  }

  @Test
  void handleRequest_shouldQuarantineWithoutTicket_whenSesVirusVerdictFails(LocalStack stack) throws Exception {
    // GIVEN a stored mail whose receipt says it carries a virus
    String key = stack.storeRaw(TestMail.from("quinn@customer.example").bytes());
    // WHEN the SES receipt event is handled
    IngestOutcome o = single(handle(stack, sesEvent(key, "support@shop.example", "PASS", "FAIL")));
    // THEN it is copied to quarantine, the raw object stays, and no ticket exists
    IngestOutcome.Quarantined q = assertInstanceOf(IngestOutcome.Quarantined.class, o);
    assertEquals("quarantine/" + key, q.quarantineKey());
    stack.s3().headObject(b -> b.bucket(LocalStack.BUCKET).key(q.quarantineKey()));
    stack.s3().headObject(b -> b.bucket(LocalStack.BUCKET).key(key));
  }

  @Test
  void handleRequest_shouldMarkTicketSpam_whenSesSpamVerdictFails(LocalStack stack) throws Exception {
    // GIVEN a stored mail flagged as spam by SES
    String key = stack.storeRaw(TestMail.from("rob@customer.example").bytes());
    // WHEN the SES receipt event is handled
    IngestOutcome o = single(handle(stack, sesEvent(key, "support@shop.example", "FAIL", "PASS")));
    // THEN a ticket exists for review, in the spam state (no acknowledgement will be sent for it)
    assertEquals(TicketStatus.SPAM, repo(stack).find(ticketOf(o)).orElseThrow().status());
  }

  @Test
  void replay_shouldIngestDeadLetter_whenPoisonMessageWasFixed(LocalStack stack) throws Exception {
    // GIVEN an event for an object that is not there yet: every attempt fails and it lands in the DLQ
    String key = "inbound/poison-" + System.nanoTime();
    IngestOutcome first = single(handle(stack, s3Event(key)));
    assertInstanceOf(IngestOutcome.DeadLettered.class, first);
    var dead = stack.sqs().receiveMessage(b -> b.queueUrl(stack.config().inboundDeadLetterQueueUrl())
        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    var ours = dead.stream().filter(m -> m.body().contains(key.replace("/", "%2F")) || m.body().contains(key)).toList();
    assertEquals(1, ours.size(), dead.toString());
    // WHEN the object appears and the dead letter is replayed through the same handler
    stack.s3().putObject(b -> b.bucket(LocalStack.BUCKET).key(key), RequestBody.fromBytes(
        TestMail.from("sam@customer.example").bytes()));
    IngestOutcome replayed = single(handle(stack, ours.get(0).body().getBytes(StandardCharsets.UTF_8)));
    // THEN it becomes a ticket
    assertInstanceOf(IngestOutcome.Created.class, replayed);
  }

  @Test
  void handleRequest_shouldDeadLetterWithReason_whenMailIsUnreadable(LocalStack stack) throws Exception {
    // GIVEN an empty object where a mail should be
    String key = stack.storeRaw(new byte[0]);
    // WHEN it is handled
    IngestOutcome o = single(handle(stack, s3Event(key)));
    // THEN it is dead-lettered with the reason, and the raw object is still there
    assertInstanceOf(IngestOutcome.DeadLettered.class, o);
    assertTrue(((IngestOutcome.DeadLettered) o).reason().contains("empty"), o.toString());
    stack.s3().headObject(b -> b.bucket(LocalStack.BUCKET).key(key));
  }

  @Test
  void handleRequest_shouldRecordBounceOnOriginalTicketAndSuppress_whenDeliveryReportArrives(LocalStack stack)
      throws Exception {
    // GIVEN a ticket whose first message (ours to answer) bounced back from a dead mailbox
    TestMail first = TestMail.from("uma@customer.example").header("Cc", "gone@customer.example");
    long n = ticketOf(viaS3Event(stack, first.bytes()));
    String dsn = """
        From: Mail Delivery Subsystem <mailer-daemon@mx.customer.example>
        To: support@shop.example
        Subject: Undelivered Mail Returned to Sender
        Date: Mon, 23 Nov 2026 10:05:00 +0100
        Message-ID: <dsn-%1$s@mx.customer.example>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain; charset=us-ascii

        Your message could not be delivered to gone@customer.example: the mailbox does not exist.

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.customer.example

        Final-Recipient: rfc822; gone@customer.example
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        --b1
        Content-Type: text/rfc822-headers

        From: support@shop.example
        To: gone@customer.example
        Subject: Re: Order not arrived
        Message-ID: <%1$s>

        --b1--
        """.formatted(first.messageId()).replace("\n", "\r\n");
    // WHEN the delivery report arrives
    IngestOutcome o = viaS3Event(stack, dsn.getBytes(StandardCharsets.UTF_8));
    // THEN it is an event on the original's ticket, not a new ticket, and the dead address is suppressed
    IngestOutcome.BounceRecorded b = assertInstanceOf(IngestOutcome.BounceRecorded.class, o);
    assertEquals(Long.valueOf(n), b.ticket());
    assertEquals(List.of("gone@customer.example"), b.suppressed());
    assertTrue(repo(stack).isSuppressed("gone@customer.example"));
    // (the ticket's other event is its classification, carried by its first message)
    var events = repo(stack).events(n).stream().filter(e -> !e.type().equals("classified")).toList();
    assertEquals(1, events.size(), events.toString());
    assertEquals("bounce", events.get(0).type());
    assertTrue(events.get(0).detail().contains("5.1.1"), events.get(0).detail());
    assertEquals(1, repo(stack).messages(n).size());
  }

  @Test
  void handleRequest_shouldStoreMessageWithinItemLimits_whenMailHasThousandsOfRecipientsAndParts(LocalStack stack)
      throws Exception {
    // GIVEN a mail to 3,000 addresses with 300 small attachments (DynamoDB refuses items over 400 KB)
    StringBuilder cc = new StringBuilder();
    for (int i = 0; i < 3000; i++) cc.append(i == 0 ? "" : ", ").append("person").append(i).append("@crowd.example");
    StringBuilder body = new StringBuilder("--b\nContent-Type: text/plain\n\nSee the attached files.\n");
    for (int i = 0; i < 300; i++) {
      body.append("--b\nContent-Type: text/plain; name=\"note").append(i).append(".txt\"\n")
          .append("Content-Disposition: attachment; filename=\"note").append(i).append(".txt\"\n\nnote ")
          .append(i).append("\n");
    }
    body.append("--b--\n");
    byte[] raw = TestMail.from("vera@customer.example").header("Cc", cc.toString())
        .header("Content-Type", "multipart/mixed; boundary=\"b\"").body(body.toString()).bytes();
    // WHEN it arrives
    IngestOutcome o = viaS3Event(stack, raw);
    // THEN the ticket and message exist, the item lists a bounded number of attachments, and all 300 are in S3
    long n = ticketOf(o);
    TicketMessage m = repo(stack).messages(n).get(0);
    assertEquals(100, m.attachments().size());
    String prefix = m.attachments().get(0).key().substring(0, m.attachments().get(0).key().lastIndexOf('/') + 1);
    int stored = stack.s3().listObjectsV2(b -> b.bucket(LocalStack.BUCKET).prefix(prefix)).keyCount();
    assertEquals(300, stored);
    assertTrue(repo(stack).find(n).orElseThrow().participants().size() <= 50);
  }
}
