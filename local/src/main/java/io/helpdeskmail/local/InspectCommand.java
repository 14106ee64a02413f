package io.helpdeskmail.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskmail.adapter.tika.TikaAttachmentText;
import io.helpdeskmail.config.SupportConfigLoader;
import io.helpdeskmail.mail.InspectionJson;
import io.helpdeskmail.rules.AgentWorkload;
import io.helpdeskmail.rules.ClassificationJson;
import io.helpdeskmail.rules.Classifier;
import io.helpdeskmail.rules.RuleInput;
import java.time.Clock;
import io.helpdeskmail.mail.MailInspector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `inspect [--config FILE] PATH...`: one JSON object per message on stdout (JSON Lines). Never aborts on a bad
 * file: an unreadable file still gets its line, with ok=false and the reason.
 */
final class InspectCommand {
  private InspectCommand() {}

  /**
   * The rules stage as `inspect` and `bench` run it, without AWS: the configuration from a file or the classpath
   * (an s3:// location is refused), routing that shares tickets among agents in memory.
   */
  static Classifier offlineClassifier(String location) {
    return new Classifier(SupportConfigLoader.fromLocation(location, (bucket, key) -> {
      throw new IllegalArgumentException("no S3 here: give a file or classpath: configuration");
    }).rules(), new AgentWorkload.InMemory(), new TikaAttachmentText(), Clock.systemUTC());
  }

  static int run(String[] args, PrintStream out) throws JsonProcessingException {
    List<String> paths = new ArrayList<>();
    String config = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = args[++i];
      } else {
        paths.add(args[i]);
      }
    }
    if (paths.isEmpty()) {
      System.err.println("usage: inspect [--config FILE] PATH...");
      return 2;
    }
    MailInspector inspector = MailInspector.standard();
    // Without --config there is no classification (null in the output); with it, routing shares tickets among
    // agents as if the files arrived in this order.
    Classifier classifier = config == null ? null : offlineClassifier(config);
    int failed = 0;
    for (Path f : MailFiles.expand(paths)) {
      String line;
      try {
        byte[] raw = Files.readAllBytes(f);
        MailInspector.Outcome outcome = inspector.inspect(raw);
        ObjectNode o = InspectionJson.of(f.toString(), outcome);
        if (classifier != null && outcome instanceof MailInspector.Outcome.Inspected i) {
          o.set("classification", ClassificationJson.of(classifier.classifyNew(i.mail(), RuleInput.recipients(i.mail()))));
        }
        line = InspectionJson.mapper().writeValueAsString(o);
      } catch (IOException | RuntimeException | StackOverflowError e) {
        failed++;
        line = InspectionJson.mapper().writeValueAsString(InspectionJson.failure(f.toString(), "cannot read file: " + e));
      }
      out.println(line);
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
