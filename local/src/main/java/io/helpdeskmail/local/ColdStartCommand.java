package io.helpdeskmail.local;

import io.helpdeskmail.config.HelpdeskConfig;
import io.helpdeskmail.local.stack.Emulators;
import io.helpdeskmail.local.stack.LocalStack;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `cold-start [--runs N]`: a fresh JVM running the inbound handler once against the local stack, against a bare
 * JVM that builds the same three SDK clients and makes one call; both timed from process start to exit,
 * alternating, in one run. Prints the medians and their ratio (budget <= 1.3x). Both JVMs get the JAVA_TOOL_OPTIONS
 * the function is deployed with (template.yaml), the way Lambda hands them over; COLD_START_JAVA_OPTS replaces
 * them (an empty value: a JVM with no options at all).
 */
final class ColdStartCommand {
  private ColdStartCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> o = Options.parse(args, List.of());
    int runs = Integer.parseInt(o.getOrDefault("--runs", "7"));
    try (LocalStack stack = LocalStack.start(Emulators.Ports.ANY, null,
        HelpdeskConfig.EXAMPLE_SUPPORT_CONFIG)) {
      Map<String, String> env = new HashMap<>();
      HelpdeskConfig c = stack.config();
      env.put("TABLE_NAME", c.tableName());
      // The deployed default (template.yaml): the example shop's configuration, rules and routing included.
      env.put("HELPDESK_CONFIG", System.getenv().getOrDefault("COLD_START_HELPDESK_CONFIG", c.supportConfig()));
      env.put("MAIL_BUCKET", c.mailBucket());
      env.put("INBOUND_DLQ_URL", c.inboundDeadLetterQueueUrl());
      env.put("REPLY_TOKEN_SECRET", c.replyTokenSecret());
      env.put("AWS_REGION", "us-east-1");
      env.put("DYNAMODB_ENDPOINT", stack.emulators().dynamoDbEndpoint.toString());
      env.put("S3_ENDPOINT", stack.emulators().s3Endpoint.toString());
      env.put("SQS_ENDPOINT", stack.emulators().sqsEndpoint.toString());
      // Read once, handed to every probe: the deployed options, as Lambda hands them over, through the environment.
      String options = jvmOptions();
      if (!options.isEmpty()) env.put("JAVA_TOOL_OPTIONS", options);
      String classpath = probeClasspath();
      List<Long> bare = new ArrayList<>(), handler = new ArrayList<>();
      for (int i = 0; i < runs + 1; i++) {
        String key = stack.storeRaw(IngestBenchCommand.customerMail(1_000_000 + (int) (System.nanoTime() % 1_000_000)));
        long b = time(env, classpath, "bare");
        long h = time(env, classpath, "handler", new String(LocalStack.s3Event(c.mailBucket(), key), StandardCharsets.UTF_8));
        if (i == 0) continue; // the first pair warms the OS file cache for both alike
        bare.add(b);
        handler.add(h);
      }
      long mb = median(bare), mh = median(handler);
      out.printf(Locale.ROOT, "cold-start: bare JVM (3 SDK clients + DescribeTable) median %d ms of %s%n", mb, bare);
      out.printf(Locale.ROOT, "cold-start: inbound-mail handler, one S3 event, median %d ms of %s%n", mh, handler);
      out.printf(Locale.ROOT, "cold-start: ratio %.2fx (budget 1.3x), JAVA_TOOL_OPTIONS \"%s\" (%s), classpath: %s%n",
          (double) mh / mb, options, System.getenv("COLD_START_JAVA_OPTS") != null ? "COLD_START_JAVA_OPTS"
          : "template.yaml", classpath.split(java.io.File.pathSeparator).length + " entries");
      return (double) mh / mb <= 1.3 ? 0 : 1;
    }
  }

  /** What both JVMs start with: COLD_START_JAVA_OPTS when set, else the deployed function's options. */
  private static String jvmOptions() throws java.io.IOException {
    String f = System.getenv("COLD_START_JAVA_OPTS");
    if (f != null) return f.trim();
    Path template = Path.of("template.yaml");
    return java.nio.file.Files.exists(template) ? deployedJavaToolOptions(java.nio.file.Files.readString(template)) : "";
  }

  /**
   * The JAVA_TOOL_OPTIONS value of a SAM template (the Globals' or the only function's; they are one line of
   * plain scalar here), or "" when it sets none. Lambda's JVM reads this variable at start; so do the probes.
   */
  static String deployedJavaToolOptions(String template) {
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (String line : template.lines().toList()) {
      String t = line.strip();
      if (!t.startsWith("JAVA_TOOL_OPTIONS:")) continue;
      String v = t.substring("JAVA_TOOL_OPTIONS:".length()).strip();
      if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
        v = v.substring(1, v.length() - 1);
      }
      found.add(v);
    }
    if (found.size() > 1) throw new IllegalStateException("template.yaml sets JAVA_TOOL_OPTIONS differently: " + found);
    return found.isEmpty() ? "" : found.iterator().next();
  }

  private static long time(Map<String, String> env, String classpath, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS"); // this JVM's own, if any, is not what the probes measure
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (rc != 0) throw new IllegalStateException(args[0] + " probe failed (" + rc + "): " + output);
    output.lines().filter(l -> l.startsWith("phases:")).forEach(l -> System.out.println("cold-start: " + args[0] + " " + l));
    return ms;
  }

  /**
   * The function's own runtime classpath (functions/inbound-mail/target/classpath.txt, written at package time)
   * plus the probe class: what a deployed Lambda loads. Falls back to this JVM's classpath (the whole local stack,
   * which slows both JVMs alike) when the file is missing. The probe class is copied into a folder of its own:
   * helpdesk-local.jar's manifest Class-Path would bring the local stack's 250 jars back in (logback with its XML
   * configuration, Scala, which the SDK's user agent probes for), which no Lambda has.
   */
  static String probeClasspath() throws java.io.IOException {
    java.nio.file.Path cp = java.nio.file.Path.of("functions/inbound-mail/target/classpath.txt");
    java.nio.file.Path jar = java.nio.file.Path.of("functions/inbound-mail/target/inbound-mail-0.1.0-SNAPSHOT.jar");
    if (!java.nio.file.Files.exists(cp) || !java.nio.file.Files.exists(jar)) {
      return ManagementFactory.getRuntimeMXBean().getClassPath();
    }
    String probe = probeClassFolder().toString();
    return String.join(java.io.File.pathSeparator, probe, jar.toString(), java.nio.file.Files.readString(cp).strip());
  }

  /** A temporary folder holding only ColdStartProbe.class (it uses no other class of this module). */
  private static java.nio.file.Path probeClassFolder() throws java.io.IOException {
    String name = ColdStartProbe.class.getName().replace('.', '/') + ".class";
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cold-start-probe");
    java.nio.file.Path file = dir.resolve(name);
    java.nio.file.Files.createDirectories(file.getParent());
    try (java.io.InputStream in = ColdStartProbe.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("no " + name + " on this JVM's classpath");
      java.nio.file.Files.copy(in, file);
    }
    // deleteOnExit deletes in reverse order of registration: the folder first registered, the file last.
    java.nio.file.Path p = dir;
    p.toFile().deleteOnExit();
    for (java.nio.file.Path part : dir.relativize(file)) {
      p = p.resolve(part);
      p.toFile().deleteOnExit();
    }
    return dir;
  }

  private static long median(List<Long> l) {
    List<Long> s = new ArrayList<>(l);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
