package io.helpdeskmail.adapter.aws;

import io.helpdeskmail.config.AwsSettings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients the same way everywhere: the JDK's URL-connection HTTP client (smallest cold start),
 * and an endpoint override only when the settings carry one (the in-process local stack). Without one, the SDK's
 * own resolution applies, including AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> for LocalStack.
 */
public final class AwsClients {
  private final AwsSettings settings;
  private final ExecutionInterceptor[] interceptors;

  public AwsClients(AwsSettings settings, ExecutionInterceptor... interceptors) {
    this.settings = settings;
    this.interceptors = interceptors;
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), settings.dynamoDbEndpoint()).build();
  }

  public S3Client s3() {
    // Path-style addressing: emulators (S3Proxy, LocalStack) do not serve virtual-hosted buckets on localhost.
    // Checksums only where S3 requires them: SES-written objects carry none to validate, and computing CRC32s on
    // every attachment upload (plus loading that machinery on a cold start) buys nothing over TLS here.
    return configure(S3Client.builder(), settings.s3Endpoint()).forcePathStyle(settings.s3Endpoint() != null)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
  }

  public SqsClient sqs() {
    return configure(SqsClient.builder(), settings.sqsEndpoint()).build();
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B b, URI endpoint) {
    b.httpClient(UrlConnectionHttpClient.create());
    if (settings.region() != null) b.region(Region.of(settings.region()));
    if (endpoint != null) {
      b.endpointOverride(endpoint);
      b.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
    if (interceptors.length > 0) {
      ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder();
      for (ExecutionInterceptor i : interceptors) o.addExecutionInterceptor(i);
      b.overrideConfiguration(o.build());
    }
    return b;
  }
}
