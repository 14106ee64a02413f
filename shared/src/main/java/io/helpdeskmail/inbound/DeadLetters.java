package io.helpdeskmail.inbound;

/** Port to the inbound dead-letter queue: a delivery we could not process, with why, for replay. */
public interface DeadLetters {
  void send(InboundDelivery delivery, String reason);
}
