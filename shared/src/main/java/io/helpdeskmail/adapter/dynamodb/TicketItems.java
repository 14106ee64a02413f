package io.helpdeskmail.adapter.dynamodb;

import static io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository.n;
import static io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository.s;
import static io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository.ticketPk;

import io.helpdeskmail.ticket.Routing;
import io.helpdeskmail.ticket.Ticket;
import io.helpdeskmail.ticket.TicketEvent;
import io.helpdeskmail.ticket.TicketMessage;
import io.helpdeskmail.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item mapping for tickets, messages and events. Absent values are left out of the item (DynamoDB bills by item
 * size, and empty strings or sets are not allowed in keys anyway). GSI keys: GSI1 queue view of unassigned
 * tickets (Q#department -> since#number), GSI2 assignee view (A#agent -> since#number), GSI3 requester view
 * (R#address -> createdAt). GSI1 and GSI2 are sparse and exclusive: see {@link #workKeys}.
 */
final class TicketItems {
  static final String NO_DEPARTMENT = "unrouted";
  /**
   * Bounds that keep any message item far below DynamoDB's 400 KB item limit, whatever a sender puts in a mail
   * (thousands of recipients or parts): the raw mail and every attachment object stay in S3 regardless.
   */
  static final int MAX_ADDRESSES = 50, MAX_ATTACHMENTS = 100, MAX_SUBJECT = 1_000;

  private TicketItems() {}

  static Map<String, AttributeValue> item(Ticket t) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("PK", s(ticketPk(t.number())));
    m.put("SK", s("META"));
    m.put("type", s("ticket"));
    m.put("number", n(t.number()));
    m.put("status", s(t.status().code()));
    put(m, "subject", t.subject());
    put(m, "requester", t.requester());
    put(m, "requesterName", t.requesterName());
    if (!t.participants().isEmpty()) m.put("participants", list(new ArrayList<>(t.participants())));
    put(m, "supportAddress", t.supportAddress());
    put(m, "language", t.language());
    routing(m, t.routing());
    m.put("messages", n(t.messageCount()));
    if (t.linkedFrom() != null) m.put("linkedFrom", n(t.linkedFrom()));
    m.put("createdAt", s(t.createdAt().toString()));
    m.put("updatedAt", s(t.updatedAt().toString()));
    m.putAll(workKeys(t.number(), t.routing(), t.createdAt()));
    if (t.requester() != null) {
      m.put("GSI3PK", s("R#" + t.requester()));
      m.put("GSI3SK", s(t.createdAt().toString()));
    }
    return m;
  }

  /** The routing attributes of a META item (absent ones left out). */
  static void routing(Map<String, AttributeValue> m, Routing r) {
    put(m, "department", r.department());
    put(m, "category", r.category());
    put(m, "priority", r.priority());
    if (!r.tags().isEmpty()) m.put("tags", list(r.tags()));
    put(m, "tier", r.tier());
    put(m, "team", r.team());
    put(m, "assignee", r.assignee());
    if (!r.customFields().isEmpty()) {
      Map<String, AttributeValue> f = new HashMap<>();
      r.customFields().forEach((k, v) -> f.put(k, s(v)));
      m.put("fields", AttributeValue.fromM(f));
    }
  }

  /**
   * The work-list index keys: an unassigned ticket is in its department's queue (GSI1), an assigned one in its
   * agent's list (GSI2), never both. Each GSI an item is in costs a write unit per change, so a new ticket pays
   * for one of the two (see the README's write budget); the sort key starts with the time the ticket entered the
   * list, which is also what round-robin routing reads ("who was assigned longest ago").
   */
  static Map<String, AttributeValue> workKeys(long number, Routing r, Instant since) {
    if (r.assignee() != null) {
      return Map.of("GSI2PK", s("A#" + r.assignee()), "GSI2SK", s(since + "#" + number));
    }
    return Map.of("GSI1PK", s("Q#" + (r.department() == null ? NO_DEPARTMENT : r.department())),
        "GSI1SK", s(since + "#" + number));
  }

  static Routing routing(Map<String, AttributeValue> m) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    if (m.containsKey("fields")) m.get("fields").m().forEach((k, v) -> fields.put(k, v.s()));
    return new Routing(str(m, "department"), str(m, "category"), str(m, "priority"), strings(m, "tags"),
        str(m, "tier"), str(m, "team"), str(m, "assignee"), fields);
  }

  static Ticket ticket(Map<String, AttributeValue> m) {
    return new Ticket(Long.parseLong(m.get("number").n()), TicketStatus.ofCode(m.get("status").s()), str(m, "subject"),
        str(m, "requester"), str(m, "requesterName"), new LinkedHashSet<>(strings(m, "participants")),
        str(m, "supportAddress"), str(m, "language"), routing(m),
        m.containsKey("messages") ? Integer.parseInt(m.get("messages").n()) : 1, m.containsKey("linkedFrom") ? Long.parseLong(m.get("linkedFrom").n()) : null,
        Instant.parse(m.get("createdAt").s()), Instant.parse(m.get("updatedAt").s()));
  }

  static Map<String, AttributeValue> item(TicketMessage msg) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("PK", s(ticketPk(msg.ticket())));
    m.put("SK", s(msg.key()));
    m.put("type", s("message"));
    put(m, "messageId", msg.messageId());
    m.put("direction", s(msg.direction().name().toLowerCase(java.util.Locale.ROOT)));
    put(m, "from", msg.from());
    put(m, "fromName", msg.fromName());
    if (!msg.to().isEmpty()) m.put("to", list(bounded(msg.to(), MAX_ADDRESSES)));
    if (!msg.cc().isEmpty()) m.put("cc", list(bounded(msg.cc(), MAX_ADDRESSES)));
    if (msg.to().size() + msg.cc().size() > 2 * MAX_ADDRESSES || msg.to().size() > MAX_ADDRESSES
        || msg.cc().size() > MAX_ADDRESSES) {
      m.put("recipientsOmitted", AttributeValue.fromBool(true)); // the full lists are in the raw mail
    }
    put(m, "subject", msg.subject() == null || msg.subject().length() <= MAX_SUBJECT ? msg.subject()
        : msg.subject().substring(0, MAX_SUBJECT));
    m.put("receivedAt", s(msg.receivedAt().toString()));
    put(m, "text", msg.visibleText());
    if (msg.textTruncated()) m.put("textTruncated", AttributeValue.fromBool(true));
    put(m, "bodyKey", msg.bodyKey());
    put(m, "rawKey", msg.rawKey());
    if (!msg.attachments().isEmpty()) {
      List<AttributeValue> atts = new ArrayList<>();
      if (msg.attachments().size() > MAX_ATTACHMENTS) {
        // The rest are stored all the same, under the same key prefix as the ones listed here.
        m.put("attachmentsOmitted", n(msg.attachments().size() - MAX_ATTACHMENTS));
      }
      for (TicketMessage.StoredAttachment a : bounded(msg.attachments(), MAX_ATTACHMENTS)) {
        Map<String, AttributeValue> am = new HashMap<>();
        put(am, "filename", a.filename());
        put(am, "contentType", a.contentType());
        am.put("size", n(a.size()));
        am.put("sha256", s(a.sha256()));
        if (a.inline()) am.put("inline", AttributeValue.fromBool(true));
        put(am, "contentId", a.contentId());
        am.put("key", s(a.key()));
        atts.add(AttributeValue.fromM(am));
      }
      m.put("attachments", AttributeValue.fromL(atts));
    }
    put(m, "threadedBy", msg.threadedBy());
    if (!"none".equals(msg.autoGenerated())) put(m, "autoGenerated", msg.autoGenerated());
    put(m, "language", msg.language());
    if (!msg.events().isEmpty()) {
      List<AttributeValue> evs = new ArrayList<>();
      for (TicketEvent e : msg.events()) {
        Map<String, AttributeValue> em = new HashMap<>();
        em.put("event", s(e.type()));
        put(em, "detail", e.detail());
        evs.add(AttributeValue.fromM(em));
      }
      m.put("events", AttributeValue.fromL(evs));
    }
    return m;
  }

  /** The events a message item carries, stamped with the message's time and key. */
  static List<TicketEvent> carriedEvents(Map<String, AttributeValue> m) {
    if (!m.containsKey("events")) return List.of();
    long ticket = Long.parseLong(m.get("PK").s().substring(2));
    Instant at = Instant.parse(m.get("receivedAt").s());
    List<TicketEvent> out = new ArrayList<>();
    for (AttributeValue v : m.get("events").l()) {
      out.add(new TicketEvent(ticket, at, m.get("SK").s() + "#" + v.m().get("event").s(), v.m().get("event").s(),
          str(v.m(), "detail")));
    }
    return out;
  }

  static TicketMessage message(Map<String, AttributeValue> m) {
    List<TicketMessage.StoredAttachment> atts = new ArrayList<>();
    if (m.containsKey("attachments")) {
      for (AttributeValue v : m.get("attachments").l()) {
        Map<String, AttributeValue> a = v.m();
        atts.add(new TicketMessage.StoredAttachment(str(a, "filename"), str(a, "contentType"),
            Long.parseLong(a.get("size").n()), str(a, "sha256"), a.containsKey("inline") && a.get("inline").bool(),
            str(a, "contentId"), str(a, "key")));
      }
    }
    return new TicketMessage(Long.parseLong(m.get("PK").s().substring(2)), m.get("SK").s(), str(m, "messageId"),
        TicketMessage.Direction.valueOf(m.get("direction").s().toUpperCase(java.util.Locale.ROOT)), str(m, "from"),
        str(m, "fromName"), strings(m, "to"), strings(m, "cc"), str(m, "subject"), Instant.parse(m.get("receivedAt").s()),
        str(m, "text"), m.containsKey("textTruncated") && m.get("textTruncated").bool(), str(m, "bodyKey"),
        str(m, "rawKey"), atts, str(m, "threadedBy"), m.containsKey("autoGenerated") ? str(m, "autoGenerated") : "none",
        str(m, "language"), carriedEvents(m));
  }

  static Map<String, AttributeValue> item(TicketEvent e) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("PK", s(ticketPk(e.ticket())));
    m.put("SK", s(e.key()));
    m.put("type", s("event"));
    m.put("event", s(e.type()));
    put(m, "detail", e.detail());
    m.put("at", s(e.at().toString()));
    return m;
  }

  static TicketEvent event(Map<String, AttributeValue> m) {
    return new TicketEvent(Long.parseLong(m.get("PK").s().substring(2)), Instant.parse(m.get("at").s()),
        m.get("SK").s(), m.get("event").s(), str(m, "detail"));
  }

  private static <T> List<T> bounded(List<T> l, int max) {
    return l.size() <= max ? l : l.subList(0, max);
  }

  private static void put(Map<String, AttributeValue> m, String k, String v) {
    if (v != null && !v.isEmpty()) m.put(k, s(v));
  }

  private static AttributeValue list(List<String> l) {
    return AttributeValue.fromL(l.stream().map(DynamoTicketRepository::s).toList());
  }

  private static String str(Map<String, AttributeValue> m, String k) {
    AttributeValue v = m.get(k);
    return v == null ? null : v.s();
  }

  private static List<String> strings(Map<String, AttributeValue> m, String k) {
    AttributeValue v = m.get(k);
    return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
  }
}
