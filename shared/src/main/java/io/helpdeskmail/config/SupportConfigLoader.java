package io.helpdeskmail.config;

import io.helpdeskmail.notify.Template;
import io.helpdeskmail.rules.Action;
import io.helpdeskmail.rules.Agent;
import io.helpdeskmail.rules.Condition;
import io.helpdeskmail.rules.CustomField;
import io.helpdeskmail.rules.Department;
import io.helpdeskmail.rules.Field;
import io.helpdeskmail.rules.Operator;
import io.helpdeskmail.rules.Priority;
import io.helpdeskmail.rules.Rule;
import io.helpdeskmail.rules.RuleBook;
import io.helpdeskmail.rules.Team;
import io.helpdeskmail.rules.ToneLexicon;
import io.helpdeskmail.rules.Trigger;
import io.helpdeskmail.rules.VipTier;
import io.helpdeskmail.rules.WordIndex;
import io.helpdeskmail.sla.BusinessCalendar;
import io.helpdeskmail.config.YamlReader.Mapping;
import io.helpdeskmail.config.YamlReader.Node;
import io.helpdeskmail.config.YamlReader.Scalar;
import io.helpdeskmail.ticket.TicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads the helpdesk configuration (one YAML file) into a validated {@link SupportConfig}. Everything is checked
 * at load: unknown keys (with a "did you mean"), missing names, references to departments, teams, agents, tiers,
 * calendars and fields that do not exist, operators a field cannot take, regular expressions that do not compile,
 * impossible hours and dates. All problems are reported together, each with file and line.
 */
public final class SupportConfigLoader {
  /** The built-in tone lexicon (English and French), used when the configuration has no "tone" section. */
  static final String BUILT_IN_TONE = "io/helpdeskmail/rules/tone-lexicon.yaml";

  private static final List<String> TOP = List.of("departments", "fields", "categories", "teams", "vip", "calendars",
      "templates", "tone", "rules");
  private static final List<String> OPERATORS = List.of("contains", "regex", "equals", "in", "greater", "less");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]*");

  private final YamlTree y;
  private final Map<String, CustomField> fields = new LinkedHashMap<>();
  private final Set<String> categories = new LinkedHashSet<>();
  private final List<Team> teams = new ArrayList<>();
  private final Map<String, Node> teamNodes = new HashMap<>();
  private final List<VipTier> tiers = new ArrayList<>();
  private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
  private final List<Department> departments = new ArrayList<>();

  private SupportConfigLoader(String source) {
    this.y = new YamlTree(source);
  }

  public static SupportConfig load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of(file + ": cannot be read: " + e.getMessage()));
    }
  }

  /** A configuration on the classpath ("helpdesk/shop.example.yaml"). */
  public static SupportConfig loadResource(String name) {
    try (InputStream in = SupportConfigLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new ConfigException("classpath:" + name, List.of("classpath:" + name + ": not found"));
      return parse("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The configuration at a location: "classpath:NAME", "s3://bucket/key" (read with s3), "none" (no departments,
   * no rules), or a file path.
   */
  public static SupportConfig fromLocation(String location, java.util.function.BiFunction<String, String, byte[]> s3) {
    if (location == null || location.isBlank() || location.equals("none")) return SupportConfig.NONE;
    if (location.startsWith("classpath:")) return loadResource(location.substring("classpath:".length()));
    if (location.startsWith("s3://")) {
      String rest = location.substring(5);
      int slash = rest.indexOf('/');
      if (slash <= 0) throw new ConfigException(location, List.of(location + ": expected s3://bucket/key"));
      return parse(location, new String(s3.apply(rest.substring(0, slash), rest.substring(slash + 1)), StandardCharsets.UTF_8));
    }
    return load(Path.of(location));
  }

  public static SupportConfig parse(String source, String yaml) {
    return new SupportConfigLoader(source).read(yaml);
  }

  private static Node compose(String source, String yaml) {
    try {
      return YamlReader.read(yaml);
    } catch (YamlReader.SyntaxError e) {
      throw new ConfigException(source, List.of(source + ":" + e.line + ": not valid YAML: " + e.getMessage()));
    }
  }

  private SupportConfig read(String yaml) {
    Node root = compose(y.source(), yaml);
    if (root == null) throw new ConfigException(y.source(), List.of(y.source() + ":1: the file is empty"));
    Map<String, Node> top = y.map(root, "(top)", TOP);
    if (top.containsKey("fields")) readFields(top.get("fields"));
    if (top.containsKey("categories")) categories.addAll(y.strings(top.get("categories"), "categories"));
    if (top.containsKey("calendars")) readCalendars(top.get("calendars"));
    if (top.containsKey("teams")) readTeams(top.get("teams"));
    if (top.containsKey("vip")) readVip(top.get("vip"));
    if (top.containsKey("departments")) readDepartments(top.get("departments"));
    else y.error(root, "departments", "missing: name at least one department and its support addresses");
    Map<String, Template> templates = top.containsKey("templates") ? readTemplates(top.get("templates")) : Map.of();
    ToneLexicon tone = top.containsKey("tone") ? readTone(y, top.get("tone"), "tone") : builtInTone();
    List<Rule> rules = top.containsKey("rules") ? readRules(top.get("rules")) : List.of();
    if (!y.problems().isEmpty()) throw new ConfigException(y.source(), y.problems());
    return new SupportConfig(y.source(), new RuleBook(departments, teams, tiers, fields, tone, rules), calendars,
        templates);
  }

  static ToneLexicon builtInTone() {
    try (InputStream in = SupportConfigLoader.class.getClassLoader().getResourceAsStream(BUILT_IN_TONE)) {
      if (in == null) throw new IllegalStateException(BUILT_IN_TONE + " is missing from the jar");
      String source = "classpath:" + BUILT_IN_TONE;
      YamlTree t = new YamlTree(source);
      ToneLexicon tone = readTone(t, compose(source, new String(in.readAllBytes(), StandardCharsets.UTF_8)), "tone");
      if (!t.problems().isEmpty()) throw new ConfigException(source, t.problems());
      return tone;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- sections --------------------------------------------------------------------------------------------

  private void readFields(Node n) {
    for (var e : y.map(n, "fields", null).entrySet()) {
      String path = "fields." + e.getKey();
      Map<String, Node> f = e.getValue() instanceof Scalar s && s.value().isEmpty() ? Map.of()
          : y.map(e.getValue(), path, List.of("label", "pattern"));
      Pattern p = f.containsKey("pattern") ? regex(f.get("pattern"), path + ".pattern", 0) : null;
      String label = f.containsKey("label") ? y.string(f.get("label"), path + ".label") : e.getKey();
      fields.put(e.getKey(), new CustomField(e.getKey(), label, p));
    }
  }

  private void readCalendars(Node n) {
    for (var e : y.map(n, "calendars", null).entrySet()) {
      String path = "calendars." + e.getKey();
      Map<String, Node> c = y.map(e.getValue(), path, List.of("timezone", "hours", "holidays"));
      String zone = "UTC";
      if (y.require(c, e.getValue(), path, "timezone")) {
        String z = y.string(c.get("timezone"), path + ".timezone");
        // TimeZone reads the JDK's zone database directly; ZoneId.of would first scan the classpath for providers.
        if (z != null && java.util.TimeZone.getTimeZone(z).getID().equals(z)) {
          zone = z;
        } else if (z != null) {
          y.error(c.get("timezone"), path + ".timezone", "unknown time zone \"" + z + "\" (use a region name such as Europe/Paris)");
        }
      }
      Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new HashMap<>();
      if (y.require(c, e.getValue(), path, "hours")) {
        for (var d : y.map(c.get("hours"), path + ".hours", null).entrySet()) {
          String dp = path + ".hours." + d.getKey();
          List<DayOfWeek> days = days(d.getKey());
          if (days == null) {
            y.error(d.getValue(), dp, "unknown day (use monday..sunday, weekdays or weekend)");
            continue;
          }
          List<BusinessCalendar.Hours> hours = hours(d.getValue(), dp);
          for (DayOfWeek day : days) week.put(day, hours);
        }
      }
      Set<LocalDate> holidays = new HashSet<>();
      if (c.containsKey("holidays")) {
        for (YamlTree.Item h : y.items(c.get("holidays"), path + ".holidays")) {
          try {
            holidays.add(LocalDate.parse(h.value()));
          } catch (DateTimeException ex) {
            y.error(h.node(), path + ".holidays", "\"" + h.value() + "\" is not a date (YYYY-MM-DD)");
          }
        }
      }
      calendars.put(e.getKey(), new BusinessCalendar(e.getKey(), zone, week, holidays));
    }
  }

  private static List<DayOfWeek> days(String key) {
    return switch (key.toLowerCase(Locale.ROOT)) {
      case "weekdays" -> List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
      case "weekend" -> List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      default -> {
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().equalsIgnoreCase(key)) yield List.of(d);
        yield null;
      }
    };
  }

  private List<BusinessCalendar.Hours> hours(Node n, String path) {
    List<BusinessCalendar.Hours> out = new ArrayList<>();
    for (YamlTree.Item item : y.items(n, path)) {
      String span = item.value();
      if (span.equalsIgnoreCase("closed")) continue;
      String[] p = span.split("\\s*-\\s*");
      try {
        if (p.length != 2) throw new DateTimeException("not a span");
        LocalTime from = time(p[0]), to = p[1].equals("24:00") ? LocalTime.MAX : time(p[1]);
        if (!from.isBefore(to)) {
          y.error(item.node(), path, "\"" + span + "\" ends before it starts");
          continue;
        }
        out.add(new BusinessCalendar.Hours(from, to));
      } catch (DateTimeException e) {
        y.error(item.node(), path, "\"" + span + "\" is not a span of hours such as 09:00-17:30 (or closed)");
      }
    }
    return out;
  }

  /** HH:MM. Parsed by hand: java.time's formatters cost a cold start more than the whole file's other checks. */
  private static LocalTime time(String s) {
    if (!s.matches("[0-9]{1,2}:[0-9]{2}")) throw new DateTimeException(s);
    int colon = s.indexOf(':');
    return LocalTime.of(Integer.parseInt(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
  }

  /** YYYY-MM-DD, by hand for the same reason as {@link #time}. */
  private static LocalDate date(String s) {
    if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) throw new DateTimeException(s);
    return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
        Integer.parseInt(s.substring(8, 10)));
  }

  private void readTeams(Node n) {
    List<Node> items = y.list(n, "teams");
    for (int i = 0; i < items.size(); i++) {
      String path = "teams[" + i + "]";
      Map<String, Node> t = y.map(items.get(i), path, List.of("name", "routing", "agents"));
      String name = y.require(t, items.get(i), path, "name") ? name(t.get("name"), path + ".name") : null;
      if (name != null && teamNodes.containsKey(name)) y.error(t.get("name"), path + ".name", "team \"" + name + "\" is defined twice");
      Team.Strategy strategy = Team.Strategy.ROUND_ROBIN;
      if (t.containsKey("routing")) {
        String r = y.string(t.get("routing"), path + ".routing");
        if (r != null) {
          strategy = Team.Strategy.of(r).orElse(null);
          if (strategy == null) {
            y.error(t.get("routing"), path + ".routing", "unknown routing \"" + r + "\" (expected round-robin or least-open)");
            strategy = Team.Strategy.ROUND_ROBIN;
          }
        }
      }
      List<Agent> agents = new ArrayList<>();
      if (y.require(t, items.get(i), path, "agents")) {
        List<Node> as = y.list(t.get("agents"), path + ".agents");
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < as.size(); k++) {
          String ap = path + ".agents[" + k + "]";
          Map<String, Node> a = y.map(as.get(k), ap, List.of("email", "name", "languages", "skills", "senior", "available"));
          if (!y.require(a, as.get(k), ap, "email")) continue;
          String email = address(a.get("email"), ap + ".email");
          if (email == null) continue;
          if (!seen.add(email)) y.error(a.get("email"), ap + ".email", email + " is listed twice in this team");
          List<String> langs = a.containsKey("languages") ? languages(a.get("languages"), ap + ".languages") : List.of();
          agents.add(new Agent(email, a.containsKey("name") ? y.string(a.get("name"), ap + ".name") : null,
              new LinkedHashSet<>(langs), new LinkedHashSet<>(a.containsKey("skills") ? y.strings(a.get("skills"), ap + ".skills") : List.of()),
              a.containsKey("senior") && Boolean.TRUE.equals(y.bool(a.get("senior"), ap + ".senior")),
              !a.containsKey("available") || !Boolean.FALSE.equals(y.bool(a.get("available"), ap + ".available"))));
        }
      }
      if (name != null) {
        teamNodes.put(name, items.get(i));
        teams.add(new Team(name, strategy, agents));
      }
    }
  }

  private void readVip(Node n) {
    List<Node> items = y.list(n, "vip");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "vip[" + i + "]";
      Map<String, Node> v = y.map(items.get(i), path, List.of("tier", "addresses", "domains"));
      if (!y.require(v, items.get(i), path, "tier")) continue;
      String tier = name(v.get("tier"), path + ".tier");
      if (tier != null && !names.add(tier)) y.error(v.get("tier"), path + ".tier", "tier \"" + tier + "\" is defined twice");
      Set<String> addresses = new LinkedHashSet<>();
      if (v.containsKey("addresses")) {
        for (YamlTree.Item item : y.items(v.get("addresses"), path + ".addresses")) {
          String a = item.value();
          if (ADDRESS.matcher(a).matches()) addresses.add(a.toLowerCase(Locale.ROOT));
          else y.error(item.node(), path + ".addresses", "\"" + a + "\" is not a mail address");
        }
      }
      Set<String> domains = new LinkedHashSet<>();
      if (v.containsKey("domains")) {
        for (YamlTree.Item item : y.items(v.get("domains"), path + ".domains")) {
          String d = item.value();
          String dd = d.startsWith("@") ? d.substring(1) : d;
          if (dd.contains(".") && !dd.contains("@") && !dd.contains(" ")) domains.add(dd.toLowerCase(Locale.ROOT));
          else y.error(item.node(), path + ".domains", "\"" + d + "\" is not a domain (example.com)");
        }
      }
      if (addresses.isEmpty() && domains.isEmpty()) y.error(items.get(i), path, "a tier needs addresses or domains");
      if (tier != null) tiers.add(new VipTier(tier, addresses, domains));
    }
  }

  private void readDepartments(Node n) {
    List<Node> items = y.list(n, "departments");
    Map<String, String> owner = new HashMap<>();
    Set<String> names = new HashSet<>();
    boolean fallbackSeen = false;
    for (int i = 0; i < items.size(); i++) {
      String path = "departments[" + i + "]";
      Map<String, Node> d = y.map(items.get(i), path, List.of("name", "addresses", "team", "calendar", "fields", "fallback"));
      if (!y.require(d, items.get(i), path, "name")) continue;
      String name = name(d.get("name"), path + ".name");
      if (name == null) continue;
      if (!names.add(name)) y.error(d.get("name"), path + ".name", "department \"" + name + "\" is defined twice");
      Set<String> addresses = new LinkedHashSet<>();
      if (y.require(d, items.get(i), path, "addresses")) {
        for (YamlTree.Item item : y.items(d.get("addresses"), path + ".addresses")) {
          String a = item.value();
          String lower = a.toLowerCase(Locale.ROOT);
          if (!ADDRESS.matcher(a).matches()) {
            y.error(item.node(), path + ".addresses", "\"" + a + "\" is not a mail address");
          } else if (owner.containsKey(lower)) {
            y.error(item.node(), path + ".addresses", owner.get(lower).equals(name) ? a + " is listed twice"
                : a + " already belongs to department " + owner.get(lower));
          } else {
            owner.put(lower, name);
            addresses.add(lower);
          }
        }
      }
      String team = null;
      if (d.containsKey("team")) {
        team = y.string(d.get("team"), path + ".team");
        if (team != null && !teamNodes.containsKey(team)) y.error(d.get("team"), path + ".team", unknown("team", team, teamNodes.keySet()));
      }
      String calendar = null;
      if (d.containsKey("calendar")) {
        calendar = y.string(d.get("calendar"), path + ".calendar");
        if (calendar != null && !calendars.containsKey(calendar)) {
          y.error(d.get("calendar"), path + ".calendar", unknown("calendar", calendar, calendars.keySet()));
        }
      }
      List<YamlTree.Item> fieldItems = d.containsKey("fields") ? y.items(d.get("fields"), path + ".fields") : List.of();
      List<String> dfields = values(fieldItems);
      for (YamlTree.Item f : fieldItems) {
        if (!fields.containsKey(f.value())) y.error(f.node(), path + ".fields", unknown("field", f.value(), fields.keySet()));
      }
      boolean fallback = d.containsKey("fallback") && Boolean.TRUE.equals(y.bool(d.get("fallback"), path + ".fallback"));
      if (fallback && fallbackSeen) y.error(d.get("fallback"), path + ".fallback", "only one department can be the fallback");
      fallbackSeen |= fallback;
      departments.add(new Department(name, addresses, team, calendar, dfields, fallback));
    }
  }

  private Map<String, Template> readTemplates(Node n) {
    Map<String, Template> out = new LinkedHashMap<>();
    for (var e : y.map(n, "templates", null).entrySet()) {
      String path = "templates." + e.getKey();
      Map<String, Template.Text> byLang = new LinkedHashMap<>();
      for (var l : y.map(e.getValue(), path, null).entrySet()) {
        String lp = path + "." + l.getKey();
        if (!LANGUAGE.matcher(l.getKey()).matches()) y.error(l.getValue(), lp, "\"" + l.getKey() + "\" is not a language code (en, fr, pt-BR)");
        Map<String, Node> t = y.map(l.getValue(), lp, List.of("subject", "body"));
        String subject = y.require(t, l.getValue(), lp, "subject") ? y.string(t.get("subject"), lp + ".subject") : null;
        String body = y.require(t, l.getValue(), lp, "body") ? y.string(t.get("body"), lp + ".body") : null;
        for (String[] part : new String[][] {{"subject", subject}, {"body", body}}) {
          if (part[1] != null && count(part[1], "{{") != count(part[1], "}}")) {
            y.error(t.get(part[0]), lp + "." + part[0], "unbalanced {{ }} placeholder");
          }
        }
        byLang.put(l.getKey(), new Template.Text(subject, body));
      }
      out.put(e.getKey(), new Template(e.getKey(), byLang));
    }
    return out;
  }

  private static int count(String s, String what) {
    int c = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) c++;
    return c;
  }

  static ToneLexicon readTone(YamlTree y, Node n, String path) {
    Map<String, Map<String, List<WordIndex.Phrase>>> tags = new LinkedHashMap<>();
    int shouting = 0;
    for (var e : y.map(n, path, null).entrySet()) {
      if (e.getKey().equals("shouting")) {
        Integer s = y.integer(e.getValue(), path + ".shouting");
        shouting = s == null ? 0 : s;
        continue;
      }
      Map<String, List<WordIndex.Phrase>> byLang = new LinkedHashMap<>();
      for (var l : y.map(e.getValue(), path + "." + e.getKey(), null).entrySet()) {
        String lp = path + "." + e.getKey() + "." + l.getKey();
        if (!LANGUAGE.matcher(l.getKey()).matches()) y.error(l.getValue(), lp, "\"" + l.getKey() + "\" is not a language code");
        List<WordIndex.Phrase> phrases = new ArrayList<>();
        for (YamlTree.Item item : y.items(l.getValue(), lp)) {
          WordIndex.Phrase p = WordIndex.Phrase.of(item.value());
          if (p.isEmpty()) y.error(item.node(), lp, "\"" + item.value() + "\" has no word in it");
          else phrases.add(p);
        }
        byLang.put(l.getKey(), phrases);
      }
      tags.put(e.getKey(), byLang);
    }
    return new ToneLexicon(tags, shouting);
  }

  // ---- rules -----------------------------------------------------------------------------------------------

  private List<Rule> readRules(Node n) {
    List<Rule> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = y.list(n, "rules");
    for (int i = 0; i < items.size(); i++) {
      String path = "rules[" + i + "]";
      Map<String, Node> r = y.map(items.get(i), path, List.of("name", "on", "when", "then", "stop"));
      String name = y.require(r, items.get(i), path, "name") ? y.string(r.get("name"), path + ".name") : null;
      if (name != null) {
        path = "rules[" + i + "] (" + name + ")";
        if (!names.add(name)) y.error(r.get("name"), path + ".name", "another rule has this name; traces need unique names");
      }
      Set<Trigger> on = EnumSet.of(Trigger.CREATED);
      if (r.containsKey("on")) {
        on = EnumSet.noneOf(Trigger.class);
        for (YamlTree.Item item : y.items(r.get("on"), path + ".on")) {
          String t = item.value();
          var trig = Trigger.of(t);
          if (trig.isPresent()) on.add(trig.get());
          else y.error(item.node(), path + ".on", "unknown trigger \"" + t + "\" (expected "
              + String.join(", ", Arrays.stream(Trigger.values()).map(Trigger::label).toList()) + ")");
        }
      }
      Condition when = r.containsKey("when") ? condition(r.get("when"), path + ".when") : new Condition.Always();
      List<Action> then = y.require(r, items.get(i), path, "then") ? actions(r.get("then"), path + ".then") : List.of();
      boolean stop = r.containsKey("stop") && Boolean.TRUE.equals(y.bool(r.get("stop"), path + ".stop"));
      if (name != null && when != null) out.add(new Rule(name, on, when, then, stop, YamlTree.line(items.get(i))));
    }
    return out;
  }

  private Condition condition(Node n, String path) {
    if (!(n instanceof Mapping)) {
      y.error(n, path, "expected a condition (all:, any:, not:, or field: with an operator), found " + YamlTree.describe(n));
      return null;
    }
    List<String> allowed = new ArrayList<>(List.of("all", "any", "not", "field"));
    allowed.addAll(OPERATORS);
    Map<String, Node> c = y.map(n, path, allowed);
    if (c.containsKey("all") || c.containsKey("any")) {
      String kind = c.containsKey("all") ? "all" : "any";
      if (c.size() > 1) y.error(n, path, "\"" + kind + "\" stands alone; put the other tests inside its list");
      List<Condition> parts = new ArrayList<>();
      List<Node> items = y.list(c.get(kind), path + "." + kind);
      if (items.isEmpty()) y.error(c.get(kind), path + "." + kind, "an empty list never decides anything");
      for (int i = 0; i < items.size(); i++) {
        Condition p = condition(items.get(i), path + "." + kind + "[" + i + "]");
        if (p != null) parts.add(p);
      }
      return kind.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
    }
    if (c.containsKey("not")) {
      if (c.size() > 1) y.error(n, path, "\"not\" stands alone; put the test inside it");
      Condition inner = condition(c.get("not"), path + ".not");
      return inner == null ? null : new Condition.Not(inner, describe(c.get("not")));
    }
    if (!c.containsKey("field")) {
      y.error(n, path, "missing \"field\" (one of " + String.join(", ", Field.names()) + ")");
      return null;
    }
    String fname = y.string(c.get("field"), path + ".field");
    if (fname == null) return null;
    Field.Ref field = Field.parse(fname).orElse(null);
    if (field == null) {
      String hint = YamlTree.closest(fname, Field.names());
      y.error(c.get("field"), path + ".field", "unknown field \"" + fname + "\"" + (hint == null ? "" : " (did you mean \""
          + hint + "\"?)") + "; expected one of " + String.join(", ", Field.names()));
      return null;
    }
    if (field.field() == Field.CUSTOM && !fields.containsKey(field.name())) {
      y.error(c.get("field"), path + ".field", unknown("custom field", field.name(), fields.keySet()));
    }
    List<String> ops = new ArrayList<>();
    for (String op : OPERATORS) if (c.containsKey(op)) ops.add(op);
    if (ops.size() != 1) {
      y.error(n, path, ops.isEmpty() ? "missing an operator (one of " + String.join(", ", OPERATORS) + ")"
          : "one operator per test, found " + String.join(" and ", ops) + " (use all: or any: to combine)");
      return null;
    }
    String op = ops.get(0);
    Node v = c.get(op);
    String vp = path + "." + op;
    Operator operator = switch (op) {
      case "contains" -> {
        if (field.field().kind() == Field.Kind.NUMBER) {
          y.error(v, vp, field + " is a number; use equals, greater or less");
          yield null;
        }
        List<WordIndex.Phrase> phrases = new ArrayList<>();
        for (YamlTree.Item item : y.items(v, vp)) {
          WordIndex.Phrase p = WordIndex.Phrase.of(item.value());
          if (p.isEmpty() && field.field().kind() == Field.Kind.TEXT) y.error(item.node(), vp, "\"" + item.value() + "\" has no word in it");
          else phrases.add(p);
        }
        yield new Operator.Contains(phrases);
      }
      case "regex" -> {
        if (field.field().kind() == Field.Kind.NUMBER) {
          y.error(v, vp, field + " is a number; use equals, greater or less");
          yield null;
        }
        Pattern p = regex(v, vp, CASE_INSENSITIVE);
        yield p == null ? null : new Operator.Matches(p);
      }
      case "equals", "in" -> {
        List<YamlTree.Item> values;
        if (op.equals("equals")) {
          String s = y.string(v, vp);
          values = s == null ? List.of() : List.of(new YamlTree.Item(s, v));
        } else {
          if (v instanceof Scalar) y.error(v, vp, "\"in\" takes a list; use equals for one value");
          values = y.items(v, vp);
        }
        checkValues(field, values, vp);
        yield new Operator.Equals(values(values));
      }
      default -> { // greater, less
        boolean greater = op.equals("greater");
        String s = y.string(v, vp);
        if (s == null) yield null;
        if (field.field() == Field.PRIORITY) {
          var p = Priority.of(s);
          if (p.isEmpty()) {
            y.error(v, vp, "unknown priority \"" + s + "\" (" + priorities() + ")");
            yield null;
          }
          yield new Operator.Compare(greater, p.get().ordinal(), s);
        }
        if (field.field().kind() != Field.Kind.NUMBER && field.field() != Field.CUSTOM) {
          y.error(v, vp, field + " is not a number or a priority; greater and less compare numbers");
          yield null;
        }
        try {
          yield new Operator.Compare(greater, Double.parseDouble(s), s);
        } catch (NumberFormatException e) {
          y.error(v, vp, "\"" + s + "\" is not a number");
          yield null;
        }
      }
    };
    return operator == null ? null : new Condition.Test(field, operator);
  }

  /** Values compared with a field that has a closed set of values must be among them. */
  private void checkValues(Field.Ref field, List<YamlTree.Item> values, String path) {
    for (YamlTree.Item item : values) {
      String v = item.value();
      String problem = switch (field.field()) {
        case PRIORITY -> Priority.of(v).isPresent() ? null : "unknown priority \"" + v + "\" (" + priorities() + ")";
        case DEPARTMENT -> departments.stream().anyMatch(d -> d.name().equals(v)) ? null
            : unknown("department", v, departments.stream().map(Department::name).toList());
        case TEAM -> teamNodes.containsKey(v) ? null : unknown("team", v, teamNodes.keySet());
        case TIER -> tiers.stream().anyMatch(t -> t.name().equals(v)) ? null
            : unknown("VIP tier", v, tiers.stream().map(VipTier::name).toList());
        case STATUS, PREVIOUS_STATUS -> statusCodes().contains(v) ? null
            : "unknown status \"" + v + "\" (" + String.join(", ", statusCodes()) + ")";
        case LANGUAGE -> LANGUAGE.matcher(v).matches() ? null : "\"" + v + "\" is not a language code (en, fr, zh-CN)";
        case CATEGORY -> categories.isEmpty() || categories.contains(v) ? null : unknown("category", v, categories);
        default -> null;
      };
      if (problem != null) y.error(item.node(), path, problem);
    }
  }

  private List<Action> actions(Node n, String path) {
    List<String> allowed = List.of("department", "category", "priority", "team", "assignee", "tier", "add-tags",
        "remove-tags", "skills", "fields");
    Map<String, Node> t = y.map(n, path, allowed);
    if (t.isEmpty() && n instanceof Mapping) y.error(n, path, "a rule needs at least one action");
    List<Action> out = new ArrayList<>();
    String team = null, assignee = null;
    for (var e : t.entrySet()) {
      String ap = path + "." + e.getKey();
      Node v = e.getValue();
      switch (e.getKey()) {
        case "department" -> {
          String d = y.string(v, ap);
          if (d == null) break;
          if (department(d) == null) {
            y.error(v, ap, unknown("department", d, departments.stream().map(Department::name).toList()));
          }
          out.add(new Action.SetDepartment(d));
        }
        case "category" -> {
          String c = y.string(v, ap);
          if (c == null) break;
          if (!categories.isEmpty() && !categories.contains(c)) y.error(v, ap, unknown("category", c, categories));
          out.add(new Action.SetCategory(c));
        }
        case "priority" -> {
          String p = y.string(v, ap);
          if (p == null) break;
          var pr = Priority.of(p);
          if (pr.isEmpty()) y.error(v, ap, "unknown priority \"" + p + "\" (" + priorities() + ")");
          else out.add(new Action.SetPriority(pr.get()));
        }
        case "team" -> {
          team = y.string(v, ap);
          if (team == null) break;
          String tn = team;
          Team found = team(tn);
          if (found == null) y.error(v, ap, unknown("team", team, teamNodes.keySet()));
          else out.add(new Action.SetTeam(team, found.members()));
        }
        case "assignee" -> {
          String a = y.string(v, ap);
          if (a == null) break;
          assignee = a;
          String lower = a.toLowerCase(Locale.ROOT);
          if (!isAgent(lower)) {
            y.error(v, ap, "\"" + a + "\" is not an agent of any team");
          }
          out.add(new Action.SetAssignee(lower));
        }
        case "tier" -> {
          String tr = y.string(v, ap);
          if (tr == null) break;
          if (!isTier(tr)) {
            y.error(v, ap, unknown("VIP tier", tr, tiers.stream().map(VipTier::name).toList()));
          }
          out.add(new Action.SetTier(tr));
        }
        case "add-tags" -> out.add(new Action.AddTags(tags(v, ap)));
        case "remove-tags" -> out.add(new Action.RemoveTags(tags(v, ap)));
        case "skills" -> out.add(new Action.RequireSkills(y.strings(v, ap)));
        default -> out.addAll(fieldActions(v, ap)); // fields
      }
    }
    // An assignee named together with a team must be in it, or routing would silently drop them.
    if (team != null && assignee != null) {
      String tn = team, a = assignee;
      Team named = team(tn);
      if (named != null && !named.members().contains(a.toLowerCase(Locale.ROOT))) {
        y.error(t.get("assignee"), path + ".assignee", a + " is not in team " + tn);
      }
      // Apply the team first so that its assignee check sees the new team.
      List<Action> teamFirst = new ArrayList<>();
      for (Action x : out) if (x instanceof Action.SetTeam) teamFirst.add(x);
      for (Action x : out) if (!(x instanceof Action.SetTeam)) teamFirst.add(x);
      out = teamFirst;
    }
    return out;
  }

  private List<String> tags(Node v, String path) {
    List<String> out = new ArrayList<>();
    for (YamlTree.Item item : y.items(v, path)) {
      String s = item.value();
      if (s.contains(",") || s.contains(" ")) y.error(item.node(), path, "tag \"" + s + "\" has a space or comma; write one tag per list item");
      else out.add(s.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private List<Action> fieldActions(Node n, String path) {
    List<Action> out = new ArrayList<>();
    for (var e : y.map(n, path, null).entrySet()) {
      String fp = path + "." + e.getKey();
      CustomField spec = fields.get(e.getKey());
      if (spec == null) y.error(e.getValue(), fp, unknown("custom field", e.getKey(), fields.keySet()));
      Pattern valid = spec == null ? null : spec.pattern();
      if (e.getValue() instanceof Scalar) {
        String value = y.string(e.getValue(), fp);
        if (value == null) continue;
        if (valid != null && !valid.matcher(value).matches()) {
          y.error(e.getValue(), fp, "\"" + value + "\" does not match the field's pattern " + valid.pattern());
        }
        out.add(new Action.SetField(e.getKey(), value));
        continue;
      }
      Map<String, Node> cap = y.map(e.getValue(), fp, List.of("from", "regex"));
      if (!y.require(cap, e.getValue(), fp, "regex")) continue;
      Pattern p = regex(cap.get("regex"), fp + ".regex", CASE_INSENSITIVE);
      List<Field.Ref> from = new ArrayList<>();
      List<YamlTree.Item> sources = cap.containsKey("from") ? y.items(cap.get("from"), fp + ".from")
          : List.of(new YamlTree.Item("subject", null), new YamlTree.Item("text", null));
      for (YamlTree.Item item : sources) {
        String f = item.value();
        var ref = Field.parse(f);
        if (ref.isEmpty() || ref.get().field().kind() == Field.Kind.NUMBER) {
          y.error(item.node(), fp + ".from", "cannot capture from \"" + f + "\" (use a text or value field: subject, text, full-text, attachment-text, from...)");
        } else {
          from.add(ref.get());
        }
      }
      if (p != null) out.add(new Action.CaptureField(e.getKey(), from, p, valid));
    }
    return out;
  }

  // ---- small readers ---------------------------------------------------------------------------------------

  /** Marker for {@link #regex}: case-insensitive, Unicode-aware only when the pattern has non-ASCII letters. */
  private static final int CASE_INSENSITIVE = -1;

  private Pattern regex(Node n, String path, int flags) {
    String s = y.string(n, path);
    if (s == null) return null;
    if (flags == CASE_INSENSITIVE) {
      // Unicode case folding makes every character comparison a table lookup, several times slower on long
      // mail; an ASCII pattern ("order\s*#?(\d+)") folds the same without it.
      boolean ascii = true;
      for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
      flags = Pattern.CASE_INSENSITIVE | (ascii ? 0 : Pattern.UNICODE_CASE);
    }
    try {
      return Pattern.compile(s, flags);
    } catch (PatternSyntaxException e) {
      y.error(n, path, "regular expression does not compile: " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
  }

  private String name(Node n, String path) {
    String s = y.string(n, path);
    if (s != null && !NAME.matcher(s).matches()) {
      y.error(n, path, "\"" + s + "\" is not a usable name (letters, digits, space, - _ .)");
      return null;
    }
    return s;
  }

  private String address(Node n, String path) {
    String s = y.string(n, path);
    if (s == null) return null;
    if (!ADDRESS.matcher(s).matches()) {
      y.error(n, path, "\"" + s + "\" is not a mail address");
      return null;
    }
    return s.toLowerCase(Locale.ROOT);
  }

  private List<String> languages(Node n, String path) {
    List<String> out = new ArrayList<>();
    for (YamlTree.Item item : y.items(n, path)) {
      String l = item.value();
      if (LANGUAGE.matcher(l).matches()) out.add(l);
      else y.error(item.node(), path, "\"" + l + "\" is not a language code (en, fr, zh-CN)");
    }
    return out;
  }

  private static String unknown(String what, String name, java.util.Collection<String> known) {
    String hint = YamlTree.closest(name, List.copyOf(known));
    return "unknown " + what + " \"" + name + "\"" + (hint != null ? " (did you mean \"" + hint + "\"?)" : "")
        + (known.isEmpty() ? "; none is defined" : "; defined: " + String.join(", ", known));
  }

  private static List<String> values(List<YamlTree.Item> items) {
    List<String> out = new ArrayList<>(items.size());
    for (YamlTree.Item i : items) out.add(i.value());
    return out;
  }

  private Team team(String name) {
    for (Team t : teams) if (t.name().equals(name)) return t;
    return null;
  }

  private Department department(String name) {
    for (Department d : departments) if (d.name().equals(name)) return d;
    return null;
  }

  private boolean isAgent(String email) {
    for (Team t : teams) for (Agent a : t.agents()) if (a.email().equals(email)) return true;
    return false;
  }

  private boolean isTier(String name) {
    for (VipTier t : tiers) if (t.name().equals(name)) return true;
    return false;
  }

  private static String priorities() {
    return String.join(", ", Arrays.stream(Priority.values()).map(Priority::label).toList());
  }

  private static List<String> statusCodes() {
    return Arrays.stream(TicketStatus.values()).map(TicketStatus::code).toList();
  }

  private static String describe(Node n) {
    if (n instanceof Mapping m && m.entries().size() >= 1) {
      StringBuilder sb = new StringBuilder();
      m.entries().forEach(t -> {
        if (sb.length() > 0) sb.append(", ");
        sb.append(t.key().value()).append(' ').append(t.value() instanceof Scalar s ? s.value() : "...");
      });
      return sb.toString();
    }
    return YamlTree.describe(n);
  }
}
