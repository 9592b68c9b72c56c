package org.workspaceportal.workspace.data;

import java.net.URI;

/**
 * How to reach a workspace's data, with the secret. Rendered as an env file (the variable names
 * Spark and the AWS tools read; the reference script's {@code AWS_SECRET_ACCESS_KEY_ID} was ignored
 * by Spark) or as {@code spark-defaults.conf} lines for S3A.
 */
public record WorkspaceCredentials(
    String workspace,
    String endpoint,
    String region,
    String bucket,
    String accessKeyId,
    String secretAccessKey,
    String nfsAddress,
    String datahub) {

  public String envFile() {
    return """
        # S3 credentials of workspace '%s'. Keep this file private.
        AWS_ACCESS_KEY_ID=%s
        AWS_SECRET_ACCESS_KEY=%s
        AWS_ENDPOINT_URL=%s
        AWS_DEFAULT_REGION=%s
        # Newer AWS SDKs and CLIs add checksums that S3-compatible stores may refuse: only when required.
        AWS_REQUEST_CHECKSUM_CALCULATION=when_required
        AWS_RESPONSE_CHECKSUM_VALIDATION=when_required
        S3_BUCKET=%s
        """
        .formatted(workspace, accessKeyId, secretAccessKey, endpoint, region, bucket);
  }

  public String sparkDefaults() {
    boolean https = "https".equalsIgnoreCase(URI.create(endpoint).getScheme());
    return """
        # S3A settings of workspace '%s' (bucket s3a://%s/). Keep this file private.
        spark.hadoop.fs.s3a.endpoint                   %s
        spark.hadoop.fs.s3a.endpoint.region            %s
        spark.hadoop.fs.s3a.access.key                 %s
        spark.hadoop.fs.s3a.secret.key                 %s
        spark.hadoop.fs.s3a.aws.credentials.provider   org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider
        spark.hadoop.fs.s3a.path.style.access          true
        spark.hadoop.fs.s3a.connection.ssl.enabled     %s
        spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version 2
        """
        .formatted(workspace, bucket, endpoint, region, accessKeyId, secretAccessKey, https);
  }

  @Override
  public String toString() {
    return "WorkspaceCredentials[workspace="
        + workspace
        + ", bucket="
        + bucket
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey=****]";
  }
}
