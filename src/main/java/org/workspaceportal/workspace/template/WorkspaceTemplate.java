package org.workspaceportal.workspace.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An admin-managed kind of workspace: image, Spark version and sizes. */
@Entity
@Table(name = "workspace_templates")
public class WorkspaceTemplate {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String name;

  private String description;

  @Column(nullable = false)
  private String image;

  @Column(name = "spark_version", nullable = false)
  private String sparkVersion;

  @Column(name = "default_workers", nullable = false)
  private int defaultWorkers;

  @Column(name = "max_workers", nullable = false)
  private int maxWorkers;

  @Column(name = "worker_cores", nullable = false)
  private int workerCores;

  @Column(name = "worker_memory_mb", nullable = false)
  private int workerMemoryMb;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  private boolean enabled;

  /** False for a storage-only template: a bucket and credentials, no Spark cluster. */
  @Column(nullable = false, updatable = false)
  private boolean cluster = true;

  /** Its READY workspaces stop after this long without activity; null: never. */
  @Column(name = "idle_stop_seconds")
  private Integer idleStopSeconds;

  /**
   * Its workspaces' buckets get this hard quota, in GiB; null: the storage adapter's default
   * ({@code portal.storage.flashblade.bucket-quota-bytes}), if any.
   */
  @Column(name = "bucket_quota_gib")
  private Integer bucketQuotaGiB;

  /** Clusters the warm pool keeps started for it; 0: none. */
  @Column(name = "pool_size", nullable = false)
  private int poolSize;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected WorkspaceTemplate() {}

  WorkspaceTemplate(TemplateForm form, Instant now) {
    this.id = UUID.randomUUID();
    this.name = form.name();
    this.createdAt = now;
    this.enabled = true;
    update(form);
  }

  void update(TemplateForm form) {
    this.description = form.description();
    this.image = form.image();
    this.sparkVersion = form.sparkVersion();
    this.defaultWorkers = form.defaultWorkers();
    this.maxWorkers = form.maxWorkers();
    this.workerCores = form.workerCores();
    this.workerMemoryMb = form.workerMemoryMb();
    this.idleStopSeconds = form.idleStopMinutes() == null ? null : form.idleStopMinutes() * 60;
    this.poolSize = form.poolSize() == null ? 0 : form.poolSize();
    this.bucketQuotaGiB = form.bucketQuotaGiB();
  }

  /** The size of its workspaces' buckets in GiB; null: the storage adapter's default. */
  public Integer bucketQuotaGiB() {
    return bucketQuotaGiB;
  }

  public int poolSize() {
    return poolSize;
  }

  /**
   * Whether its warm pool holds clusters a workspace of {@code workers} workers and a datahub or
   * not can claim: pool clusters have the default workers and mount no datahub.
   */
  public boolean keepsAPoolFor(int workers, boolean datahub) {
    return enabled && poolSize > 0 && workers == defaultWorkers && !datahub;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String image() {
    return image;
  }

  String sparkVersion() {
    return sparkVersion;
  }

  public int workerCores() {
    return workerCores;
  }

  public int workerMemoryMb() {
    return workerMemoryMb;
  }

  public boolean cluster() {
    return cluster;
  }

  public int defaultWorkers() {
    return defaultWorkers;
  }

  public int maxWorkers() {
    return maxWorkers;
  }

  public boolean enabled() {
    return enabled;
  }

  boolean isDefault() {
    return isDefault;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  void setDefault(boolean isDefault) {
    this.isDefault = isDefault;
  }

  TemplateView toView() {
    return new TemplateView(
        id,
        name,
        description,
        image,
        sparkVersion,
        defaultWorkers,
        maxWorkers,
        workerCores,
        workerMemoryMb,
        isDefault,
        enabled,
        cluster,
        idleStopSeconds == null ? null : (idleStopSeconds + 59) / 60,
        poolSize,
        bucketQuotaGiB);
  }
}
