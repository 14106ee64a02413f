package io.helpdeskmail.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The `classification` object of the inspect contract (DESIGN.md), with the trace as matchedRules. */
public final class ClassificationJson {
  private ClassificationJson() {}

  public static ObjectNode of(Classification c) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("department", c.department());
    o.put("category", c.category());
    o.put("priority", c.priority());
    c.tags().forEach(o.putArray("tags")::add);
    o.put("vip", c.vip());
    o.put("tier", c.tier());
    o.put("team", c.team());
    o.put("assignee", c.assignee());
    c.skills().stream().sorted().forEach(o.putArray("skills")::add);
    ObjectNode fields = o.putObject("customFields");
    c.customFields().forEach(fields::put);
    var rules = o.putArray("matchedRules");
    for (MatchedRule m : c.matchedRules()) rules.addObject().put("rule", m.rule()).put("condition", m.condition());
    return o;
  }
}
