package io.helpdeskmail.inbound;

import java.util.List;

/**
 * One received mail to ingest: where SES stored the raw message, the envelope recipients when known, and the
 * receipt verdicts (from the SES receipt event, or from the X-SES-*-Verdict headers SES writes into the object).
 */
public record InboundDelivery(String bucket, String key, List<String> envelopeRecipients, Verdicts verdicts) {
  public InboundDelivery {
    envelopeRecipients = envelopeRecipients == null ? List.of() : List.copyOf(envelopeRecipients);
    verdicts = verdicts == null ? Verdicts.UNKNOWN : verdicts;
  }

  /** The SES receipt verdicts; UNKNOWN when the delivery did not come with them. */
  public record Verdicts(Verdict spam, Verdict virus, Verdict spf, Verdict dkim, Verdict dmarc) {
    public static final Verdicts UNKNOWN = new Verdicts(Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN,
        Verdict.UNKNOWN, Verdict.UNKNOWN);
  }
}
