package io.helpdeskmail.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Hand-built {@link RuleInput}s for rule tests: a mail with sensible defaults, changed one fact at a time. */
final class Inputs {
  private String subject = "";
  private String text = "";
  private String fullText;
  private Supplier<String> attachmentText = () -> "";
  private String from = "customer@mail.example";
  private List<String> to = List.of("support@shop.example");
  private String language;
  private final List<RuleInput.AttachmentInfo> attachments = new ArrayList<>();
  private int messageCount = 1;
  private String status;
  private String previousStatus;

  static Inputs mail() {
    return new Inputs();
  }

  Inputs subject(String v) { subject = v; return this; }
  Inputs text(String v) { text = v; return this; }
  Inputs fullText(String v) { fullText = v; return this; }
  Inputs attachmentText(Supplier<String> v) { attachmentText = v; return this; }
  Inputs from(String v) { from = v; return this; }
  Inputs to(String... v) { to = List.of(v); return this; }
  Inputs language(String v) { language = v; return this; }
  Inputs attachment(String filename, String contentType) {
    attachments.add(new RuleInput.AttachmentInfo(filename, contentType));
    return this;
  }
  Inputs messageCount(int v) { messageCount = v; return this; }
  Inputs status(String v) { status = v; return this; }
  Inputs previousStatus(String v) { previousStatus = v; return this; }

  RuleInput build() {
    return new RuleInput(subject, text, fullText == null ? text : fullText, attachmentText, from, to, language,
        attachments, messageCount, status, previousStatus);
  }

  /** Facts over this input and a fresh classification (priority normal, as for a new ticket). */
  RuleFacts facts() {
    Classification.Builder c = Classification.NONE.toBuilder();
    c.priority = Priority.NORMAL.label();
    return new RuleFacts(build(), c);
  }

  RuleFacts facts(Classification.Builder live) {
    return new RuleFacts(build(), live);
  }
}
