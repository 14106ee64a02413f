package io.helpdeskmail.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationJsonTest {

  @Test
  void of_shouldWriteEveryField_whenClassificationIsComplete() {
    // GIVEN a VIP ticket with tags, fields and a trace
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("order-number", "1234567");
    fields.put("imei", "356938035643809");
    Classification c = new Classification("exchange", "defect", "high", List.of("overheating", "safety"), "gold",
        "replacements", "lea@shop.example", Set.of("phones"), fields,
        List.of(new MatchedRule("[department]", "to is \"tech@shop.example\""),
            new MatchedRule("overheating phone", "text contains \"le téléphone chauffe\"")));
    // WHEN
    ObjectNode json = ClassificationJson.of(c);
    // THEN the contract's keys and values, in order
    assertEquals("{\"department\":\"exchange\",\"category\":\"defect\",\"priority\":\"high\","
        + "\"tags\":[\"overheating\",\"safety\"],\"vip\":true,\"tier\":\"gold\",\"team\":\"replacements\","
        + "\"assignee\":\"lea@shop.example\",\"skills\":[\"phones\"],\"customFields\":{\"order-number\":\"1234567\",\"imei\":\"356938035643809\"},"
        + "\"matchedRules\":[{\"rule\":\"[department]\",\"condition\":\"to is \\\"tech@shop.example\\\"\"},"
        + "{\"rule\":\"overheating phone\",\"condition\":\"text contains \\\"le téléphone chauffe\\\"\"}]}",
        json.toString());
  }

  @Test
  void of_shouldWriteNullsAndEmptyCollections_whenNothingWasDecided() {
    // GIVEN the empty classification
    // WHEN
    ObjectNode json = ClassificationJson.of(Classification.NONE);
    // THEN every key is present: nulls, vip false, empty tags, fields and trace
    assertEquals("{\"department\":null,\"category\":null,\"priority\":null,\"tags\":[],\"vip\":false,\"tier\":null,"
        + "\"team\":null,\"assignee\":null,\"skills\":[],\"customFields\":{},\"matchedRules\":[]}", json.toString());
  }
}
