package io.helpdeskmail.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A watched folder: every file dropped in is ingested like mail SES received, then moved to processed/. Polled
 * once a second (portable, and a file still being written is caught by its size settling).
 */
public final class MailDrop implements AutoCloseable {
  private final Path folder;
  private final ScheduledExecutorService timer;

  private MailDrop(Path folder, ScheduledExecutorService timer) {
    this.folder = folder;
    this.timer = timer;
  }

  public static MailDrop start(LocalStack stack, Path folder) throws IOException {
    Path done = Files.createDirectories(folder.resolve("processed"));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "helpdesk-maildrop");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      } catch (IOException e) {
        return;
      }
      for (Path f : files) {
        try {
          long size = Files.size(f);
          if (System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis() < 500 || size != Files.size(f)) continue;
          System.out.println("maildrop: " + f.getFileName() + " -> " + stack.receive(Files.readAllBytes(f)));
          Files.move(f, done.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
          System.err.println("maildrop: " + f.getFileName() + ": " + e);
        }
      }
    }, 1, 1, TimeUnit.SECONDS);
    return new MailDrop(folder, timer);
  }

  public Path folder() {
    return folder;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
