package io.helpdeskmail.adapter.dynamodb;

import io.helpdeskmail.rules.AgentWorkload;
import io.helpdeskmail.ticket.TicketStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Agents' workload read from the assignee index (GSI2, A#agent -> since#number) instead of counters kept in
 * step with every assignment: no extra write per ticket. Last assignment: the newest entry of the agent's list.
 * Open tickets: a COUNT over the list filtered on status (projected into GSI2). Reads only, eventually
 * consistent, so two tickets routed in the same instant may both see the same "least busy" agent; the next one
 * evens it out.
 */
public final class DynamoAgentWorkload implements AgentWorkload {
  private static final List<String> OPEN = List.of(TicketStatus.NEW.code(), TicketStatus.OPEN.code(),
      TicketStatus.PENDING.code(), TicketStatus.ON_HOLD.code());

  private final DynamoDbClient db;
  private final String table;

  public DynamoAgentWorkload(DynamoDbClient db, String table) {
    this.db = db;
    this.table = table;
  }

  @Override
  public Map<String, Load> load(Collection<String> agents, boolean openCounts) {
    Map<String, Load> out = new HashMap<>();
    for (String agent : agents) out.put(agent, new Load(openCounts ? openTickets(agent) : 0, lastAssigned(agent)));
    return out;
  }

  private Instant lastAssigned(String agent) {
    QueryResponse r = db.query(b -> b.tableName(table).indexName("GSI2").keyConditionExpression("GSI2PK = :a")
        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("A#" + agent))).scanIndexForward(false).limit(1)
        .projectionExpression("GSI2SK"));
    if (r.items().isEmpty()) return null;
    String sk = r.items().get(0).get("GSI2SK").s();
    return Instant.parse(sk.substring(0, sk.indexOf('#')));
  }

  private int openTickets(String agent) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":a", AttributeValue.fromS("A#" + agent)));
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < OPEN.size(); i++) {
      values.put(":s" + i, AttributeValue.fromS(OPEN.get(i)));
      in.append(i == 0 ? "" : ", ").append(":s").append(i);
    }
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse r = db.query(b -> b.tableName(table).indexName("GSI2").keyConditionExpression("GSI2PK = :a")
          .filterExpression("#st IN (" + in + ")").expressionAttributeNames(Map.of("#st", "status"))
          .expressionAttributeValues(values).select(Select.COUNT).exclusiveStartKey(from));
      count += r.count();
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }
}
