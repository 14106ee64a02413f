package io.helpdeskmail.adapter.dynamodb;

import static io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository.n;
import static io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository.s;
import static io.helpdeskmail.adapter.dynamodb.DynamoTicketRepository.ticketPk;

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
 * size, and empty strings or sets are not allowed in keys anyway). GSI keys: GSI1 queue view
 * (Q#department -> createdAt#number), GSI3 requester view (R#address -> createdAt); GSI2, the assignee view, is
 * written only once a ticket is assigned (sparse), so unassigned tickets cost nothing there.
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
    put(m, "department", t.department());
    put(m, "priority", t.priority());
    put(m, "language", t.language());
    if (!t.tags().isEmpty()) m.put("tags", list(t.tags()));
    if (t.linkedFrom() != null) m.put("linkedFrom", n(t.linkedFrom()));
    m.put("createdAt", s(t.createdAt().toString()));
    m.put("updatedAt", s(t.updatedAt().toString()));
    m.put("GSI1PK", s("Q#" + (t.department() == null ? NO_DEPARTMENT : t.department())));
    m.put("GSI1SK", s(t.createdAt() + "#" + t.number()));
    if (t.requester() != null) {
      m.put("GSI3PK", s("R#" + t.requester()));
      m.put("GSI3SK", s(t.createdAt().toString()));
    }
    return m;
  }

  static Ticket ticket(Map<String, AttributeValue> m) {
    return new Ticket(Long.parseLong(m.get("number").n()), TicketStatus.ofCode(m.get("status").s()), str(m, "subject"),
        str(m, "requester"), str(m, "requesterName"), new LinkedHashSet<>(strings(m, "participants")),
        str(m, "supportAddress"), str(m, "department"), str(m, "priority"), str(m, "language"), strings(m, "tags"),
        m.containsKey("linkedFrom") ? Long.parseLong(m.get("linkedFrom").n()) : null,
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
    return m;
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
        str(m, "language"));
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
