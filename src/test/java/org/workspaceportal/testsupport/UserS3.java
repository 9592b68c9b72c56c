package org.workspaceportal.testsupport;

import java.net.URI;
import org.workspaceportal.workspace.data.WorkspaceCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 client as a workspace's user makes one with her own key (an {@code aws s3} of hers): the
 * SDK's defaults, path style, her endpoint and region.
 */
public final class UserS3 {

  private UserS3() {}

  public static S3Client client(WorkspaceCredentials key) {
    return S3Client.builder()
        .endpointOverride(URI.create(key.endpoint()))
        .region(Region.of(key.region()))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .build();
  }
}
