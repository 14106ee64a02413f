package io.helpdeskmail.local.stack;

import io.helpdeskmail.config.HelpdeskConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the emulators and the local stack once per test JVM (DynamoDB Local, ElasticMQ, S3Proxy take ~3 s
 * together) and hands it to any test that asks for a {@link LocalStack} parameter. Closed when the JVM's tests end.
 */
public final class LocalStackExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(NS).computeIfAbsent(LocalStack.class, k -> {
      try {
        return LocalStack.start(Emulators.Ports.ANY, null, HelpdeskConfig.EXAMPLE_SUPPORT_CONFIG);
      } catch (Exception e) {
        throw new IllegalStateException("the local stack did not start", e);
      }
    }, LocalStack.class);
  }
}
