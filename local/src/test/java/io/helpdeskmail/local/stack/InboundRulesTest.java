package io.helpdeskmail.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository;
import io.helpdeskmail.config.ConfigException;
import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.functions.inbound.InboundMail;
import io.helpdeskmail.inbound.IngestOutcome;
import io.helpdeskmail.ticket.Ticket;
import io.helpdeskmail.ticket.TicketEvent;
import io.helpdeskmail.ticket.TicketStatus;
import io.helpdeskmail.config.SupportConfig;
import io.helpdeskmail.config.SupportConfigLoader;
import io.helpdeskmail.rules.AgentWorkload;
import io.helpdeskmail.rules.Classifier;
import io.helpdeskmail.rules.TicketUpdates;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules stage inside ingest, against the emulators with the example shop's configuration: what a ticket is
 * routed to, the trace it stores, reply rules, routing that reads the assignee index, and a broken
 * configuration failing at cold start.
 */
@ExtendWith(LocalStackExtension.class)
class InboundRulesTest {
  private static DynamoTicketRepository repo(LocalStack stack) {
    return new DynamoTicketRepository(stack.dynamoDb(), LocalStack.TABLE);
  }

  private static long created(List<IngestOutcome> outcomes) {
    assertEquals(1, outcomes.size(), outcomes.toString());
    return assertInstanceOf(IngestOutcome.Created.class, outcomes.get(0)).ticket();
  }

  @Test
  void ingest_shouldRouteAndStoreTrace_whenFrenchCustomerReportsAnOverheatingPhone(LocalStack stack) {
    // GIVEN a French mail to tech@ about a phone that overheats, with an order number
    TestMail mail = TestMail.from("Camille Leroy <camille@client.example>").header("To", "tech@shop.example")
        .header("Subject", "Problème avec mon téléphone")
        .body("Bonjour,\nDepuis hier le téléphone chauffe énormément quand je le recharge. Commande n° 4451203.\n"
            + "Pouvez-vous m'aider ?\n");
    // WHEN it is ingested
    long n = created(stack.receive(mail.bytes()));
    // THEN the overheating rule sent it to the replacements team at high priority, a French-speaking agent with
    // the phones skill has it, the order number is a field, and the ticket's events hold the trace
    Ticket t = repo(stack).find(n).orElseThrow();
    assertEquals("exchange", t.routing().department());
    assertEquals("replacements", t.routing().team());
    assertEquals("high", t.routing().priority());
    assertEquals("defect", t.routing().category());
    assertTrue(t.routing().tags().containsAll(List.of("overheating", "safety")), t.routing().tags().toString());
    assertEquals("lea@shop.example", t.routing().assignee());
    assertEquals("4451203", t.routing().customFields().get("order-number"));
    List<TicketEvent> events = repo(stack).events(n);
    TicketEvent classified = events.stream().filter(e -> e.type().equals("classified")).findFirst().orElseThrow();
    assertTrue(classified.detail().contains("overheating phone: text contains \"le téléphone chauffe\""), classified.detail());
    assertTrue(classified.detail().contains("[routing]: team replacements"), classified.detail());
  }

  @Test
  void ingest_shouldEscalateToSeniorAgent_whenAngryPlatinumCustomerWrites(LocalStack stack) {
    // GIVEN an angry mail from a platinum-tier domain to the general address
    TestMail mail = TestMail.from("Director <ops@bigcorp.example>").header("Subject", "Third parcel lost")
        .body("This is totally unacceptable. Our third order in a row has not been delivered and nobody answers.\n");
    // WHEN it is ingested
    long n = created(stack.receive(mail.bytes()));
    // THEN the tone lexicon tagged it angry, the VIP rule made it urgent, and only a senior agent may take it
    Ticket t = repo(stack).find(n).orElseThrow();
    assertEquals("platinum", t.routing().tier());
    assertEquals("urgent", t.routing().priority());
    assertTrue(t.routing().tags().containsAll(List.of("angry", "escalation")), t.routing().tags().toString());
    assertEquals("amelie@shop.example", t.routing().assignee()); // the front desk's only senior
  }

  @Test
  void ingest_shouldAlternateAgents_whenTicketsArriveOneByOneForARoundRobinTeam(LocalStack stack) {
    // GIVEN the billing team (round robin; Marc and Emma both read English)
    Map<String, Integer> counts = new HashMap<>();
    String previous = null;
    for (int i = 0; i < 6; i++) {
      TestMail mail = TestMail.from("payer" + i + "@client.example").header("To", "billing@shop.example")
          .header("Subject", "Question about my invoice " + i)
          .body("Hello, I was charged twice for the same invoice last week, please look into it for me.\n");
      // WHEN the tickets are ingested one after another
      long n = created(stack.receive(mail.bytes()));
      String agent = repo(stack).find(n).orElseThrow().routing().assignee();
      // THEN each goes to the agent who waited longest, read from the assignee index: they alternate
      assertNotEquals(previous, agent, "ticket " + i);
      counts.merge(agent, 1, Integer::sum);
      previous = agent;
    }
    assertEquals(Map.of("marc@shop.example", 3, "emma@shop.example", 3), counts);
  }

  @Test
  void ingest_shouldRunCustomerReplyRules_whenTheCustomerWritesAgain(LocalStack stack) {
    // GIVEN a ticket
    TestMail first = TestMail.from("noor@client.example");
    long n = created(stack.receive(first.bytes()));
    // WHEN the customer answers in the thread
    TestMail reply = TestMail.from("noor@client.example").header("Subject", "Re: Order not arrived")
        .header("In-Reply-To", "<" + first.messageId() + ">").body("Any news about my parcel? It is still not here.\n");
    List<IngestOutcome> outcomes = stack.receive(reply.bytes());
    // THEN the reply rules tagged the ticket as waiting for an agent, and the reply's message carries that trace
    assertInstanceOf(IngestOutcome.Threaded.class, outcomes.get(0));
    Ticket t = repo(stack).find(n).orElseThrow();
    assertTrue(t.routing().tags().contains("awaiting-agent"), t.routing().tags().toString());
    assertEquals(2, t.messageCount());
    assertTrue(repo(stack).events(n).stream().anyMatch(e -> e.type().equals("classified")
        && e.detail().contains("customer waiting again")), repo(stack).events(n).toString());
  }

  @Test
  void create_shouldFailAtColdStartNamingFileAndLine_whenConfigurationIsInvalid(LocalStack stack, @TempDir Path dir)
      throws Exception {
    // GIVEN a configuration whose rule names a team that does not exist
    Path file = dir.resolve("helpdesk.yaml");
    Files.writeString(file, """
        departments:
          - name: general
            addresses: [support@shop.example]
        rules:
          - name: to nowhere
            then: { team: ghosts }
        """);
    HelpdeskConfig c = stack.config();
    HelpdeskConfig broken = new HelpdeskConfig(c.tableName(), c.mailBucket(), c.inboundPrefix(),
        c.inboundDeadLetterQueueUrl(), c.supportAddresses(), c.replyTokenSecret(), c.inlineTextLimitBytes(),
        file.toString(), c.aws());
    // WHEN the function is built, as on a cold start
    ConfigException e = assertThrows(ConfigException.class, () -> InboundMail.create(broken));
    // THEN the message says which file, which line and what is wrong
    assertTrue(e.getMessage().contains(file + ":6: rules[0] (to nowhere).then.team: unknown team \"ghosts\""),
        e.getMessage());
  }

  @Test
  void create_shouldLoadConfigurationFromS3AfterTheClientsExist_whenItLivesInTheMailBucket(LocalStack stack) {
    // GIVEN a configuration stored in S3 (the cold start's second thread leaves it to the first, which has the
    // S3 client) whose only rule tags mail about invoices
    stack.s3().putObject(b -> b.bucket(LocalStack.BUCKET).key("config/helpdesk.yaml"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("""
            departments:
              - name: billing
                addresses: [support@shop.example]
            rules:
              - name: invoices
                when: { field: subject, contains: invoice }
                then: { add-tags: [invoice-from-s3] }
            """));
    HelpdeskConfig c = stack.config();
    HelpdeskConfig fromS3 = new HelpdeskConfig(c.tableName(), c.mailBucket(), c.inboundPrefix(),
        c.inboundDeadLetterQueueUrl(), c.supportAddresses(), c.replyTokenSecret(), c.inlineTextLimitBytes(),
        "s3://" + LocalStack.BUCKET + "/config/helpdesk.yaml", c.aws());
    // WHEN the function is built, as on a cold start, and a mail about an invoice arrives
    InboundMail function = InboundMail.create(fromS3);
    String key = stack.storeRaw(TestMail.from("rita@client.example").header("Subject", "Wrong invoice amount")
        .body("Hello, the invoice for my last order shows the wrong amount.\n").bytes());
    long n = created(function.handle(LocalStack.s3Event(LocalStack.BUCKET, key)));
    // THEN the ticket went through the S3 configuration's rule
    Ticket t = repo(stack).find(n).orElseThrow();
    assertEquals("billing", t.routing().department());
    assertTrue(t.routing().tags().contains("invoice-from-s3"), t.routing().tags().toString());
  }

  @Test
  void ticketUpdates_shouldRunAgentReplyAndStatusRules_whenAgentsWorkTheTicket(LocalStack stack) {
    // GIVEN a ticket whose customer wrote twice (the reply rules tagged it awaiting-agent)
    TestMail first = TestMail.from("ivy@client.example");
    long n = created(stack.receive(first.bytes()));
    stack.receive(TestMail.from("ivy@client.example").header("Subject", "Re: Order not arrived")
        .header("In-Reply-To", "<" + first.messageId() + ">").body("Hello again, any news about my parcel?\n").bytes());
    assertTrue(repo(stack).find(n).orElseThrow().routing().tags().contains("awaiting-agent"));
    SupportConfig config = SupportConfigLoader.loadResource("helpdesk/shop.example.yaml");
    TicketUpdates updates = new TicketUpdates(repo(stack), new Classifier(config.rules(),
        new AgentWorkload.InMemory(), null, Clock.systemUTC()), Clock.systemUTC());
    // WHEN an agent answers, then solves it
    Ticket answered = updates.agentReplied(n, "amelie@shop.example", "Your parcel left our warehouse today.");
    Ticket solved = updates.changeStatus(n, TicketStatus.SOLVED, "amelie@shop.example");
    // THEN the same engine ran each trigger's rules, the ticket holds the result, and each update is an event
    // naming the rule that fired
    assertTrue(!answered.routing().tags().contains("awaiting-agent"), answered.routing().tags().toString());
    assertEquals(TicketStatus.SOLVED, solved.status());
    List<TicketEvent> events = repo(stack).events(n);
    assertTrue(events.stream().anyMatch(e -> e.type().equals("agent-reply") && e.detail().contains("agent answered")),
        events.toString());
    assertTrue(events.stream().anyMatch(e -> e.type().equals("status-changed")
        && e.detail().startsWith("status new -> solved by amelie@shop.example")), events.toString());
  }
}
