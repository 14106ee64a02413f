package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ActionTest {
  private static final Field.Ref SUBJECT = new Field.Ref(Field.SUBJECT, null);
  private static final Field.Ref TEXT = new Field.Ref(Field.TEXT, null);
  private static final Field.Ref ATTACHMENT_TEXT = new Field.Ref(Field.ATTACHMENT_TEXT, null);
  private static final Field.Ref FROM = new Field.Ref(Field.FROM, null);
  private static final Pattern ORDER_NUMBER = Pattern.compile("[0-9]{6,8}");

  private static Classification.Builder fresh() {
    return Classification.NONE.toBuilder();
  }

  private static Action.CaptureField capture(String name, List<Field.Ref> from, String regex, Pattern valid) {
    return new Action.CaptureField(name, from, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        valid);
  }

  private static Map<String, String> applied(Action a, Inputs in) {
    Classification.Builder c = fresh();
    a.apply(c, in.facts(c));
    return c.build().customFields();
  }

  // ---- simple setters ---------------------------------------------------------------------------------------

  @Test
  void setDepartment_shouldReplaceDepartment_whenApplied() {
    // GIVEN a ticket of the general department
    Classification.Builder c = fresh().department("general");
    // WHEN
    new Action.SetDepartment("billing").apply(c, Inputs.mail().facts(c));
    // THEN
    assertEquals("billing", c.build().department());
  }

  @Test
  void setCategory_shouldSetCategory_whenApplied() {
    // GIVEN a ticket without category
    Classification.Builder c = fresh();
    // WHEN
    new Action.SetCategory("refund").apply(c, Inputs.mail().facts(c));
    // THEN
    assertEquals("refund", c.build().category());
  }

  @Test
  void setPriority_shouldStoreLabel_whenApplied() {
    // GIVEN a normal ticket
    Classification.Builder c = fresh();
    c.priority = "normal";
    // WHEN
    new Action.SetPriority(Priority.URGENT).apply(c, Inputs.mail().facts(c));
    // THEN the priority is stored as its configuration label
    assertEquals("urgent", c.build().priority());
  }

  @Test
  void addTags_shouldAppendWithoutDuplicates_whenSomeTagsExist() {
    // GIVEN a ticket tagged "delivery"
    Classification.Builder c = fresh().tag("delivery");
    // WHEN tags are added, one of them already present
    new Action.AddTags(List.of("angry", "delivery", "needs-care")).apply(c, Inputs.mail().facts(c));
    // THEN each tag is there once, in the order added
    assertEquals(List.of("delivery", "angry", "needs-care"), c.build().tags());
  }

  @Test
  void removeTags_shouldRemoveListedTags_whenSomeArePresent() {
    // GIVEN a ticket with three tags
    Classification.Builder c = fresh().tag("awaiting-agent").tag("vip").tag("needs-care");
    // WHEN two are removed, one of which is not present
    new Action.RemoveTags(List.of("awaiting-agent", "escalation", "needs-care")).apply(c, Inputs.mail().facts(c));
    // THEN only the third is left
    assertEquals(List.of("vip"), c.build().tags());
  }

  @Test
  void setTeam_shouldDropAssignee_whenAssigneeIsNotInTheNewTeam() {
    // GIVEN a ticket assigned to a front-desk agent
    Classification.Builder c = fresh().team("front-desk").assignee("tom@shop.example");
    // WHEN it moves to billing
    new Action.SetTeam("billing", Set.of("marc@shop.example", "emma@shop.example")).apply(c, Inputs.mail().facts(c));
    // THEN the team changes and the assignee is dropped, for routing to pick one in billing
    assertEquals("billing", c.build().team());
    assertNull(c.build().assignee());
  }

  @Test
  void setTeam_shouldKeepAssignee_whenAssigneeIsInTheNewTeam() {
    // GIVEN a ticket assigned to an agent who is in both teams
    Classification.Builder c = fresh().team("front-desk").assignee("marc@shop.example");
    // WHEN it moves to billing
    new Action.SetTeam("billing", Set.of("marc@shop.example")).apply(c, Inputs.mail().facts(c));
    // THEN
    assertEquals("marc@shop.example", c.build().assignee());
  }

  @Test
  void setAssignee_shouldSetAgent_whenApplied() {
    // GIVEN an unassigned ticket
    Classification.Builder c = fresh();
    // WHEN
    new Action.SetAssignee("amelie@shop.example").apply(c, Inputs.mail().facts(c));
    // THEN
    assertEquals("amelie@shop.example", c.build().assignee());
  }

  @Test
  void setTier_shouldMakeTicketVip_whenApplied() {
    // GIVEN an ordinary ticket
    Classification.Builder c = fresh();
    assertFalse(c.build().vip());
    // WHEN
    new Action.SetTier("gold").apply(c, Inputs.mail().facts(c));
    // THEN
    assertEquals("gold", c.build().tier());
    assertEquals(true, c.build().vip());
  }

  @Test
  void requireSkills_shouldAccumulateSkills_whenAppliedTwice() {
    // GIVEN a ticket
    Classification.Builder c = fresh();
    // WHEN two rules ask for skills
    new Action.RequireSkills(List.of("invoices")).apply(c, Inputs.mail().facts(c));
    new Action.RequireSkills(List.of("refunds", "invoices")).apply(c, Inputs.mail().facts(c));
    // THEN the ticket needs both
    assertEquals(Set.of("invoices", "refunds"), c.build().skills());
  }

  @Test
  void setField_shouldOverwriteValue_whenFieldIsAlreadySet() {
    // GIVEN a ticket with a device model
    Classification.Builder c = fresh();
    c.customFields.put("device-model", "X1");
    // WHEN
    new Action.SetField("device-model", "X2 Pro").apply(c, Inputs.mail().facts(c));
    // THEN
    assertEquals(Map.of("device-model", "X2 Pro"), c.build().customFields());
  }

  // ---- capture ----------------------------------------------------------------------------------------------

  @Test
  void captureField_shouldTakeGroupOne_whenPatternHasAGroup() {
    // GIVEN "order (digits)" and a subject naming an order
    Action a = capture("order-number", List.of(SUBJECT), "order\\s*#?\\s*([0-9]+)", null);
    // WHEN / THEN the group, not the whole match, is stored
    assertEquals(Map.of("order-number", "1234567"), applied(a, Inputs.mail().subject("ORDER #1234567 is late")));
  }

  @Test
  void captureField_shouldTakeNamedGroupValue_whenPatternHasOne() {
    // GIVEN a pattern whose first group is not the value
    Action a = capture("invoice-number", List.of(TEXT), "(invoice|facture)\\s*:?\\s*(?<value>INV-[0-9]{4}-[0-9]{5})", null);
    // WHEN / THEN the group named value wins over group 1
    assertEquals(Map.of("invoice-number", "INV-2026-00042"),
        applied(a, Inputs.mail().text("Facture : INV-2026-00042, payée")));
  }

  @Test
  void captureField_shouldTakeWholeMatch_whenPatternHasNoGroup() {
    // GIVEN a pattern without groups
    Action a = capture("subscription-id", List.of(TEXT), "SUB-[0-9A-Z]{8}", null);
    // WHEN / THEN
    assertEquals(Map.of("subscription-id", "sub-ab12cd34"), applied(a, Inputs.mail().text("my id is sub-ab12cd34")));
  }

  @Test
  void captureField_shouldSkipMatchFailingFieldPatternAndTakeNextMatch_whenTextHasSeveral() {
    // GIVEN an order-number field of 6 to 8 digits and a text where "order 12" comes before the real number
    Action a = capture("order-number", List.of(TEXT), "order\\s*([0-9]+)", ORDER_NUMBER);
    // WHEN
    Map<String, String> f = applied(a, Inputs.mail().text("I placed order 12 items... my order 12345678 did not come"));
    // THEN the invalid capture is skipped and the next match is taken
    assertEquals(Map.of("order-number", "12345678"), f);
  }

  @Test
  void captureField_shouldLeaveFieldAsItWas_whenNoMatchIsValid() {
    // GIVEN a ticket that already has an order number, and a mail with only invalid numbers
    Classification.Builder c = fresh();
    c.customFields.put("order-number", "7654321");
    Action a = capture("order-number", List.of(SUBJECT, TEXT), "order\\s*([0-9]+)", ORDER_NUMBER);
    // WHEN
    a.apply(c, Inputs.mail().subject("order 1").text("order 123456789").facts(c));
    // THEN the old value stays
    assertEquals(Map.of("order-number", "7654321"), c.build().customFields());
  }

  @Test
  void captureField_shouldFollowFromOrder_whenSeveralFieldsHaveAValue() {
    // GIVEN a subject and a text with different order numbers
    Inputs in = Inputs.mail().subject("order 1111111").text("order 2222222");
    // WHEN captured from [text, subject] and from [subject, text]
    // THEN the first field listed wins
    assertEquals("2222222", applied(capture("o", List.of(TEXT, SUBJECT), "order ([0-9]+)", ORDER_NUMBER), in).get("o"));
    assertEquals("1111111", applied(capture("o", List.of(SUBJECT, TEXT), "order ([0-9]+)", ORDER_NUMBER), in).get("o"));
  }

  @Test
  void captureField_shouldGoOnToNextField_whenFirstFieldHasOnlyInvalidMatches() {
    // GIVEN a subject with a too-short number and a text with a valid one
    Action a = capture("order-number", List.of(SUBJECT, TEXT), "order\\s*([0-9]+)", ORDER_NUMBER);
    // WHEN / THEN the text's number is taken
    assertEquals(Map.of("order-number", "1234567"),
        applied(a, Inputs.mail().subject("order 12").text("it is order 1234567")));
  }

  @Test
  void captureField_shouldStripValue_whenGroupHasSpaces() {
    // GIVEN a group that takes the spaces around the value
    Action a = capture("device-model", List.of(TEXT), "model:([^\\n]+)", null);
    // WHEN / THEN
    assertEquals(Map.of("device-model", "X2 Pro"), applied(a, Inputs.mail().text("Model:   X2 Pro  \nThanks")));
  }

  @Test
  void captureField_shouldReadValueFields_whenFromNamesOne() {
    // GIVEN a capture from the sender's address
    Action a = capture("customer", List.of(FROM), "^([^@]+)@", null);
    // WHEN / THEN
    assertEquals(Map.of("customer", "jean.dupont"), applied(a, Inputs.mail().from("jean.dupont@mail.example")));
  }

  @Test
  void captureField_shouldNotExtractAttachmentText_whenAnEarlierFieldHasTheValue() {
    // GIVEN a capture from [subject, attachment-text] and an attachment that must not be read
    Action a = capture("invoice-number", List.of(SUBJECT, ATTACHMENT_TEXT), "(INV-[0-9]{4}-[0-9]{5})", null);
    Inputs in = Inputs.mail().subject("About INV-2026-00001").attachmentText(() -> {
      throw new AssertionError("attachment text extracted although the subject had the value");
    });
    // WHEN / THEN the subject's value is taken without extraction
    assertEquals(Map.of("invoice-number", "INV-2026-00001"), applied(a, in));
  }

  @Test
  void captureField_shouldExtractAttachmentTextOnce_whenSeveralStepsReadIt() {
    // GIVEN an attachment text read by a condition and two captures
    AtomicInteger calls = new AtomicInteger();
    Classification.Builder c = fresh();
    RuleFacts facts = Inputs.mail().attachmentText(() -> {
      calls.incrementAndGet();
      return "Invoice INV-2026-00077\nIMEI 356938035643809";
    }).facts(c);
    // WHEN
    String why = new Condition.Test(ATTACHMENT_TEXT, new Operator.Contains(List.of(WordIndex.Phrase.of("invoice"))))
        .match(facts);
    capture("invoice-number", List.of(ATTACHMENT_TEXT), "(INV-[0-9]{4}-[0-9]{5})", null).apply(c, facts);
    capture("imei", List.of(SUBJECT, ATTACHMENT_TEXT), "imei\\s*([0-9]{15})", null).apply(c, facts);
    // THEN the values are found and the costly extraction ran once
    assertEquals("attachment-text contains \"invoice\"", why);
    assertEquals(Map.of("invoice-number", "INV-2026-00077", "imei", "356938035643809"), c.build().customFields());
    assertEquals(1, calls.get());
  }
}
