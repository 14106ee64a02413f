package io.helpdeskmail.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helpdeskmail.mail.InspectionJson;
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

  static int run(String[] args, PrintStream out) throws JsonProcessingException {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        i++; // the rules configuration arrives with the "Rules" issue; accepted now so scripts need not change
      } else {
        paths.add(args[i]);
      }
    }
    if (paths.isEmpty()) {
      System.err.println("usage: inspect [--config FILE] PATH...");
      return 2;
    }
    MailInspector inspector = MailInspector.standard();
    int failed = 0;
    for (Path f : MailFiles.expand(paths)) {
      String line;
      try {
        byte[] raw = Files.readAllBytes(f);
        line = InspectionJson.mapper().writeValueAsString(InspectionJson.of(f.toString(), inspector.inspect(raw)));
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
