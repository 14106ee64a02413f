package io.helpdeskmail.adapter.dynamodb;

import io.helpdeskmail.ticket.MessageClaim;
import io.helpdeskmail.ticket.Routing;
import io.helpdeskmail.ticket.TicketChange;
import io.helpdeskmail.ticket.Ticket;
import io.helpdeskmail.ticket.TicketEvent;
import io.helpdeskmail.ticket.TicketMessage;
import io.helpdeskmail.ticket.TicketRepository;
import io.helpdeskmail.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The single-table DynamoDB model of DESIGN.md (see the README's "Data model"): ticket META items, message and
 * event items under the ticket's partition, Message-ID claims, the ticket counter and the suppression list.
 * Writes are shaped for the budget (6 write units per new ticket, 4 per threaded reply): one conditional put per
 * claim, GSIs that project only small attributes that rarely change, no transactions, and never a Scan.
 */
public final class DynamoTicketRepository implements TicketRepository {
  private final DynamoDbClient db;
  private final String table;

  /** What writes ask DynamoDB to report: TOTAL when something measures it (bench-ingest), else nothing. */
  private final ReturnConsumedCapacity capacity;

  public DynamoTicketRepository(DynamoDbClient db, String table) {
    this(db, table, false);
  }

  /**
   * reportCapacity: whether writes ask for the capacity they consumed. Only a benchmark reads it; in production
   * the answer would only cost a cold start the classes that unmarshal it.
   */
  public DynamoTicketRepository(DynamoDbClient db, String table, boolean reportCapacity) {
    this.db = db;
    this.table = table;
    this.capacity = reportCapacity ? ReturnConsumedCapacity.TOTAL : null;
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", s(pk), "SK", s(sk));
  }

  static String ticketPk(long n) {
    return "T#" + n;
  }

  static String claimPk(String messageId) {
    return "MID#" + io.helpdeskmail.mail.Sha256.hex(messageId);
  }


  @Override
  public Map<String, MessageClaim> claims(Collection<String> messageIds) {
    Map<String, MessageClaim> out = new HashMap<>();
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(messageIds));
    for (int i = 0; i < ids.size(); i += 100) { // BatchGetItem takes 100 keys a call
      List<Map<String, AttributeValue>> keys = ids.subList(i, Math.min(ids.size(), i + 100)).stream()
          .map(id -> key(claimPk(id), "MID")).toList();
      Map<String, KeysAndAttributes> req = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (req != null && !req.isEmpty()) {
        Map<String, KeysAndAttributes> page = req;
        BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(page));
        for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
          MessageClaim c = claimOf(item);
          out.put(c.messageId(), c);
        }
        req = r.unprocessedKeys();
      }
    }
    return out;
  }

  private static MessageClaim claimOf(Map<String, AttributeValue> item) {
    return new MessageClaim(item.get("messageId").s(), Long.parseLong(item.get("ticket").n()),
        item.get("messageKey").s(), Instant.parse(item.get("receivedAt").s()),
        item.containsKey("rawKey") ? item.get("rawKey").s() : null);
  }

  @Override
  public Optional<MessageClaim> claim(MessageClaim c) {
    Map<String, AttributeValue> item = new HashMap<>(key(claimPk(c.messageId()), "MID"));
    item.put("type", s("claim"));
    item.put("messageId", s(c.messageId()));
    item.put("ticket", n(c.ticket()));
    item.put("messageKey", s(c.messageKey()));
    item.put("receivedAt", s(c.receivedAt().toString()));
    if (c.rawKey() != null) item.put("rawKey", s(c.rawKey()));
    try {
      db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .returnConsumedCapacity(capacity));
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      if (e.hasItem() && !e.item().isEmpty()) return Optional.of(claimOf(e.item()));
      return Optional.of(claimOf(db.getItem(b -> b.tableName(table).key(key(claimPk(c.messageId()), "MID"))
          .consistentRead(true)).item()));
    }
  }

  @Override
  public long nextTicketNumber() {
    var r = db.updateItem(b -> b.tableName(table).key(key("SEQ", "TICKET")).updateExpression("ADD #n :one")
        .expressionAttributeNames(Map.of("#n", "next")).expressionAttributeValues(Map.of(":one", n(1)))
        .returnValues(ReturnValue.UPDATED_NEW).returnConsumedCapacity(capacity));
    return Long.parseLong(r.attributes().get("next").n());
  }

  @Override
  public Optional<Ticket> find(long number) {
    var r = db.getItem(b -> b.tableName(table).key(key(ticketPk(number), "META")).consistentRead(true));
    return r.hasItem() && !r.item().isEmpty() ? Optional.of(TicketItems.ticket(r.item())) : Optional.empty();
  }

  @Override
  public boolean create(Ticket t, String firstMessageKey) {
    Map<String, AttributeValue> item = new HashMap<>(TicketItems.item(t));
    if (firstMessageKey != null) item.put("lastMessage", s(firstMessageKey));
    try {
      db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")
          .returnConsumedCapacity(capacity));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false; // created by another attempt of the same delivery
    }
  }

  @Override
  public void add(TicketMessage m) {
    try {
      db.putItem(b -> b.tableName(table).item(TicketItems.item(m)).conditionExpression("attribute_not_exists(PK)")
          .returnConsumedCapacity(capacity));
    } catch (ConditionalCheckFailedException e) {
      // Written by another attempt of the same delivery: the first write stands (it carries the first trace).
    }
  }

  @Override
  public boolean hasMessage(long ticket, String messageKey) {
    var r = db.getItem(b -> b.tableName(table).key(key(ticketPk(ticket), messageKey)).projectionExpression("PK")
        .consistentRead(true));
    return r.hasItem() && !r.item().isEmpty();
  }

  @Override
  public boolean update(Ticket before, TicketChange change, Instant at) {
    TicketStatus newStatus = change.status();
    List<String> newParticipants = change.newParticipants();
    Routing routing = change.routing();
    StringBuilder set = new StringBuilder("SET updatedAt = :at");
    List<String> remove = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(at.toString())));
    String condition = "attribute_exists(PK)";
    if (change.messageKey() != null) {
      set.append(", messages = if_not_exists(messages, :one) + :one, lastMessage = :mk");
      values.put(":one", n(1));
      values.put(":mk", s(change.messageKey()));
      condition += " AND (attribute_not_exists(lastMessage) OR lastMessage <> :mk)";
    }
    Map<String, String> names = new HashMap<>();
    if (newStatus != null) {
      set.append(", #st = :st");
      names.put("#st", "status");
      values.put(":st", s(newStatus.code()));
    }
    if (!newParticipants.isEmpty()) {
      set.append(", participants = list_append(if_not_exists(participants, :empty), :p)");
      values.put(":empty", AttributeValue.fromL(List.of()));
      values.put(":p", AttributeValue.fromL(newParticipants.stream().map(DynamoTicketRepository::s).toList()));
    }
    if (routing != null && !routing.equals(before.routing())) {
      Map<String, AttributeValue> attrs = new HashMap<>();
      TicketItems.routing(attrs, routing);
      if (!java.util.Objects.equals(routing.assignee(), before.routing().assignee())
          || routing.assignee() == null && !java.util.Objects.equals(routing.department(), before.routing().department())) {
        // The ticket changes work list (queue <-> agent, or queue to queue): rewrite the index keys.
        attrs.putAll(TicketItems.workKeys(before.number(), routing, at));
        for (String k : List.of("GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK")) if (!attrs.containsKey(k)) remove.add(k);
      }
      for (String k : List.of("department", "category", "priority", "tags", "tier", "team", "assignee", "fields")) {
        if (!attrs.containsKey(k)) remove.add(k);
      }
      int i = 0;
      for (var e : attrs.entrySet()) {
        String n = "#r" + i, v = ":r" + i++;
        set.append(", ").append(n).append(" = ").append(v);
        names.put(n, e.getKey());
        values.put(v, e.getValue());
      }
    }
    StringBuilder expr = new StringBuilder(set);
    if (!remove.isEmpty()) {
      expr.append(" REMOVE ");
      for (int i = 0; i < remove.size(); i++) {
        String n = "#x" + i;
        expr.append(i == 0 ? "" : ", ").append(n);
        names.put(n, remove.get(i));
      }
    }
    String cond = condition;
    try {
      db.updateItem(b -> b.tableName(table).key(key(ticketPk(before.number()), "META")).updateExpression(expr.toString())
          .expressionAttributeValues(values).expressionAttributeNames(names.isEmpty() ? null : names)
          .conditionExpression(cond).returnConsumedCapacity(capacity));
      return true;
    } catch (ConditionalCheckFailedException e) {
      if (change.messageKey() == null) throw e; // no such ticket
      return false; // this message's change is already in (or the ticket is gone, which nothing here does)
    }
  }

  @Override
  public void add(TicketEvent e) {
    db.putItem(b -> b.tableName(table).item(TicketItems.item(e)).returnConsumedCapacity(capacity));
  }

  @Override
  public List<TicketMessage> messages(long ticket) {
    return query(ticket, "M#").stream().map(TicketItems::message).toList();
  }

  @Override
  public List<TicketEvent> events(long ticket) {
    List<TicketEvent> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : query(ticket, "")) {
      String sk = item.get("SK").s();
      if (sk.startsWith("E#")) out.add(TicketItems.event(item));
      else if (sk.startsWith("M#")) out.addAll(TicketItems.carriedEvents(item));
    }
    out.sort(java.util.Comparator.comparing(TicketEvent::at));
    return out;
  }

  private List<Map<String, AttributeValue>> query(long ticket, String prefix) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    QueryRequest q = prefix.isEmpty()
        ? QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
            .expressionAttributeValues(Map.of(":pk", s(ticketPk(ticket)))).consistentRead(true).build()
        : QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
            .expressionAttributeValues(Map.of(":pk", s(ticketPk(ticket)), ":p", s(prefix))).consistentRead(true).build();
    db.queryPaginator(q).items().forEach(out::add);
    return out;
  }

  @Override
  public void suppress(String address, String reason, Instant at) {
    db.putItem(b -> b.tableName(table).item(Map.of("PK", s("ADDR#" + address.toLowerCase(java.util.Locale.ROOT)),
        "SK", s("SUPPRESS"), "type", s("suppression"), "reason", s(reason), "at", s(at.toString())))
        .returnConsumedCapacity(capacity));
  }

  @Override
  public boolean isSuppressed(String address) {
    var r = db.getItem(b -> b.tableName(table).key(key("ADDR#" + address.toLowerCase(java.util.Locale.ROOT), "SUPPRESS")));
    return r.hasItem() && !r.item().isEmpty();
  }
}
