package io.helpdeskmail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps infrastructure out of the domain: AWS SDK classes only under adapter/, Jakarta Mail only in the MIME
 * reader (mail/mime) and adapters. Reads the sources as text, so it needs no extra library.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/helpdeskmail");

  @Test
  void awsSdk_shouldBeImportedOnlyByAdapters_whenScanningSharedSources() throws IOException {
    // GIVEN every main source file outside adapter/
    // WHEN we look for AWS SDK imports
    List<String> offenders = importers(Pattern.compile("^import (static )?software\\.amazon\\.", Pattern.MULTILINE),
        p -> !p.startsWith(MAIN.resolve("adapter")));
    // THEN there are none
    assertEquals(List.of(), offenders);
  }

  @Test
  void jakartaMail_shouldBeImportedOnlyByTheMimeReader_whenScanningSharedSources() throws IOException {
    // GIVEN every main source file outside mail/mime and adapter/
    // WHEN we look for Jakarta Mail imports
    List<String> offenders = importers(Pattern.compile("^import (static )?jakarta\\.mail\\.", Pattern.MULTILINE),
        p -> !p.startsWith(MAIN.resolve("mail/mime")) && !p.startsWith(MAIN.resolve("adapter")));
    // THEN there are none
    assertEquals(List.of(), offenders);
  }

  private static List<String> importers(Pattern imp, java.util.function.Predicate<Path> inScope) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).filter(inScope).filter(p -> {
        try {
          return imp.matcher(Files.readString(p)).find();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(Path::toString).sorted().toList();
    }
  }
}
