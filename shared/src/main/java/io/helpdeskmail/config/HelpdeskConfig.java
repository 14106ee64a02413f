package io.helpdeskmail.config;

import io.helpdeskmail.inbound.InboundSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deployment's settings, read from the environment in exactly one place ({@link #fromEnvironment}) and
 * passed through constructors from there. Names match template.yaml's Environment.Variables.
 */
public record HelpdeskConfig(
    String tableName,
    String mailBucket,
    String inboundPrefix,
    String inboundDeadLetterQueueUrl,
    Set<String> supportAddresses,
    String replyTokenSecret,
    int inlineTextLimitBytes,
    String supportConfig,
    AwsSettings aws) {

  /** Visible text kept inline in a message item (bytes); longer text goes to S3. See the README's write budget. */
  public static final int DEFAULT_INLINE_TEXT_LIMIT_BYTES = 600;

  /** The demo shop's helpdesk configuration, shipped in every package (shared/src/main/resources). */
  public static final String EXAMPLE_SUPPORT_CONFIG = "classpath:helpdesk/shop.example.yaml";

  public static final String DEFAULT_SUPPORT_ADDRESSES =
      "support@shop.example,returns@shop.example,exchange@shop.example,billing@shop.example,tech@shop.example";

  /**
   * Reads TABLE_NAME, MAIL_BUCKET, INBOUND_PREFIX, INBOUND_DLQ_URL, SUPPORT_ADDRESSES, REPLY_TOKEN_SECRET,
   * INLINE_TEXT_LIMIT_BYTES, HELPDESK_CONFIG (classpath:..., s3://bucket/key or a file path; "none" for no rules),
   * AWS_REGION and the optional endpoint overrides.
   */
  public static HelpdeskConfig fromEnvironment(Map<String, String> env) {
    return new HelpdeskConfig(
        required(env, "TABLE_NAME"),
        required(env, "MAIL_BUCKET"),
        env.getOrDefault("INBOUND_PREFIX", "inbound/"),
        required(env, "INBOUND_DLQ_URL"),
        addresses(env.getOrDefault("SUPPORT_ADDRESSES", DEFAULT_SUPPORT_ADDRESSES)),
        required(env, "REPLY_TOKEN_SECRET"),
        Integer.parseInt(env.getOrDefault("INLINE_TEXT_LIMIT_BYTES", Integer.toString(DEFAULT_INLINE_TEXT_LIMIT_BYTES))),
        env.getOrDefault("HELPDESK_CONFIG", EXAMPLE_SUPPORT_CONFIG),
        new AwsSettings(env.get("AWS_REGION"), uri(env.get("DYNAMODB_ENDPOINT")), uri(env.get("S3_ENDPOINT")),
            uri(env.get("SQS_ENDPOINT"))));
  }

  /** Inbound settings; the configuration's department addresses count as support addresses too. */
  public InboundSettings inboundSettings(Set<String> departmentAddresses) {
    Set<String> all = new LinkedHashSet<>(supportAddresses);
    all.addAll(departmentAddresses);
    Set<String> domains = new LinkedHashSet<>();
    for (String a : all) domains.add(a.substring(a.lastIndexOf('@') + 1));
    return new InboundSettings(all, domains, "attachments/", "bodies/", "quarantine/", inlineTextLimitBytes);
  }

  public static Set<String> addresses(String csv) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(csv.split("[,;\\s]+")).filter(a -> a.contains("@")).map(a -> a.trim().toLowerCase(Locale.ROOT))
        .forEach(out::add);
    return out;
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set (see template.yaml)");
    }
    return v;
  }

  private static URI uri(String v) {
    return v == null || v.isBlank() ? null : URI.create(v);
  }
}
