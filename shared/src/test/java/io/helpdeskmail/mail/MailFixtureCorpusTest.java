package io.helpdeskmail.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every hand-written fixture of events/mail through the whole inspect pipeline and checks the subset of
 * the inspect JSON that its NNN-name.expected.json states. The expected files say what a correct helpdesk
 * parser must give, not what the code gives today, so a failure here is a bug somewhere in the pipeline.
 */
class MailFixtureCorpusTest {
  private static final MailInspector INSPECTOR = MailInspector.standard();

  /** The fixture folder: system property helpdesk.events.dir (set by the surefire config), else ../events. */
  static Path mailDir() {
    String dir = System.getProperty("helpdesk.events.dir");
    Path events = dir == null || dir.isBlank() ? Path.of("..", "events") : Path.of(dir);
    return events.resolve("mail");
  }

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(mailDir())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
    }
  }

  @Test
  void fixtures_shouldNumberAtLeast45_whenCorpusIsListed() throws IOException {
    // GIVEN the fixture folder of the project
    // WHEN its messages are listed
    List<Path> all = fixtures();
    // THEN there are enough of them to cover the client styles, charsets, machine mail and malformed MIME
    assertTrue(all.size() >= 45, "only " + all.size() + " fixtures in " + mailDir());
    for (Path p : all) {
      assertTrue(Files.exists(expectedFor(p)), "no expected file beside " + p.getFileName());
    }
  }

  @TestFactory
  Stream<DynamicTest> inspect_shouldMatchExpectedSubset_whenFixtureIsInspected() throws IOException {
    return fixtures().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static Path expectedFor(Path eml) {
    String name = eml.getFileName().toString();
    return eml.resolveSibling(name.substring(0, name.length() - ".eml".length()) + ".expected.json");
  }

  private static void check(Path eml) throws IOException {
    JsonNode expected = InspectionJson.mapper().readTree(Files.readString(expectedFor(eml)));
    ObjectNode actual = InspectionJson.of(eml.getFileName().toString(), INSPECTOR.inspect(Files.readAllBytes(eml)));
    List<String> problems = new ArrayList<>();
    compare("$", expected, actual, problems);
    if (!problems.isEmpty()) fail(eml.getFileName() + " differs from its expected subset:\n  " + String.join("\n  ", problems));
  }

  /**
   * Recursive subset match: every key of an expected object must match; arrays must have the same length and
   * match element-wise; strings match after trimming; other values must be equal.
   */
  static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
    if (expected.isObject()) {
      if (actual == null || !actual.isObject()) {
        problems.add(path + ": expected an object, got " + brief(actual));
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), problems);
      }
    } else if (expected.isArray()) {
      if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
        problems.add(path + ": expected " + expected.size() + " elements, got " + brief(actual));
        return;
      }
      for (int i = 0; i < expected.size(); i++) compare(path + "[" + i + "]", expected.get(i), actual.get(i), problems);
    } else if (expected.isTextual()) {
      if (actual == null || !actual.isTextual() || !actual.asText().strip().equals(expected.asText().strip())) {
        problems.add(path + ": expected " + brief(expected) + ", got " + brief(actual));
      }
    } else if (expected.isNull()) {
      if (actual != null && !actual.isNull()) problems.add(path + ": expected null, got " + brief(actual));
    } else if (actual == null || !expected.equals(actual) && !(expected.isNumber() && actual.isNumber()
        && expected.decimalValue().compareTo(actual.decimalValue()) == 0)) {
      problems.add(path + ": expected " + expected + ", got " + brief(actual));
    }
  }

  private static String brief(JsonNode n) {
    if (n == null) return "(missing)";
    String s = n.toString();
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
