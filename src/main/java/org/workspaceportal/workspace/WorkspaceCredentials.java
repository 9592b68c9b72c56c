package org.workspaceportal.workspace;

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

  public static final String REGION = "us-east-1";

  public String envFile() {
    return "# S3 credentials of workspace '"
        + workspace
        + "'. Keep this file private.\n"
        + "AWS_ACCESS_KEY_ID="
        + accessKeyId
        + "\n"
        + "AWS_SECRET_ACCESS_KEY="
        + secretAccessKey
        + "\n"
        + "AWS_ENDPOINT_URL="
        + endpoint
        + "\n"
        + "AWS_DEFAULT_REGION="
        + region
        + "\n"
        + "S3_BUCKET="
        + bucket
        + "\n";
  }

  public String sparkDefaults() {
    boolean https = "https".equalsIgnoreCase(URI.create(endpoint).getScheme());
    return "# S3A settings of workspace '"
        + workspace
        + "' (bucket s3a://"
        + bucket
        + "/). Keep this file private.\n"
        + "spark.hadoop.fs.s3a.endpoint                   "
        + endpoint
        + "\n"
        + "spark.hadoop.fs.s3a.endpoint.region            "
        + region
        + "\n"
        + "spark.hadoop.fs.s3a.access.key                 "
        + accessKeyId
        + "\n"
        + "spark.hadoop.fs.s3a.secret.key                 "
        + secretAccessKey
        + "\n"
        + "spark.hadoop.fs.s3a.aws.credentials.provider   org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider\n"
        + "spark.hadoop.fs.s3a.path.style.access          true\n"
        + "spark.hadoop.fs.s3a.connection.ssl.enabled     "
        + https
        + "\n"
        + "spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version 2\n";
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
