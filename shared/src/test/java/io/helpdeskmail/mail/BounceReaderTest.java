package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BounceReaderTest {
  @Test
  void textCode_shouldPreferTheEnhancedCode_whenSmtpReplyCarriesOne() {
    // GIVEN a diagnostic line with both a basic and an enhanced SMTP code
    String text = "<a@b.test>: host mx.b.test said: 550 5.7.1 Relaying denied\n";
    // WHEN the code is read
    // THEN the enhanced code wins
    assertEquals("5.7.1", BounceReader.textCode(text));
  }

  @Test
  void textCode_shouldIgnoreVersionNumbers_whenTextNamesSoftware() {
    // GIVEN text with software versions and an IP address but no status
    String text = "Relayed by server 8.14.4 at 10.4.4.21 running agent 4.1.2.9\n";
    // WHEN the code is read
    // THEN no status is invented
    assertNull(BounceReader.textCode(text));
  }

  @Test
  void textCode_shouldFallBackToBasicCode_whenOnlyAReplyCodeIsGiven() {
    // GIVEN a transcript with a bare SMTP reply code
    String text = "The remote server said: 421 too many connections, try later\n";
    // WHEN the code is read
    // THEN the class of the reply code is kept
    assertEquals("4.0.0", BounceReader.textCode(text));
  }

  @Test
  void explanation_shouldStopAtTheReturnedMessage_whenACopyFollows() {
    // GIVEN a report followed by the returned message
    String text = "Your message could not be delivered to x@y.test.\n\n------ This is a copy of the message\n\n"
        + "From: z@w.test\n";
    // WHEN the explanation is cut
    String e = BounceReader.explanation(text);
    // THEN the returned message's addresses are not part of it
    assertTrue(e.contains("x@y.test"));
    assertFalse(e.contains("z@w.test"));
  }

  @Test
  void isBounceSubject_shouldRejectForwardedBounce_whenPersonForwardsIt() {
    // GIVEN a person forwarding a bounce to the helpdesk
    // WHEN the subject is checked
    // THEN only the unprefixed subject counts as a delivery report
    assertFalse(BounceReader.isBounceSubject("Fwd: Undeliverable: invoice"));
    assertTrue(BounceReader.isBounceSubject("Undeliverable: invoice"));
  }
}
