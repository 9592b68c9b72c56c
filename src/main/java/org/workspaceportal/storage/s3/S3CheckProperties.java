package org.workspaceportal.storage.s3;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the S3 access check talks to the data endpoint. Timeouts are short on purpose: the check runs
 * inside a provisioning step, and a data VIP that does not answer within seconds is a failure to
 * report.
 *
 * @param region signing region; FlashBlade accepts any, S3 clients need one
 * @param connectTimeout how long to wait for a TCP connection to the S3 endpoint
 * @param socketTimeout how long to wait for each read of an answer
 * @param callTimeout upper bound of one S3 call (the SDK does not retry: the engine does)
 */
@Validated
@ConfigurationProperties("portal.storage.s3")
record S3CheckProperties(
    @DefaultValue("us-east-1") @NotBlank String region,
    @DefaultValue("5s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration socketTimeout,
    @DefaultValue("30s") @NotNull Duration callTimeout) {

  static S3CheckProperties defaults() {
    return new S3CheckProperties(
        "us-east-1", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  @AssertTrue(message = "portal.storage.s3 timeouts must be positive")
  boolean isTimeoutsPositive() {
    return connectTimeout == null
        || socketTimeout == null
        || callTimeout == null
        || (connectTimeout.isPositive() && socketTimeout.isPositive() && callTimeout.isPositive());
  }
}
