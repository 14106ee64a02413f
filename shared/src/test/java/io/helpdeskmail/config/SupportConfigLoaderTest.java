package io.helpdeskmail.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.helpdeskmail.rules.Action;
import io.helpdeskmail.rules.Agent;
import io.helpdeskmail.rules.Condition;
import io.helpdeskmail.rules.Department;
import io.helpdeskmail.rules.Rule;
import io.helpdeskmail.rules.Team;
import io.helpdeskmail.rules.Trigger;
import io.helpdeskmail.sla.BusinessCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportConfigLoaderTest {
  private static final String FILE = "shop.yaml";

  /** A small valid configuration; tests add rules to it or change one line of it. */
  private static final String BASE = """
      departments:
        - name: general
          addresses: [support@shop.example]
          team: desk
          calendar: paris
          fields: [order-number]
          fallback: true
        - name: billing
          addresses: [billing@shop.example, factures@shop.example]
          team: money
      fields:
        order-number: { label: Order number, pattern: "[0-9]{6,8}" }
        device-model:
      categories: [refund, delivery]
      teams:
        - name: desk
          agents:
            - { email: anne@shop.example, name: Anne, languages: [fr, en], skills: [orders], senior: true }
            - { email: Bob@Shop.example, languages: en }
        - name: money
          routing: least-open
          agents:
            - { email: marc@shop.example, skills: [refunds, invoices], available: false }
      vip:
        - tier: gold
          domains: ["@bigcorp.example"]
          addresses: [CEO@partner.example]
      calendars:
        paris:
          timezone: Europe/Paris
          hours:
            weekdays: "09:00-18:00"
            saturday: ["10:00-12:00", "14:00-17:00"]
            sunday: closed
          holidays: [2026-12-25]
      templates:
        acknowledgement:
          en: { subject: "[#{{ticket}}] {{subject}}", body: "Hello {{name}}" }
      """;

  private static SupportConfig load(String yaml) {
    return SupportConfigLoader.parse(FILE, yaml);
  }

  private static List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    return e.problems();
  }

  /** The 1-based number of the first line containing the marker. */
  private static int lineOf(String yaml, String marker) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
    throw new AssertionError("marker not in the yaml: " + marker);
  }

  /** Asserts that exactly one problem was found and that it is "shop.yaml:line: path: ..." containing what. */
  private static void assertOnlyProblem(String yaml, int line, String path, String what) {
    List<String> p = problems(yaml);
    assertEquals(1, p.size(), p.toString());
    assertProblem(p.get(0), line, path, what);
  }

  private static void assertProblem(String problem, int line, String path, String what) {
    String head = FILE + ":" + line + ": " + path + ": ";
    assertTrue(problem.startsWith(head), "expected \"" + head + "...\" but was: " + problem);
    assertTrue(problem.contains(what), "expected \"" + what + "\" in: " + problem);
  }

  private static void assertHasProblem(List<String> problems, int line, String path, String what) {
    for (String p : problems) {
      if (p.startsWith(FILE + ":" + line + ": " + path + ": ") && p.contains(what)) return;
    }
    fail("no problem \"" + FILE + ":" + line + ": " + path + ": ..." + what + "...\" among " + problems);
  }

  private static String withRules(String rules) {
    return BASE + "rules:\n" + rules.stripIndent();
  }

  // ---- valid configurations ---------------------------------------------------------------------------------

  @Test
  void parse_shouldBuildRuleBook_whenConfigurationIsValid() {
    // GIVEN the base configuration and one rule
    String yaml = withRules("""
          - name: refunds to billing
            when: { field: text, contains: [refund, "rembours*"] }
            then: { department: billing, team: money, assignee: marc@shop.example, category: refund }
            stop: yes
        """);
    // WHEN
    SupportConfig config = load(yaml);
    // THEN departments, teams, agents, tiers, calendars, templates and rules are read as written
    assertEquals(FILE, config.source());
    Department general = config.rules().department("general").orElseThrow();
    assertEquals(new Department("general", Set.of("support@shop.example"), "desk", "paris", List.of("order-number"), true),
        general);
    assertEquals(Set.of("support@shop.example", "billing@shop.example", "factures@shop.example"), config.supportAddresses());
    Team desk = config.rules().team("desk").orElseThrow();
    assertEquals(Team.Strategy.ROUND_ROBIN, desk.strategy());
    assertEquals(new Agent("anne@shop.example", "Anne", Set.of("fr", "en"), Set.of("orders"), true, true), desk.agents().get(0));
    assertEquals(new Agent("bob@shop.example", null, Set.of("en"), Set.of(), false, true), desk.agents().get(1));
    Team money = config.rules().team("money").orElseThrow();
    assertEquals(Team.Strategy.LEAST_OPEN, money.strategy());
    assertFalse(money.agents().get(0).available());
    assertTrue(config.rules().vipTiers().get(0).covers("jo@eu.bigcorp.example"));
    assertTrue(config.rules().vipTiers().get(0).covers("ceo@partner.example"));
    assertEquals("Order number", config.rules().fields().get("order-number").label());
    assertEquals("device-model", config.rules().fields().get("device-model").label());
    assertNull(config.rules().fields().get("device-model").pattern());
    BusinessCalendar paris = config.calendars().get("paris");
    assertEquals(ZoneId.of("Europe/Paris"), paris.zone());
    assertEquals(List.of(new BusinessCalendar.Hours(LocalTime.of(10, 0), LocalTime.of(12, 0)),
        new BusinessCalendar.Hours(LocalTime.of(14, 0), LocalTime.of(17, 0))), paris.week().get(DayOfWeek.SATURDAY));
    assertEquals(List.of(), paris.week().get(DayOfWeek.SUNDAY));
    assertEquals(1, paris.week().get(DayOfWeek.FRIDAY).size());
    assertTrue(paris.isOpen(Instant.parse("2026-03-02T10:00:00Z"))); // a Monday, 11:00 in Paris
    assertFalse(paris.isOpen(Instant.parse("2026-12-25T10:00:00Z"))); // Christmas
    assertEquals("Hello {{name}}", config.templates().get("acknowledgement").byLanguage().get("en").body());
    Rule r = config.rules().rules().get(0);
    assertEquals("refunds to billing", r.name());
    assertEquals(Set.of(Trigger.CREATED), r.on());
    assertTrue(r.stop());
    assertEquals(lineOf(yaml, "- name: refunds to billing"), r.line());
    assertInstanceOf(Condition.Test.class, r.when());
    // the team is applied before the assignee, whatever the order written, so the assignee is not dropped
    assertInstanceOf(Action.SetTeam.class, r.then().get(0));
    assertEquals(4, r.then().size());
    assertFalse(config.rules().tone().tags().isEmpty(), "the built-in tone lexicon is used");
  }

  @Test
  void parse_shouldUseAlwaysAndReadTriggers_whenRuleHasNoWhenAndListsTriggers() {
    // GIVEN a rule without "when" for two triggers
    String yaml = withRules("""
          - name: waiting
            on: [customer-reply, status-changed]
            then: { add-tags: [Awaiting-Agent] }
        """);
    // WHEN
    Rule r = load(yaml).rules().rules().get(0);
    // THEN it always matches on those triggers, and tags are lower-cased
    assertEquals(new Condition.Always(), r.when());
    assertEquals(Set.of(Trigger.CUSTOMER_REPLY, Trigger.STATUS_CHANGED), r.on());
    assertEquals(List.of(new Action.AddTags(List.of("awaiting-agent"))), r.then());
    assertFalse(r.stop());
  }

  @Test
  void parse_shouldUseOwnToneLexicon_whenConfigurationHasAToneSection() {
    // GIVEN a tone section with one tag and shouting off
    String yaml = BASE + """
        tone:
          shouting: 0
          polite:
            en: [please, "thank you"]
        """;
    // WHEN
    var tone = load(yaml).rules().tone();
    // THEN it replaces the built-in lexicon
    assertEquals(Set.of("polite"), tone.tags().keySet());
    assertEquals(0, tone.shoutingMinLetters());
  }

  @Test
  void load_shouldNameTheFile_whenReadingFromDisk(@TempDir Path dir) throws IOException {
    // GIVEN a file with an unknown top-level key on line 2
    Path file = dir.resolve("helpdesk.yaml");
    Files.writeString(file, "departments: [{ name: general, addresses: [support@shop.example] }]\nteam: []\n");
    // WHEN
    ConfigException e = assertThrows(ConfigException.class, () -> SupportConfigLoader.load(file));
    // THEN the problem starts with the file's path and line
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith(file + ":2: (top).team: unknown key (did you mean \"teams\"?)"),
        e.problems().get(0));
    assertTrue(e.getMessage().startsWith("invalid helpdesk configuration " + file + " (1 problem):\n  " + file + ":2:"),
        e.getMessage());
  }

  @Test
  void load_shouldReportUnreadableFile_whenFileIsMissing(@TempDir Path dir) {
    // GIVEN a path to nothing
    Path file = dir.resolve("missing.yaml");
    // WHEN / THEN
    ConfigException e = assertThrows(ConfigException.class, () -> SupportConfigLoader.load(file));
    assertTrue(e.problems().get(0).startsWith(file + ": cannot be read"), e.problems().get(0));
  }

  @Test
  void loadResource_shouldReportNotFound_whenResourceIsMissing() {
    // GIVEN / WHEN / THEN
    ConfigException e = assertThrows(ConfigException.class, () -> SupportConfigLoader.loadResource("helpdesk/nope.yaml"));
    assertEquals(List.of("classpath:helpdesk/nope.yaml: not found"), e.problems());
  }

  // ---- file-level mistakes ----------------------------------------------------------------------------------

  @Test
  void parse_shouldReportYamlSyntaxErrorWithLine_whenFileIsNotYaml() {
    // GIVEN a rule whose "then" has a mapping where a value was expected, on one known line
    String yaml = withRules("""
          - name: broken
            then: priority: high
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN one problem, on that line
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith(FILE + ":" + lineOf(yaml, "then: priority: high") + ": not valid YAML: "), p.get(0));
    assertTrue(p.get(0).contains("mapping values are not allowed here"), p.get(0));
  }

  @Test
  void parse_shouldReportUnclosedBracketWithLine_whenFlowListIsNotClosed() {
    // GIVEN a list that is never closed, followed by another key
    String yaml = "departments:\n  - name: general\n    addresses: [support@shop.example\n    team: desk\n";
    // WHEN
    List<String> p = problems(yaml);
    // THEN the problem names the line where the parser gave up, after the opening one
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).matches("shop\\.yaml:[34]: not valid YAML: .*"), p.get(0));
  }

  @Test
  void parse_shouldSayFileIsEmpty_whenItHasOnlyComments() {
    // GIVEN / WHEN / THEN
    assertEquals(List.of(FILE + ":1: the file is empty"), problems("# nothing yet\n"));
  }

  @Test
  void parse_shouldAskForDepartments_whenThereAreNone() {
    // GIVEN a configuration with teams only
    // WHEN / THEN
    assertOnlyProblem("teams: []\n", 1, "departments", "missing: name at least one department");
  }

  @Test
  void parse_shouldSuggestClosestKey_whenTopLevelKeyIsMisspelt() {
    // GIVEN "rule:" instead of "rules:"
    String yaml = BASE + "rule:\n  - name: x\n";
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "rule:"), "(top).rule",
        "unknown key (did you mean \"rules\"?); expected one of departments, fields, categories");
  }

  @Test
  void parse_shouldListAllowedKeysWithoutGuess_whenKeyIsFarFromAnyKnownOne() {
    // GIVEN an unrelated top-level key
    String yaml = BASE + "mailboxes: []\n";
    // WHEN
    List<String> p = problems(yaml);
    // THEN no "did you mean", but the allowed keys
    assertEquals(1, p.size());
    assertProblem(p.get(0), lineOf(yaml, "mailboxes"), "(top).mailboxes", "unknown key; expected one of departments");
  }

  @Test
  void parse_shouldReportDuplicateKey_whenAKeyAppearsTwice() {
    // GIVEN a team with "routing" twice
    String yaml = BASE.replace("    routing: least-open\n", "    routing: least-open\n    routing: round-robin\n");
    // WHEN / THEN the second one is reported on its line
    assertOnlyProblem(yaml, lineOf(yaml, "routing: round-robin"), "teams[1].routing", "appears twice");
  }

  // ---- rules: conditions ------------------------------------------------------------------------------------

  @Test
  void parse_shouldSuggestOperator_whenOperatorIsMisspelt() {
    // GIVEN "contain" instead of "contains"
    String yaml = withRules("""
          - name: refund
            when:
              field: text
              contain: refund
            then: { category: refund }
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN the unknown key is reported with the operator it most resembles, and the test lacks an operator
    assertHasProblem(p, lineOf(yaml, "contain: refund"), "rules[0] (refund).when.contain",
        "unknown key (did you mean \"contains\"?)");
    assertHasProblem(p, lineOf(yaml, "field: text"), "rules[0] (refund).when",
        "missing an operator (one of contains, regex, equals, in, greater, less)");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldSuggestField_whenFieldIsMisspelt() {
    // GIVEN "subjet" instead of "subject"
    String yaml = withRules("""
          - name: refund
            when: { field: subjet, contains: refund }
            then: { category: refund }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "subjet"), "rules[0] (refund).when.field",
        "unknown field \"subjet\" (did you mean \"subject\"?); expected one of subject, text, full-text");
  }

  @Test
  void parse_shouldRefuseTwoOperators_whenOneTestHasBoth() {
    // GIVEN a test with contains and regex
    String yaml = withRules("""
          - name: order
            when: { field: subject, contains: order, regex: "[0-9]{7}" }
            then: { category: delivery }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "contains: order"), "rules[0] (order).when",
        "one operator per test, found contains and regex (use all: or any: to combine)");
  }

  @Test
  void parse_shouldAskForField_whenTestHasOperatorOnly() {
    // GIVEN a test inside "any" without a field, on its own line
    String yaml = withRules("""
          - name: refund
            when:
              any:
                - { field: subject, contains: refund }
                - { contains: remboursement }
            then: { category: refund }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "contains: remboursement"), "rules[0] (refund).when.any[1]",
        "missing \"field\" (one of subject, text");
  }

  @Test
  void parse_shouldAskForName_whenRuleHasNone() {
    // GIVEN a rule without name
    String yaml = withRules("""
          - when: { field: subject, contains: refund }
            then: { category: refund }
        """);
    // WHEN / THEN the rule's first line is named
    assertOnlyProblem(yaml, lineOf(yaml, "- when: { field: subject"), "rules[0]", "missing \"name\"");
  }

  @Test
  void parse_shouldAskForAddresses_whenDepartmentHasNone() {
    // GIVEN a first department without addresses
    String yaml = "departments:\n  - name: returns\n    team: desk\n" + BASE.substring("departments:\n".length());
    // WHEN / THEN the department's first line is named
    assertOnlyProblem(yaml, 2, "departments[0]", "missing \"addresses\"");
  }

  @Test
  void parse_shouldRefuseInWithOneValue_whenGivenAScalar() {
    // GIVEN "in" with a single value instead of a list
    String yaml = withRules("""
          - name: billing mail
            when: { field: department, in: billing }
            then: { category: refund }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "in: billing"), "rules[0] (billing mail).when.in",
        "\"in\" takes a list; use equals for one value");
  }

  @Test
  void parse_shouldRefuseGreater_whenFieldIsText() {
    // GIVEN "subject greater 5"
    String yaml = withRules("""
          - name: big
            when: { field: subject, greater: 5 }
            then: { category: refund }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "greater: 5"), "rules[0] (big).when.greater",
        "subject is not a number or a priority; greater and less compare numbers");
  }

  @Test
  void parse_shouldRefuseContains_whenFieldIsANumber() {
    // GIVEN "message-count contains 5"
    String yaml = withRules("""
          - name: count
            when: { field: message-count, contains: "5" }
            then: { category: refund }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "message-count"), "rules[0] (count).when.contains",
        "message-count is a number; use equals, greater or less");
  }

  @Test
  void parse_shouldRefuseNonNumericBound_whenComparingANumber() {
    // GIVEN "message-count less few"
    String yaml = withRules("""
          - name: count
            when: { field: message-count, less: few }
            then: { category: refund }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "less: few"), "rules[0] (count).when.less", "\"few\" is not a number");
  }

  @Test
  void parse_shouldReportBadRegex_whenPatternDoesNotCompile() {
    // GIVEN a regex with an unclosed group on the third line of the rule
    String yaml = withRules("""
          - name: order
            when:
              field: subject
              regex: "order ([0-9]+"
            then: { category: delivery }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "regex: \"order"), "rules[0] (order).when.regex",
        "regular expression does not compile: Unclosed group near index");
  }

  @Test
  void parse_shouldReportBadRegex_whenCustomFieldPatternDoesNotCompile() {
    // GIVEN a field pattern with an unclosed class
    String yaml = BASE.replace("pattern: \"[0-9]{6,8}\"", "pattern: \"[0-9{6,8}\"");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "[0-9{6,8}"), "fields.order-number.pattern",
        "regular expression does not compile: Unclosed character class");
  }

  @Test
  void parse_shouldReportBadPriority_whenActionOrConditionNamesAnUnknownOne() {
    // GIVEN "critical" in an action, a comparison and an equality
    String yaml = withRules("""
          - name: critical
            when:
              any:
                - { field: priority, greater: critical }
                - { field: priority, in: [high, highest] }
            then:
              priority: critical
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN each is reported on its own line with the known priorities
    assertHasProblem(p, lineOf(yaml, "greater: critical"), "rules[0] (critical).when.any[0].greater",
        "unknown priority \"critical\" (low, normal, high, urgent)");
    assertHasProblem(p, lineOf(yaml, "highest"), "rules[0] (critical).when.any[1].in",
        "unknown priority \"highest\" (low, normal, high, urgent)");
    assertHasProblem(p, lineOf(yaml, "priority: critical"), "rules[0] (critical).then.priority",
        "unknown priority \"critical\" (low, normal, high, urgent)");
    assertEquals(3, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportBadStatus_whenConditionNamesAnUnknownOne() {
    // GIVEN "resolved" instead of "solved"
    String yaml = withRules("""
          - name: done
            on: [status-changed]
            when: { field: status, in: [solved, resolved] }
            then: { remove-tags: [waiting] }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "resolved"), "rules[0] (done).when.in",
        "unknown status \"resolved\" (new, open, pending, on-hold, solved, closed, spam)");
  }

  @Test
  void parse_shouldReportUnknownTrigger_whenOnIsMisspelt() {
    // GIVEN "customer-replied"
    String yaml = withRules("""
          - name: waiting
            on: [customer-replied]
            then: { add-tags: [waiting] }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "customer-replied"), "rules[0] (waiting).on",
        "unknown trigger \"customer-replied\" (expected created, customer-reply, agent-reply, status-changed)");
  }

  @Test
  void parse_shouldReportBadLanguageCode_whenConditionAgentOrTemplateUsesOne() {
    // GIVEN a language written as a word in a condition, an agent and a template
    String yaml = BASE.replace("languages: en }", "languages: English }")
        .replace("    en: { subject:", "    EN: { subject:") + """
        rules:
          - name: french
            when: { field: language, equals: french }
            then: { category: refund }
        """;
    // WHEN
    List<String> p = problems(yaml);
    // THEN all three are reported on their lines
    assertHasProblem(p, lineOf(yaml, "English"), "teams[0].agents[1].languages", "\"English\" is not a language code");
    assertHasProblem(p, lineOf(yaml, "EN: { subject"), "templates.acknowledgement.EN", "\"EN\" is not a language code");
    assertHasProblem(p, lineOf(yaml, "equals: french"), "rules[0] (french).when.equals",
        "\"french\" is not a language code (en, fr, zh-CN)");
    assertEquals(3, p.size(), p.toString());
  }

  // ---- rules: references ------------------------------------------------------------------------------------

  @Test
  void parse_shouldReportUnknownDepartment_whenRuleUsesOne() {
    // GIVEN a misspelt department in a condition and in an action
    String yaml = withRules("""
          - name: move
            when: { field: department, equals: generall }
            then: { department: biling }
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN both, with a suggestion and the defined ones
    assertHasProblem(p, lineOf(yaml, "generall"), "rules[0] (move).when.equals",
        "unknown department \"generall\" (did you mean \"general\"?); defined: general, billing");
    assertHasProblem(p, lineOf(yaml, "biling"), "rules[0] (move).then.department",
        "unknown department \"biling\" (did you mean \"billing\"?)");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportUnknownTeam_whenDepartmentOrRuleUsesOne() {
    // GIVEN a department and a rule naming teams that do not exist
    String yaml = BASE.replace("    team: money\n", "    team: mony\n") + """
        rules:
          - name: move
            when: { field: team, equals: front-desk }
            then: { team: returns }
        """;
    // WHEN
    List<String> p = problems(yaml);
    // THEN
    assertHasProblem(p, lineOf(yaml, "team: mony"), "departments[1].team",
        "unknown team \"mony\" (did you mean \"money\"?); defined: ");
    assertHasProblem(p, lineOf(yaml, "front-desk"), "rules[0] (move).when.equals", "unknown team \"front-desk\"");
    assertHasProblem(p, lineOf(yaml, "team: returns"), "rules[0] (move).then.team", "unknown team \"returns\"");
    assertEquals(3, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportUnknownAgent_whenRuleAssignsSomeoneOutsideEveryTeam() {
    // GIVEN an assignee who is no agent
    String yaml = withRules("""
          - name: boss
            then: { assignee: boss@shop.example }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "boss@"), "rules[0] (boss).then.assignee",
        "\"boss@shop.example\" is not an agent of any team");
  }

  @Test
  void parse_shouldReportAssigneeOutsideTheTeam_whenRuleNamesBoth() {
    // GIVEN a rule sending to the money team and assigning a desk agent
    String yaml = withRules("""
          - name: refund
            then:
              team: money
              assignee: anne@shop.example
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "assignee: anne"), "rules[0] (refund).then.assignee",
        "anne@shop.example is not in team money");
  }

  @Test
  void parse_shouldAcceptAssigneeInCapitals_whenAgentIsInTheTeam() {
    // GIVEN an assignee written with capitals, after the team
    String yaml = withRules("""
          - name: bob
            then: { assignee: BOB@shop.example, team: desk }
        """);
    // WHEN
    Rule r = load(yaml).rules().rules().get(0);
    // THEN the team comes first and the assignee is lower-cased
    assertEquals(List.of(new Action.SetTeam("desk", Set.of("anne@shop.example", "bob@shop.example")),
        new Action.SetAssignee("bob@shop.example")), r.then());
  }

  @Test
  void parse_shouldReportUnknownTier_whenRuleUsesOne() {
    // GIVEN "platinum" that is not defined
    String yaml = withRules("""
          - name: vip
            when: { field: tier, equals: platinum }
            then: { tier: platnum }
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN
    assertHasProblem(p, lineOf(yaml, "equals: platinum"), "rules[0] (vip).when.equals",
        "unknown VIP tier \"platinum\"; defined: gold");
    assertHasProblem(p, lineOf(yaml, "tier: platnum"), "rules[0] (vip).then.tier", "unknown VIP tier \"platnum\"");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportUnknownCalendar_whenDepartmentUsesOne() {
    // GIVEN a department on a calendar that is not defined
    String yaml = BASE.replace("    calendar: paris\n", "    calendar: pariss\n");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "calendar: pariss"), "departments[0].calendar",
        "unknown calendar \"pariss\" (did you mean \"paris\"?); defined: paris");
  }

  @Test
  void parse_shouldReportUnknownCustomField_whenDepartmentConditionOrActionUsesOne() {
    // GIVEN a department, a condition and an action naming an undefined field
    String yaml = BASE.replace("    fields: [order-number]\n", "    fields: [order-number, imei]\n") + """
        rules:
          - name: order
            when: { field: field.order-numbr, equals: "1234567" }
            then:
              fields:
                invoice: "INV-1"
        """;
    // WHEN
    List<String> p = problems(yaml);
    // THEN each is reported where it is written
    assertHasProblem(p, lineOf(yaml, "[order-number, imei]"), "departments[0].fields", "unknown field \"imei\"");
    assertHasProblem(p, lineOf(yaml, "field.order-numbr"), "rules[0] (order).when.field",
        "unknown custom field \"order-numbr\" (did you mean \"order-number\"?)");
    assertHasProblem(p, lineOf(yaml, "invoice: \"INV-1\""), "rules[0] (order).then.fields.invoice",
        "unknown custom field \"invoice\"");
    assertEquals(3, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportFixedValueNotMatchingFieldPattern_whenRuleSetsOne() {
    // GIVEN a fixed order number that is too short
    String yaml = withRules("""
          - name: order
            then:
              fields:
                order-number: "123"
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "order-number: \"123\""), "rules[0] (order).then.fields.order-number",
        "\"123\" does not match the field's pattern [0-9]{6,8}");
  }

  @Test
  void parse_shouldReportCaptureFromANumber_whenFromNamesMessageCount() {
    // GIVEN a capture from a number field and a capture without regex
    String yaml = withRules("""
          - name: order
            then:
              fields:
                order-number: { from: [subject, message-count], regex: "([0-9]{7})" }
                device-model: { from: [text] }
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN
    assertHasProblem(p, lineOf(yaml, "message-count"), "rules[0] (order).then.fields.order-number.from",
        "cannot capture from \"message-count\"");
    assertHasProblem(p, lineOf(yaml, "device-model: { from"), "rules[0] (order).then.fields.device-model",
        "missing \"regex\"");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportDuplicateRuleName_whenTwoRulesShareIt() {
    // GIVEN two rules named alike
    String yaml = withRules("""
          - name: refund
            then: { category: refund }
          - name: refund
            then: { category: delivery }
        """);
    // WHEN / THEN the second is reported on its name's line
    int second = yaml.lastIndexOf("- name: refund");
    int line = (int) yaml.substring(0, second).chars().filter(c -> c == '\n').count() + 1;
    assertOnlyProblem(yaml, line, "rules[1] (refund).name", "another rule has this name; traces need unique names");
  }

  @Test
  void parse_shouldReportEmptyThen_whenRuleHasNoAction() {
    // GIVEN a rule with an empty action map and one with nothing after "then:"
    String yaml = withRules("""
          - name: nothing
            then: {}
          - name: blank
            then:
        """);
    // WHEN
    List<String> p = problems(yaml);
    // THEN both are reported
    assertHasProblem(p, lineOf(yaml, "then: {}"), "rules[0] (nothing).then", "a rule needs at least one action");
    assertHasProblem(p, lineOf(yaml, "- name: blank") + 1, "rules[1] (blank).then",
        "expected a mapping (key: value lines), found an empty value");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportMissingThen_whenRuleHasNone() {
    // GIVEN a rule with a condition and no actions
    String yaml = withRules("""
          - name: nothing
            when: { field: subject, contains: x }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "- name: nothing"), "rules[0] (nothing)", "missing \"then\"");
  }

  @Test
  void parse_shouldReportTagWithSpace_whenTagsAreWrittenAsOneString() {
    // GIVEN "add-tags: overheating, safety" (a single string)
    String yaml = withRules("""
          - name: hot
            then: { add-tags: "overheating, safety" }
        """);
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "overheating, safety"), "rules[0] (hot).then.add-tags",
        "tag \"overheating, safety\" has a space or comma; write one tag per list item");
  }

  // ---- departments, calendars, templates --------------------------------------------------------------------

  @Test
  void parse_shouldReportAddressOwnedTwice_whenTwoDepartmentsListIt() {
    // GIVEN billing also listing the general address
    String yaml = BASE.replace("[billing@shop.example, factures@shop.example]",
        "[billing@shop.example, Support@shop.example]");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "Support@shop"), "departments[1].addresses",
        "Support@shop.example already belongs to department general");
  }

  @Test
  void parse_shouldReportSecondFallback_whenTwoDepartmentsAreFallbacks() {
    // GIVEN billing also marked as fallback
    String yaml = BASE.replace("    team: money\n", "    team: money\n    fallback: true\n");
    // WHEN / THEN the second one is reported
    int line = lineOf(yaml, "    team: money") + 1;
    assertOnlyProblem(yaml, line, "departments[1].fallback", "only one department can be the fallback");
  }

  @Test
  void parse_shouldReportDuplicateDepartmentName_whenTwoDepartmentsShareIt() {
    // GIVEN two departments called general
    String yaml = BASE.replace("  - name: billing\n", "  - name: general\n");
    // WHEN
    List<String> p = problems(yaml);
    // THEN
    int line = lineOf(yaml, "addresses: [billing@") - 1;
    assertHasProblem(p, line, "departments[1].name", "department \"general\" is defined twice");
  }

  @Test
  void parse_shouldReportBadAddress_whenDepartmentAddressIsNotAMailAddress() {
    // GIVEN an address without domain
    String yaml = BASE.replace("[support@shop.example]", "[support]");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "[support]"), "departments[0].addresses", "\"support\" is not a mail address");
  }

  @Test
  void parse_shouldReportBadTimeZone_whenCalendarZoneIsUnknown() {
    // GIVEN a misspelt zone
    String yaml = BASE.replace("Europe/Paris", "Europe/Pariss");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "Europe/Pariss"), "calendars.paris.timezone",
        "unknown time zone \"Europe/Pariss\" (use a region name such as Europe/Paris)");
  }

  @Test
  void parse_shouldReportBadHours_whenSpanEndsBeforeItStartsOrIsNotASpan() {
    // GIVEN hours written backwards and hours without minutes
    String yaml = BASE.replace("weekdays: \"09:00-18:00\"", "weekdays: \"18:00-09:00\"")
        .replace("sunday: closed", "sunday: \"9-12\"");
    // WHEN
    List<String> p = problems(yaml);
    // THEN both are reported on their lines
    assertHasProblem(p, lineOf(yaml, "18:00-09:00"), "calendars.paris.hours.weekdays",
        "\"18:00-09:00\" ends before it starts");
    assertHasProblem(p, lineOf(yaml, "9-12"), "calendars.paris.hours.sunday",
        "\"9-12\" is not a span of hours such as 09:00-17:30 (or closed)");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldReportUnknownDay_whenHoursNameOne() {
    // GIVEN "weekday" instead of "weekdays"
    String yaml = BASE.replace("weekdays: \"09:00-18:00\"", "weekday: \"09:00-18:00\"");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "weekday:"), "calendars.paris.hours.weekday",
        "unknown day (use monday..sunday, weekdays or weekend)");
  }

  @Test
  void parse_shouldAcceptMidnightEnd_whenSpanEndsAt24() {
    // GIVEN a span to the end of the day
    String yaml = BASE.replace("sunday: closed", "sunday: \"20:00-24:00\"");
    // WHEN
    BusinessCalendar paris = load(yaml).calendars().get("paris");
    // THEN
    assertEquals(List.of(new BusinessCalendar.Hours(LocalTime.of(20, 0), LocalTime.MAX)), paris.week().get(DayOfWeek.SUNDAY));
  }

  @Test
  void parse_shouldReportBadHolidayDate_whenDateDoesNotExist() {
    // GIVEN February 30th
    String yaml = BASE.replace("holidays: [2026-12-25]", "holidays: [2026-12-25, 2026-02-30]");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "2026-02-30"), "calendars.paris.holidays",
        "\"2026-02-30\" is not a date (YYYY-MM-DD)");
  }

  @Test
  void parse_shouldKeepHolidays_whenDatesAreValid() {
    // GIVEN / WHEN
    Set<LocalDate> holidays = load(BASE).calendars().get("paris").holidays();
    // THEN
    assertEquals(Set.of(LocalDate.of(2026, 12, 25)), holidays);
  }

  @Test
  void parse_shouldReportUnbalancedPlaceholder_whenTemplateMissesABrace() {
    // GIVEN a body with "{{name}" 
    String yaml = BASE.replace("body: \"Hello {{name}}\"", "body: \"Hello {{name}\"");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "Hello {{name}\""), "templates.acknowledgement.en.body",
        "unbalanced {{ }} placeholder");
  }

  @Test
  void parse_shouldReportBadRouting_whenStrategyIsUnknown() {
    // GIVEN "least-busy"
    String yaml = BASE.replace("routing: least-open", "routing: least-busy");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "least-busy"), "teams[1].routing",
        "unknown routing \"least-busy\" (expected round-robin or least-open)");
  }

  @Test
  void parse_shouldReportBadBoolean_whenSeniorIsNotTrueOrFalse() {
    // GIVEN "senior: sometimes"
    String yaml = BASE.replace("senior: true", "senior: sometimes");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "sometimes"), "teams[0].agents[0].senior",
        "expected true or false, found \"sometimes\"");
  }

  @Test
  void parse_shouldReportAgentListedTwice_whenTeamNamesAnAddressAgain() {
    // GIVEN Bob twice in the desk team, the second time in lower case
    String yaml = BASE.replace("      - { email: Bob@Shop.example, languages: en }\n",
        "      - { email: Bob@Shop.example, languages: en }\n      - { email: bob@shop.example }\n");
    // WHEN / THEN
    assertOnlyProblem(yaml, lineOf(yaml, "{ email: bob@shop.example }"), "teams[0].agents[2].email",
        "bob@shop.example is listed twice in this team");
  }

  @Test
  void parse_shouldReportVipTierWithoutMembers_whenItHasNeitherAddressesNorDomains() {
    // GIVEN a tier with a domain that is an address, so nothing valid is left
    String yaml = BASE.replace("    domains: [\"@bigcorp.example\"]\n    addresses: [CEO@partner.example]\n",
        "    domains: [jo@bigcorp.example]\n");
    // WHEN
    List<String> p = problems(yaml);
    // THEN
    assertHasProblem(p, lineOf(yaml, "jo@bigcorp"), "vip[0].domains", "\"jo@bigcorp.example\" is not a domain");
    assertHasProblem(p, lineOf(yaml, "- tier: gold"), "vip[0]", "a tier needs addresses or domains");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void parse_shouldNameTheItemsOwnLine_whenMistakeIsInABlockList() {
    // GIVEN mistakes in the third item of block lists (one item per line): an address, a holiday, a domain,
    // a department field, an agent language, a trigger, an "in" value, a tag and a capture source
    String yaml = BASE
        .replace("[billing@shop.example, factures@shop.example]",
            "\n      - billing@shop.example\n      - factures@shop.example\n      - support@shop.example")
        .replace("holidays: [2026-12-25]", "holidays:\n      - 2026-12-25\n      - 2027-01-01\n      - 2027-13-01")
        .replace("domains: [\"@bigcorp.example\"]", "domains:\n      - bigcorp.example\n      - bigcorp.test\n      - intranet")
        .replace("fields: [order-number]", "fields:\n      - order-number\n      - device-model\n      - imei")
        .replace("languages: en }", "languages: [en, fr, English] }") + """
        rules:
          - name: r
            on:
              - created
              - customer-reply
              - customer-replied
            when:
              field: priority
              in:
                - low
                - normal
                - hot
            then:
              add-tags:
                - a
                - b
                - c d
              fields:
                order-number:
                  regex: "([0-9]{7})"
                  from:
                    - subject
                    - text
                    - message-count
        """;
    // WHEN
    List<String> p = problems(yaml);
    // THEN each problem names the line of the wrong item, not the line where its list starts
    assertHasProblem(p, lineOf(yaml, "- support@shop.example"), "departments[1].addresses", "already belongs");
    assertHasProblem(p, lineOf(yaml, "- 2027-13-01"), "calendars.paris.holidays", "\"2027-13-01\" is not a date");
    assertHasProblem(p, lineOf(yaml, "- intranet"), "vip[0].domains", "\"intranet\" is not a domain");
    assertHasProblem(p, lineOf(yaml, "- imei"), "departments[0].fields", "unknown field \"imei\"");
    assertHasProblem(p, lineOf(yaml, "English"), "teams[0].agents[1].languages", "\"English\" is not a language code");
    assertHasProblem(p, lineOf(yaml, "- customer-replied"), "rules[0] (r).on", "unknown trigger \"customer-replied\"");
    assertHasProblem(p, lineOf(yaml, "- hot"), "rules[0] (r).when.in", "unknown priority \"hot\"");
    assertHasProblem(p, lineOf(yaml, "- c d"), "rules[0] (r).then.add-tags", "tag \"c d\" has a space");
    assertHasProblem(p, lineOf(yaml, "- message-count"), "rules[0] (r).then.fields.order-number.from",
        "cannot capture from \"message-count\"");
    assertEquals(9, p.size(), p.toString());
  }

  // ---- many problems at once --------------------------------------------------------------------------------

  @Test
  void parse_shouldReportEveryProblemInFileOrder_whenSeveralMistakesAreMade() {
    // GIVEN mistakes in a calendar, a team and two rules
    String yaml = BASE.replace("Europe/Paris", "Paris").replace("routing: least-open", "routing: random") + """
        rules:
          - name: a
            when: { field: sender, equals: x }
            then: { priority: asap }
          - name: b
            then: { team: nobody }
        """;
    // WHEN
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    // THEN all five are reported, each with file and line, and the message lists them all
    List<String> p = e.problems();
    assertHasProblem(p, lineOf(yaml, "timezone: Paris"), "calendars.paris.timezone", "unknown time zone \"Paris\"");
    assertHasProblem(p, lineOf(yaml, "routing: random"), "teams[1].routing", "unknown routing \"random\"");
    assertHasProblem(p, lineOf(yaml, "field: sender"), "rules[0] (a).when.field", "unknown field \"sender\"");
    assertHasProblem(p, lineOf(yaml, "priority: asap"), "rules[0] (a).then.priority", "unknown priority \"asap\"");
    assertHasProblem(p, lineOf(yaml, "team: nobody"), "rules[1] (b).then.team", "unknown team \"nobody\"");
    assertEquals(5, p.size(), p.toString());
    assertTrue(e.getMessage().startsWith("invalid helpdesk configuration shop.yaml (5 problems):\n  shop.yaml:"),
        e.getMessage());
    for (String problem : p) assertTrue(e.getMessage().contains("\n  " + problem), problem);
  }
}
