package io.helpdeskmail.ticket;

import io.helpdeskmail.mail.MailAddress;
import io.helpdeskmail.mail.ParsedMail;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which ticket an inbound mail belongs to, in the order of the design map: (1) In-Reply-To/References
 * naming a claimed Message-ID (ours, the SES-assigned ids of mail we sent, or an earlier customer mail: any id in
 * References counts, so a CC'd colleague replying to the original threads), (2) a signed reply address among the
 * recipients, (3) a [#N] subject token, accepted only from the requester or a participant. A subject token from a
 * stranger never threads: that is how helpdesks leak one customer's mail into another's ticket.
 */
public final class TicketThreader {
  private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[#(\\d{1,12})\\]");
  private final TicketRepository tickets;
  private final ReplyAddress replyAddress;

  public TicketThreader(TicketRepository tickets, ReplyAddress replyAddress) {
    this.tickets = tickets;
    this.replyAddress = replyAddress;
  }

  public ThreadDecision thread(ParsedMail mail, Collection<String> recipients) {
    List<String> ids = new ArrayList<>();
    if (mail.inReplyTo() != null) ids.add(mail.inReplyTo());
    List<String> refs = new ArrayList<>(mail.references());
    java.util.Collections.reverse(refs); // the newest reference is the likeliest to be ours
    ids.addAll(refs);
    if (!ids.isEmpty()) {
      Map<String, MessageClaim> claims = tickets.claims(new LinkedHashSet<>(ids));
      for (String id : ids) {
        MessageClaim c = claims.get(id);
        if (c == null) continue;
        Optional<Ticket> t = tickets.find(c.ticket());
        if (t.isPresent()) {
          String header = id.equals(mail.inReplyTo()) ? "In-Reply-To" : "References";
          return existingOrFollowUp(t.get(), "threaded by " + header);
        }
      }
    }
    for (String r : recipients) {
      OptionalLong n = replyAddress.ticketOf(r);
      if (n.isPresent()) {
        Optional<Ticket> t = tickets.find(n.getAsLong());
        if (t.isPresent()) return existingOrFollowUp(t.get(), "threaded by signed reply address");
      }
    }
    if (mail.subject() != null) {
      Matcher m = SUBJECT_TOKEN.matcher(mail.subject());
      MailAddress sender = mail.requester();
      while (m.find()) {
        Optional<Ticket> t = tickets.find(Long.parseLong(m.group(1)));
        if (t.isEmpty()) continue;
        if (sender != null && t.get().isParticipant(sender.address())) {
          return existingOrFollowUp(t.get(), "threaded by subject token [#" + m.group(1) + "]");
        }
        return new ThreadDecision.NewTicket(null, "new ticket (subject token [#" + m.group(1)
            + "] ignored: sender is not the requester or a participant)");
      }
    }
    return new ThreadDecision.NewTicket(null, "new ticket");
  }

  private static ThreadDecision existingOrFollowUp(Ticket t, String rule) {
    if (t.status() == TicketStatus.CLOSED) {
      return new ThreadDecision.NewTicket(t.number(), "new ticket linked to closed #" + t.number() + " (" + rule + ")");
    }
    return new ThreadDecision.Existing(t, rule);
  }
}
