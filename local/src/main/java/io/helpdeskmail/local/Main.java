package io.helpdeskmail.local;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of helpdesk-local.jar: dispatches to the command named first. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage(System.err);
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    int rc;
    try {
      rc = dispatch(args[0], rest);
    } catch (io.helpdeskmail.config.ConfigException e) {
      System.err.println(e.getMessage()); // every problem with file and line; a stack trace would only hide them
      rc = 2;
    }
    System.exit(rc);
  }

  private static int dispatch(String command, String[] rest) throws Exception {
    return switch (command) {
      case "inspect" -> InspectCommand.run(rest, System.out);
      case "bench" -> BenchCommand.run(rest, System.out);
      case "run" -> RunCommand.run(rest, System.out);
      case "replay" -> ReplayCommand.run(rest, System.out);
      case "bench-ingest" -> IngestBenchCommand.run(rest, System.out);
      case "cold-start" -> ColdStartCommand.run(rest, System.out);
      case "jmh" -> {
        org.openjdk.jmh.Main.main(rest.length == 0 ? new String[] {"MailPipelineBenchmark"} : rest);
        yield 0;
      }
      case "help", "--help", "-h" -> {
        usage(System.out);
        yield 0;
      }
      default -> {
        System.err.println("unknown command: " + command);
        usage(System.err);
        yield 2;
      }
    };
  }

  private static void usage(PrintStream out) {
    out.println("""
        usage: java -jar local/target/helpdesk-local.jar COMMAND [OPTIONS]
          inspect [--config FILE] PATH...   run the inbound pipeline on mail files (or folders), print JSON Lines
          bench [--seconds N] [--config F | --no-rules] PATH...  the CPU pipeline with rules (messages/s, MB/s), one core
          run [--data DIR | --in-memory] [--smtp-port N] [--dynamodb-port N] [--sqs-port N] [--s3-port N] [--no-demo]
                                             the local stack: emulators, SMTP in, mail drop folder, demo mail ingested
          replay [--key KEY]...              re-drive inbound dead letters (or raw-mail keys) through inbound-mail
          bench-ingest [--tickets N]         DynamoDB write units per new ticket and per threaded reply, Scans
          cold-start [--runs N]              cold invoke of inbound-mail in a fresh JVM vs a bare SDK JVM (ratio)
          jmh [JMH OPTIONS]                   JMH benchmarks of the reader and the pipeline (-p dir=FOLDER)""");
  }
}
