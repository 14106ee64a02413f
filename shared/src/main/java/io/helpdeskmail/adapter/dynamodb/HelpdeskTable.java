package io.helpdeskmail.adapter.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the helpdesk table where no SAM stack does (DynamoDB Local, LocalStack). Must match template.yaml: the
 * key schema and GSIs here are the same as the HelpdeskTable resource there.
 */
public final class HelpdeskTable {
  /** The small, rarely changing attributes the queue view shows; projected so listing needs no extra reads. */
  static final List<String> QUEUE_ATTRIBUTES = List.of("number", "subject", "status", "priority", "requester");

  private HelpdeskTable() {}

  public static void create(DynamoDbClient db, String table) {
    try {
      db.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(stringAttributes("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK"))
          .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
          .globalSecondaryIndexes(
              gsi("GSI1", Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(QUEUE_ATTRIBUTES).build()),
              gsi("GSI2", Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("number", "subject", "status", "priority").build()),
              gsi("GSI3", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())));
      db.waiter().waitUntilTableExists(b -> b.tableName(table));
    } catch (ResourceInUseException e) {
      // Already there (a restarted local stack keeps its data): fine.
    }
  }

  private static List<AttributeDefinition> stringAttributes(String... names) {
    return java.util.Arrays.stream(names).map(n -> AttributeDefinition.builder().attributeName(n)
        .attributeType(ScalarAttributeType.S).build()).toList();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static GlobalSecondaryIndex gsi(String name, Projection projection) {
    return GlobalSecondaryIndex.builder().indexName(name)
        .keySchema(key(name + "PK", KeyType.HASH), key(name + "SK", KeyType.RANGE)).projection(projection).build();
  }
}
