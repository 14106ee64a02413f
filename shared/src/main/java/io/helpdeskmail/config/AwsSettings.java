package io.helpdeskmail.config;

import java.net.URI;

/**
 * Where the AWS services are. All endpoints null means the SDK's own resolution (real AWS, or LocalStack through
 * AWS_ENDPOINT_URL); the in-process local stack sets one per emulator.
 */
public record AwsSettings(String region, URI dynamoDbEndpoint, URI s3Endpoint, URI sqsEndpoint) {}
