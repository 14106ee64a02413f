package io.helpdeskmail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ColdStartCommandTest {
  @Test
  void deployedJavaToolOptions_shouldBeTheGlobalsValue_whenTemplateSetsItOnce() {
    String template = String.join("\n", "Globals:", "  Function:", "    Environment:", "      Variables:",
        "        TABLE_NAME: !Ref HelpdeskTable", "        JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1",
        "Resources:", "  InboundMailFunction:", "    Type: AWS::Serverless::Function");

    assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", ColdStartCommand.deployedJavaToolOptions(template));
  }

  @Test
  void deployedJavaToolOptions_shouldDropYamlQuotes_whenValueIsQuoted() {
    assertEquals("-Xshare:auto -XX:TieredStopAtLevel=1",
        ColdStartCommand.deployedJavaToolOptions("      JAVA_TOOL_OPTIONS: '-Xshare:auto -XX:TieredStopAtLevel=1'"));
  }

  @Test
  void deployedJavaToolOptions_shouldBeEmpty_whenTemplateSetsNone() {
    assertEquals("", ColdStartCommand.deployedJavaToolOptions("Globals:\n  Function:\n    MemorySize: 512\n"));
  }

  @Test
  void deployedJavaToolOptions_shouldRefuse_whenFunctionsAreDeployedWithDifferentOptions() {
    String template = "        JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1\n        JAVA_TOOL_OPTIONS: -Xmx256m\n";

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ColdStartCommand.deployedJavaToolOptions(template));
    assertTrue(e.getMessage().contains("differently"), e.getMessage());
  }

  @Test
  void deployedJavaToolOptions_shouldFindTheProjectTemplatesOptions() throws Exception {
    String template = Files.readString(Path.of("../template.yaml"));

    assertTrue(ColdStartCommand.deployedJavaToolOptions(template).contains("TieredStopAtLevel=1"));
  }
}
