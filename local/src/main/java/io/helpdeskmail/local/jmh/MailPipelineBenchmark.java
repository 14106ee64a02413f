package io.helpdeskmail.local.jmh;

import io.helpdeskmail.local.MailFiles;
import io.helpdeskmail.mail.ContentSniffer;
import io.helpdeskmail.mail.MailInspector;
import io.helpdeskmail.mail.ReadResult;
import io.helpdeskmail.mail.mime.AngusMailReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the mail reader alone and of the whole inbound CPU pipeline, one pass over a folder of mail
 * per operation (default events/mail; -p dir=FOLDER for another). Run: `local/helpdesk jmh` (JMH options follow).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MailPipelineBenchmark {
  @Param("events/mail")
  public String dir;

  private byte[][] mails;
  private AngusMailReader reader;
  private MailInspector pipeline;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<Path> files = MailFiles.expand(List.of(dir));
    mails = new byte[files.size()][];
    for (int i = 0; i < mails.length; i++) mails[i] = Files.readAllBytes(files.get(i));
    reader = new AngusMailReader(ContentSniffer.DECLARED);
    pipeline = MailInspector.standard();
  }

  /** Parsing only (MIME walk, headers, decoding), one pass over the folder. */
  @Benchmark
  public void readerPass(Blackhole bh) {
    for (byte[] m : mails) {
      ReadResult r = reader.read(m);
      bh.consume(r);
    }
  }

  /** Parse, reply extraction, machine-mail detection, language, content sniffing: what ingest runs. */
  @Benchmark
  public void pipelinePass(Blackhole bh) {
    for (byte[] m : mails) bh.consume(pipeline.inspect(m));
  }
}
