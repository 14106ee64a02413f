package io.helpdeskmail.rules;

import io.helpdeskmail.ticket.Routing;
import io.helpdeskmail.ticket.Ticket;
import io.helpdeskmail.ticket.TicketChange;
import io.helpdeskmail.ticket.TicketEvent;
import io.helpdeskmail.ticket.TicketRepository;
import io.helpdeskmail.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ticket updates that are not inbound mail (an agent's reply, a status change) run the rules for their trigger
 * with the same engine, and the change and its trace are stored: the ticket's new routing in one META write, the
 * update with the rules that fired as one event. The agent API calls this; inbound replies go through ingest.
 */
public final class TicketUpdates {
  private final TicketRepository tickets;
  private final Classifier classifier;
  private final Clock clock;

  public TicketUpdates(TicketRepository tickets, Classifier classifier, Clock clock) {
    this.tickets = tickets;
    this.classifier = classifier;
    this.clock = clock;
  }

  /** An agent (or automation) sets a new status; status-changed rules run on the ticket. */
  public Ticket changeStatus(long number, TicketStatus status, String by) {
    Ticket t = find(number);
    RuleInput in = input(t, "", by, status.code(), t.status().code(), t.messageCount());
    return apply(t, Trigger.STATUS_CHANGED, in, status, "status " + t.status().code() + " -> " + status.code()
        + (by == null ? "" : " by " + by));
  }

  /** An agent answered the customer (the outbound issue sends the mail); agent-reply rules run on the ticket. */
  public Ticket agentReplied(long number, String agent, String text) {
    Ticket t = find(number);
    RuleInput in = input(t, text, agent, t.status().code(), null, t.messageCount() + 1);
    return apply(t, Trigger.AGENT_REPLY, in, null, "reply by " + agent);
  }

  private Ticket find(long number) {
    return tickets.find(number).orElseThrow(() -> new IllegalArgumentException("no ticket " + number));
  }

  private static RuleInput input(Ticket t, String text, String from, String status, String previous, int messages) {
    return new RuleInput(t.subject(), text, text, () -> "", from, List.of(), t.language(), List.of(), messages, status,
        previous);
  }

  private Ticket apply(Ticket t, Trigger trigger, RuleInput in, TicketStatus status, String what) {
    Classification c = classifier.update(trigger, in, Classification.of(t.routing()));
    Routing routing = c.routing();
    Instant now = clock.instant();
    tickets.update(t, new TicketChange(status, List.of(), routing, null), now);
    String trace = c.traceText(Integer.MAX_VALUE);
    tickets.add(new TicketEvent(t.number(), now, "E#" + now + "#" + trigger.label(), trigger.label(),
        trace.isEmpty() ? what : what + "\n" + trace));
    return find(t.number());
  }
}
