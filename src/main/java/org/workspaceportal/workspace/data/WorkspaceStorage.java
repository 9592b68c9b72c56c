package org.workspaceportal.workspace.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What exists on the storage system for one workspace. The names are fixed when provisioning starts
 * and derived from the workspace id, so every retry and every teardown addresses the same objects.
 */
@Entity
@Table(name = "workspace_storage")
public class WorkspaceStorage {

  static final String USER = "spark";

  @Id
  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String account;

  @Column(name = "object_user", nullable = false, updatable = false)
  private String objectUser;

  @Column(nullable = false, updatable = false)
  private String bucket;

  @Column(updatable = false)
  private String datahub;

  @Column(name = "access_key_id")
  private String accessKeyId;

  @Column(name = "secret_ciphertext")
  private String secretCiphertext;

  @Column(name = "s3_endpoint")
  private String s3Endpoint;

  @Column(name = "nfs_address")
  private String nfsAddress;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WorkspaceStorage() {}

  /** Deterministic names: account {@code ws-<12 hex>}, bucket {@code <name>-<12 hex>}. */
  static WorkspaceStorage namesFor(
      UUID workspaceId, String workspaceName, boolean datahub, Instant now) {
    WorkspaceStorage s = new WorkspaceStorage();
    String shortId = workspaceId.toString().replace("-", "").substring(0, 12);
    s.workspaceId = workspaceId;
    s.account = "ws-" + shortId;
    s.objectUser = USER;
    s.bucket = workspaceName + "-" + shortId;
    s.datahub = datahub ? "ws-" + shortId + "-datahub" : null;
    s.updatedAt = now;
    return s;
  }

  void keyCreated(String accessKeyId, String secretCiphertext, Instant now) {
    this.accessKeyId = accessKeyId;
    this.secretCiphertext = secretCiphertext;
    this.updatedAt = now;
  }

  void verified(String s3Endpoint, String nfsAddress, Instant now) {
    this.s3Endpoint = s3Endpoint;
    this.nfsAddress = nfsAddress;
    this.verifiedAt = now;
    this.updatedAt = now;
  }

  /** After teardown no secret is kept: the key no longer exists anyway. */
  void forgetKey(Instant now) {
    this.secretCiphertext = null;
    this.updatedAt = now;
  }

  UUID workspaceId() {
    return workspaceId;
  }

  String account() {
    return account;
  }

  String objectUser() {
    return objectUser;
  }

  public String bucket() {
    return bucket;
  }

  public String datahub() {
    return datahub;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String secretCiphertext() {
    return secretCiphertext;
  }

  public String s3Endpoint() {
    return s3Endpoint;
  }

  String nfsAddress() {
    return nfsAddress;
  }

  Instant verifiedAt() {
    return verifiedAt;
  }
}
