package io.helpdeskmail.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands command-line paths: files as given, folders to every regular file under them, sorted. */
public final class MailFiles {
  private MailFiles() {}

  public static List<Path> expand(List<String> args) {
    List<Path> out = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
            .filter(f -> !f.getFileName().toString().endsWith(".json")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
