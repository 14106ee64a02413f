package io.helpdeskmail.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helpdeskmail.mail.InspectedMail;
import io.helpdeskmail.mail.MailInspector;
import io.helpdeskmail.rules.AgentWorkload;
import io.helpdeskmail.rules.Classification;
import io.helpdeskmail.rules.Classifier;
import io.helpdeskmail.rules.MatchedRule;
import io.helpdeskmail.rules.RuleInput;
import io.helpdeskmail.rules.Trigger;
import io.helpdeskmail.ticket.ReplyAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The shipped example configuration loads, and its rules do what their comments say on hand-written mail. */
class ExampleConfigTest {
  private static final SupportConfig CONFIG = SupportConfigLoader.loadResource("helpdesk/shop.example.yaml");

  private final Classifier classifier = new Classifier(CONFIG.rules(), new AgentWorkload.InMemory(), atts -> "",
      Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

  private static RuleInput mail(String to, String from, String language, String subject, String text) {
    return new RuleInput(subject, text, text, null, from, List.of(to), language, List.of(), 1, null, null);
  }

  private static List<String> steps(Classification c) {
    return c.matchedRules().stream().map(MatchedRule::rule).toList();
  }

  private static final Supplier<String> NOT_READ = () -> {
    throw new AssertionError("attachment text extracted although no rule needed it");
  };

  @Test
  void loadResource_shouldLoadEverySection_whenReadingTheShippedExample() {
    // GIVEN / WHEN the example loaded above without a ConfigException
    // THEN every section is there
    assertEquals("classpath:helpdesk/shop.example.yaml", CONFIG.source());
    assertEquals(List.of("general", "returns", "exchange", "billing", "technical-support"),
        CONFIG.rules().departments().stream().map(d -> d.name()).toList());
    assertEquals(5, CONFIG.rules().teams().size());
    assertEquals(List.of("platinum", "gold"), CONFIG.rules().vipTiers().stream().map(t -> t.name()).toList());
    assertEquals(Set.of("order-number", "invoice-number", "subscription-id", "imei", "device-model"),
        CONFIG.rules().fields().keySet());
    assertEquals(Set.of("paris", "extended"), CONFIG.calendars().keySet());
    assertEquals(Set.of("acknowledgement", "offline-acknowledgement"), CONFIG.templates().keySet());
    assertEquals(22, CONFIG.rules().rules().size());
    assertEquals(Set.of("urgent", "angry"), CONFIG.rules().tone().tags().keySet());
    assertEquals(24, CONFIG.rules().tone().shoutingMinLetters());
  }

  @Test
  void classifyNew_shouldSendOverheatingPhoneToReplacements_whenFrenchMailReachesTech() {
    // GIVEN a French mail to tech@ about a phone that heats up
    RuleInput in = mail("tech@shop.example", "client@mail.example", "fr", "Problème de charge",
        "Bonjour, depuis hier le téléphone chauffe beaucoup pendant la charge. Merci de m'aider.");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN it moves to the exchange department's replacements team, high priority, for a French agent with phones
    assertEquals("exchange", c.department());
    assertEquals("replacements", c.team());
    assertEquals("defect", c.category());
    assertEquals("high", c.priority());
    assertEquals(List.of("overheating", "safety"), c.tags());
    assertEquals(Set.of("phones"), c.skills());
    assertEquals("lea@shop.example", c.assignee());
    assertEquals(List.of("[department]", "overheating phone", "[routing]"), steps(c));
    assertEquals(new MatchedRule("overheating phone", "text contains \"le téléphone chauffe\""), c.matchedRules().get(1));
  }

  @Test
  void classifyNew_shouldEscalateToUrgent_whenPlatinumCustomerIsAngry() {
    // GIVEN an angry English mail from a platinum domain's subdomain to the general address
    RuleInput in = mail("support@shop.example", "jo.smith@eu.bigcorp.example", "en", "Parcel",
        "This is unacceptable. Where is my parcel?");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN the angry VIP rule makes it urgent with escalation, and a senior agent gets it
    assertEquals("platinum", c.tier());
    assertEquals("urgent", c.priority());
    assertEquals(Set.of("angry", "delivery", "needs-care", "escalation"), Set.copyOf(c.tags()));
    assertEquals("delivery", c.category());
    assertEquals("amelie@shop.example", c.assignee());
    assertEquals(List.of("[department]", "[vip]", "[tone]", "delivery", "angry customer", "angry VIP", "[routing]"),
        steps(c));
  }

  @Test
  void classifyNew_shouldRaisePlatinumToHigh_whenCustomerIsCalm() {
    // GIVEN a calm mail from the platinum partner's CEO
    RuleInput in = mail("support@shop.example", "CEO@partner.example", "en", "Question", "Do you sell cases?");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN platinum customers come first
    assertEquals("high", c.priority());
    assertEquals(List.of(), c.tags());
  }

  @Test
  void classifyNew_shouldCaptureOrderNumber_whenFrenchSubjectNamesIt() {
    // GIVEN "commande n° 1234567" in a French subject
    RuleInput in = mail("support@shop.example", "client@mail.example", "fr", "Ma commande n° 1234567",
        "Bonjour, je n'ai toujours pas de nouvelles.");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN the order number is a custom field
    assertEquals(Map.of("order-number", "1234567"), c.customFields());
    assertTrue(steps(c).contains("order number"));
  }

  @Test
  void classifyNew_shouldCaptureOrderNumber_whenEnglishTextWritesItWithHash() {
    // GIVEN "order #00123456" in the text
    RuleInput in = mail("support@shop.example", "client@mail.example", "en", "Hello",
        "Hi, about my Order #00123456: it never came.");
    // WHEN / THEN
    assertEquals("00123456", classifier.classifyNew(in).customFields().get("order-number"));
  }

  @Test
  void classifyNew_shouldCaptureImeiAndSubscription_whenTechMailNamesThem() {
    // GIVEN a mail with a subscription id and an IMEI
    RuleInput in = mail("tech@shop.example", "client@mail.example", "en", "SIM issue SUB-7K2M9Q4X",
        "No signal since Monday. IMEI: 356938035643809");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN both fields are captured and the category follows the subscription
    assertEquals(Map.of("subscription-id", "SUB-7K2M9Q4X", "imei", "356938035643809"), c.customFields());
    assertEquals("subscription", c.category());
    assertTrue(c.tags().contains("device-issue"));
    assertEquals("technical-support", c.department());
  }

  @Test
  void classifyNew_shouldReadInvoiceNumberFromPdf_whenBillingMailHasOne() {
    // GIVEN a mail to billing with a PDF whose text holds the invoice number
    AtomicInteger reads = new AtomicInteger();
    RuleInput in = new RuleInput("Double charge", "I was charged twice, see attached.", null, () -> {
      reads.incrementAndGet();
      return "Shop Example\nInvoice INV-2026-00412\nTotal 129.00 EUR";
    }, "client@mail.example", List.of("billing@shop.example"), "en",
        List.of(new RuleInput.AttachmentInfo("invoice.pdf", "application/pdf")), 1, null, null);
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN the number comes from the attachment, read once
    assertEquals("INV-2026-00412", c.customFields().get("invoice-number"));
    assertEquals(1, reads.get());
    assertEquals("billing", c.department());
  }

  @Test
  void classifyNew_shouldNotReadAttachments_whenNoRuleNeedsThem() {
    // GIVEN a mail with a PDF to the returns address (the invoice rule only looks at billing and general)
    RuleInput in = new RuleInput("Return", "I want to return these headphones", null, NOT_READ,
        "client@mail.example", List.of("returns@shop.example"), "en",
        List.of(new RuleInput.AttachmentInfo("label.pdf", "application/pdf")), 1, null, null);
    // WHEN / THEN no extraction happens (the supplier would fail the test)
    assertEquals("returns", classifier.classifyNew(in).department());
  }

  @Test
  void classifyNew_shouldSendRefundsToBillingWithBothSkills_whenGeneralMailAsksForMoney() {
    // GIVEN an English refund request and a French one, to the general address
    RuleInput en = mail("support@shop.example", "a@mail.example", "en", "Hello", "I would like my money back.");
    RuleInput fr = mail("support@shop.example", "b@mail.example", "fr", "Bonjour", "Je voudrais être remboursée.");
    // WHEN
    Classification cen = classifier.classifyNew(en);
    Classification cfr = classifier.classifyNew(fr);
    // THEN both reach billing, need invoices and refunds, so only Marc qualifies
    for (Classification c : List.of(cen, cfr)) {
      assertEquals("refund", c.category());
      assertEquals("billing", c.department());
      assertEquals("billing", c.team());
      assertEquals(Set.of("invoices", "refunds"), c.skills());
      assertEquals("marc@shop.example", c.assignee());
    }
  }

  @Test
  void classifyNew_shouldMoveReturnToReturnsTeam_whenGeneralMailAsksToSendBack() {
    // GIVEN a French return request to the general address
    RuleInput in = mail("support@shop.example", "c@mail.example", "fr", "Retour",
        "Je souhaite renvoyer le casque, il ne me plaît pas.");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN the returns team, French speakers only
    assertEquals("returns", c.department());
    assertEquals("returns", c.team());
    assertEquals("return", c.category());
    assertTrue(Set.of("sophie@shop.example", "lucas@shop.example").contains(c.assignee()), c.assignee());
  }

  @Test
  void classifyNew_shouldMoveExchangeToReplacements_whenReturnsMailAsksForAnotherSize() {
    // GIVEN a mail to returns asking for another size
    RuleInput in = mail("returns@shop.example", "d@mail.example", "en", "Size", "Wrong size, can I get a replacement?");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN
    assertEquals("exchange", c.department());
    assertEquals("replacements", c.team());
    assertEquals("exchange", c.category());
    // least-open: nobody has open tickets yet, so the first English speaker in the team's order
    assertEquals("lea@shop.example", c.assignee());
  }

  @Test
  void classifyNew_shouldStopAfterLegalThreat_whenMailMentionsALawyer() {
    // GIVEN a refund request with a legal threat
    RuleInput in = mail("support@shop.example", "e@mail.example", "en", "Refund",
        "If I do not get a refund this week my lawyer will contact you.");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN the legal rule decides and stops: no refund category, no angry-customer priority
    assertEquals("urgent", c.priority());
    assertEquals("amelie@shop.example", c.assignee());
    assertEquals("front-desk", c.team());
    assertTrue(c.tags().contains("legal"));
    assertNull(c.category());
    assertFalse(c.tags().contains("needs-care"));
    assertEquals(List.of("[department]", "[tone]", "legal threat"), steps(c));
  }

  @Test
  void classifyNew_shouldRaiseUrgentRequest_whenLexiconFindsUrgency() {
    // GIVEN an urgent French mail
    RuleInput in = mail("support@shop.example", "f@mail.example", "fr", "Question",
        "Pouvez-vous me répondre dès que possible ?");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN
    assertEquals(List.of("urgent"), c.tags());
    assertEquals("high", c.priority());
  }

  @Test
  void classifyNew_shouldUseReturnsDepartment_whenCustomerAnswersOnItsReplyAddress() {
    // GIVEN a mail to a signed reply address made from returns@
    String reply = new ReplyAddress("an-example-secret-key").forTicket(1234, "returns@shop.example");
    RuleInput in = mail(reply, "g@mail.example", "en", "Re: your return", "Thanks.");
    // WHEN / THEN
    assertEquals("returns", classifier.classifyNew(in).department());
  }

  @Test
  void classifyNew_shouldFallBackToGeneral_whenMailReachesAnotherAddress() {
    // GIVEN a mail sent to an address that is no department's
    RuleInput in = mail("info@shop.example", "h@mail.example", "en", "Hi", "Opening hours?");
    // WHEN
    Classification c = classifier.classifyNew(in);
    // THEN
    assertEquals("general", c.department());
    assertEquals("front-desk", c.team());
  }

  @Test
  void update_shouldFollowTheTicketsLife_whenRepliesAndStatusChangesArrive() {
    // GIVEN an angry gold customer's ticket
    Classification created = classifier.classifyNew(mail("support@shop.example", "marie.dupont@mail.example", "fr",
        "Colis", "C'est inadmissible, toujours pas de colis !"));
    assertEquals(Set.of("angry", "delivery", "needs-care", "escalation"), Set.copyOf(created.tags()));
    // WHEN the customer writes for the sixth time
    RuleInput reply = new RuleInput("Re: Colis", "Alors ?", null, null, "marie.dupont@mail.example",
        List.of("support@shop.example"), "fr", List.of(), 6, "open", null);
    Classification waiting = classifier.update(Trigger.CUSTOMER_REPLY, reply, created);
    // THEN it waits for an agent and is long-running
    assertTrue(waiting.tags().containsAll(List.of("awaiting-agent", "long-running")), waiting.tags().toString());
    assertEquals(List.of("customer waiting again", "long-running case"), steps(waiting));
    assertEquals(created.assignee(), waiting.assignee());
    // WHEN an agent answers
    RuleInput answer = new RuleInput("Re: Colis", "Votre colis arrive demain.", null, null, "amelie@shop.example",
        List.of("support@shop.example"), "fr", List.of(), 7, "pending", null);
    Classification answered = classifier.update(Trigger.AGENT_REPLY, answer, waiting);
    // THEN it no longer waits
    assertFalse(answered.tags().contains("awaiting-agent"));
    // WHEN the ticket is solved
    RuleInput solvedChange = new RuleInput("", "", null, null, null, List.of(), null, List.of(), 7, "solved", "pending");
    Classification solved = classifier.update(Trigger.STATUS_CHANGED, solvedChange, answered);
    // THEN the escalation tags are gone, the others stay
    assertEquals(Set.of("angry", "delivery", "long-running"), Set.copyOf(solved.tags()));
    assertEquals(List.of("solved cases calm down"), steps(solved));
  }

  @Test
  void classifyNew_shouldClassifyInspectedMail_whenRawMessageGoesThroughTheInspector() {
    // GIVEN a raw French message to tech@ (Cc returns@) about an overheating phone
    String raw = """
        From: Camille Petit <camille.petit@mail.example>
        To: Support technique <tech@shop.example>
        Cc: returns@shop.example
        Subject: =?UTF-8?Q?T=C3=A9l=C3=A9phone_br=C3=BBlant?=
        Message-ID: <c1@mail.example>
        Date: Mon, 2 Mar 2026 10:12:00 +0100
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Bonjour,

        Depuis la dernière mise à jour, mon téléphone chauffe énormément, même quand je ne m'en sers pas.
        Hier soir il est devenu si chaud que je n'arrivais plus à le tenir dans la main. Est-ce dangereux ?
        Pouvez-vous me dire ce que je dois faire ? C'est la commande numéro 7654321.

        Merci d'avance,
        Camille
        """.replace("\n", "\r\n");
    InspectedMail im = ((MailInspector.Outcome.Inspected) MailInspector.standard()
        .inspect(raw.getBytes(StandardCharsets.UTF_8))).mail();
    // WHEN
    Classification c = classifier.classifyNew(im, RuleInput.recipients(im));
    // THEN the inspector's language and recipients feed the rules: the To address picks the department, the
    // overheating rule moves it, the order number is captured, and the French-speaking phone expert gets it
    assertEquals("fr", im.language());
    assertEquals(List.of("tech@shop.example", "returns@shop.example"), RuleInput.recipients(im));
    assertEquals("exchange", c.department());
    assertEquals("high", c.priority());
    assertEquals(List.of("overheating", "safety"), c.tags());
    assertEquals(Map.of("order-number", "7654321"), c.customFields());
    assertEquals("lea@shop.example", c.assignee());
  }
}
