package org.workspaceportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_events")
class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(updatable = false)
  private String target;

  @Column(updatable = false)
  private String detail;

  @Column(name = "remote_address", updatable = false)
  private String remoteAddress;

  @Column(name = "target_path", updatable = false)
  private String targetPath;

  protected AuditEvent() {}

  AuditEvent(
      Instant at,
      String actor,
      String action,
      String target,
      String targetPath,
      String detail,
      String remoteAddress) {
    this.targetPath = clip(targetPath, 300);
    this.at = at;
    this.actor = clip(actor, 64);
    this.action = action;
    this.target = clip(target, 200);
    this.detail = clip(detail, 2000);
    this.remoteAddress = clip(remoteAddress, 64);
  }

  AuditEntry toEntry() {
    return new AuditEntry(id, at, actor, action, target, detail, remoteAddress, targetPath);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
