package io.helpdeskmail.adapter.s3;

import io.helpdeskmail.inbound.RawMailStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Raw mail and derived objects in S3. The raw object is streamed into one array sized from Content-Length (the
 * SES maximum is 40 MB, which fits a 512 MB function together with its decoded attachments); the MIME reader then
 * shares that array instead of copying it.
 */
public final class S3RawMailStore implements RawMailStore {
  private final S3Client s3;

  public S3RawMailStore(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public byte[] read(String bucket, String key) {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      Long len = in.response().contentLength();
      if (len == null || len < 0 || len > Integer.MAX_VALUE - 16) return in.readAllBytes();
      return in.readNBytes(len.intValue());
    } catch (IOException e) {
      throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
    }
  }

  @Override
  public void put(String bucket, String key, byte[] data, String contentType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType == null ? "application/octet-stream" : contentType),
        RequestBody.fromBytes(data));
  }

  @Override
  public void copy(String bucket, String fromKey, String toKey) {
    s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey));
  }
}
