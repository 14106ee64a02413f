package io.helpdeskmail.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule's "then": one change to the classification. */
public sealed interface Action {
  void apply(Classification.Builder c, Facts facts);

  record SetDepartment(String department) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.department = department;
    }
  }

  record SetCategory(String category) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.category = category;
    }
  }

  record SetPriority(Priority priority) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.priority = priority.label();
    }
  }

  record AddTags(List<String> tags) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.tags.addAll(tags);
    }
  }

  record RemoveTags(List<String> tags) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      tags.forEach(c.tags::remove);
    }
  }

  /** Sends the ticket to a team; an assignee outside it is dropped so that routing picks one inside. */
  record SetTeam(String team, java.util.Set<String> members) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.team = team;
      if (c.assignee != null && !members.contains(c.assignee)) c.assignee = null;
    }
  }

  record SetAssignee(String agent) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.assignee = agent;
    }
  }

  record SetTier(String tier) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.tier = tier;
    }
  }

  record RequireSkills(List<String> skills) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.skills.addAll(skills);
    }
  }

  record SetField(String name, String value) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      c.customFields.put(name, value);
    }
  }

  /**
   * Sets a custom field from the first match of a pattern in the listed fields, in order: the group named
   * "value" if the pattern has one, else group 1, else the whole match; a value must also match the field's own
   * pattern (valid, may be null). Nothing found leaves the field as it was.
   */
  record CaptureField(String name, List<Field.Ref> from, Pattern regex, Pattern valid) implements Action {
    @Override
    public void apply(Classification.Builder c, Facts facts) {
      for (Field.Ref f : from) {
        for (String v : facts.strings(f)) {
          Matcher m = regex.matcher(v);
          while (m.find()) {
            String value = value(m);
            if (value == null) continue;
            value = value.strip();
            // "order 12" is no order number when the field's pattern wants six digits: look further
            if (valid != null && !valid.matcher(value).matches()) continue;
            c.customFields.put(name, value);
            return;
          }
        }
      }
    }

    private String value(Matcher m) {
      if (regex.pattern().contains("(?<value>")) return m.group("value");
      return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }
  }
}
