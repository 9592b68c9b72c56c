package org.workspaceportal.workspace.template;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.workspaceportal.common.PlainText;

/**
 * Command to create or change a template (the name is fixed once created).
 *
 * @param idleStopMinutes stop its READY workspaces after this many minutes without notebook
 *     activity and Spark application; empty: never
 * @param poolSize clusters to keep started for it, each ready to be claimed by an approval (a warm
 *     pool); empty or 0: none
 * @param bucketQuotaGiB the size of its workspaces' buckets, a hard quota on the array; empty: the
 *     storage's default. A team with a storage limit can use only templates that have one
 */
public record TemplateForm(
    @NotBlank
        @Pattern(
            regexp = "[a-z][a-z0-9.-]{2,39}",
            message = "must be 3-40 lowercase letters, digits, '.' or '-', starting with a letter")
        String name,
    @Size(max = 500) @PlainText String description,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[A-Za-z0-9._/:@-]+", message = "must be a Docker image reference")
        String image,
    @NotBlank
        @Size(max = 20)
        @Pattern(regexp = "[0-9][0-9A-Za-z.-]*", message = "must be a version like 4.0.1")
        String sparkVersion,
    @NotNull @Min(1) @Max(64) Integer defaultWorkers,
    @NotNull @Min(1) @Max(64) Integer maxWorkers,
    @NotNull @Min(1) @Max(64) Integer workerCores,
    @NotNull @Min(256) @Max(1048576) Integer workerMemoryMb,
    @Min(1) @Max(10080) Integer idleStopMinutes,
    @Min(0) @Max(MAX_POOL_SIZE) Integer poolSize,
    @Min(1) @Max(MAX_BUCKET_GIB) Integer bucketQuotaGiB) {

  /** The largest bucket size a template may give, 1 PiB (the database checks it too). */
  public static final int MAX_BUCKET_GIB = 1_048_576;

  /** The largest warm pool a template may have (the database checks it too). */
  public static final int MAX_POOL_SIZE = 10;

  /** A form without idle stop and without a warm pool. */
  public TemplateForm(
      String name,
      String description,
      String image,
      String sparkVersion,
      Integer defaultWorkers,
      Integer maxWorkers,
      Integer workerCores,
      Integer workerMemoryMb) {
    this(
        name,
        description,
        image,
        sparkVersion,
        defaultWorkers,
        maxWorkers,
        workerCores,
        workerMemoryMb,
        null,
        null,
        null);
  }

  @AssertTrue(message = "the default number of workers must not exceed the maximum")
  public boolean isDefaultWithinMax() {
    return defaultWorkers == null || maxWorkers == null || defaultWorkers <= maxWorkers;
  }

  public static TemplateForm empty() {
    return new TemplateForm("", "", "workspace-portal/spark:4.0", "4.0.1", 2, 4, 1, 2048);
  }

  public static TemplateForm of(TemplateView t) {
    return new TemplateForm(
        t.name(),
        t.description(),
        t.image(),
        t.sparkVersion(),
        t.defaultWorkers(),
        t.maxWorkers(),
        t.workerCores(),
        t.workerMemoryMb(),
        t.idleStopMinutes(),
        t.poolSize(),
        t.bucketQuotaGiB());
  }
}
