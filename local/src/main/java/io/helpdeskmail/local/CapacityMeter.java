package io.helpdeskmail.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts, from outside the code under test, every DynamoDB call by operation and the write capacity DynamoDB
 * (Local) reports consumed (ReturnConsumedCapacity=TOTAL on our writes): the figures of the write-unit budget.
 */
final class CapacityMeter implements ExecutionInterceptor {
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final LongAdder milliWriteUnits = new LongAdder();

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    if (service == null || !service.equalsIgnoreCase("dynamodb")) return;
    calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
    SdkResponse r = context.response();
    ConsumedCapacity c = r instanceof PutItemResponse p ? p.consumedCapacity()
        : r instanceof UpdateItemResponse u ? u.consumedCapacity()
        : r instanceof DeleteItemResponse d ? d.consumedCapacity() : null;
    if (c != null && c.capacityUnits() != null) milliWriteUnits.add(Math.round(c.capacityUnits() * 1000));
  }

  /** A snapshot: write units so far and calls by operation. */
  record Reading(double writeUnits, Map<String, Long> calls) {
    long count(String op) {
      return calls.getOrDefault(op, 0L);
    }
  }

  Reading read() {
    Map<String, Long> m = new java.util.TreeMap<>();
    calls.forEach((k, v) -> m.put(k, v.sum()));
    return new Reading(milliWriteUnits.sum() / 1000.0, m);
  }
}
