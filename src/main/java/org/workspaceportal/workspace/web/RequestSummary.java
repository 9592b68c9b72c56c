package org.workspaceportal.workspace.web;

import java.util.Locale;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * What a request asks for and where it leaves its owner's quota, as the form shows it under the
 * fields ({@code /js/portal.js} rewrites the same sentence as the fields change).
 *
 * @param workers the workers asked for (the template's default when none, or none valid, is given)
 * @param roomUpTo the most workers a cluster of the template gets room for on the hosts now (-1:
 *     not even its master and notebook)
 */
record RequestSummary(TemplateView template, int workers, Quota quota, int roomUpTo) {

  static RequestSummary of(TemplateView template, Integer asked, Quota quota, int roomUpTo) {
    if (template == null || quota == null) {
      return null;
    }
    boolean valid = asked != null && asked >= 1 && asked <= template.maxWorkers();
    return new RequestSummary(template, valid ? asked : template.defaultWorkers(), quota, roomUpTo);
  }

  /** Once approved, it would wait for room on the hosts (as things are now). */
  public boolean waitsForRoom() {
    return template.cluster() && workers > roomUpTo;
  }

  public int workspacesAfter() {
    return quota.usedWorkspaces() + 1;
  }

  public int workersAfter() {
    return quota.usedWorkers() + workers;
  }

  public boolean overQuota() {
    return workspacesAfter() > quota.maxWorkspaces()
        || workersAfter() > quota.maxWorkers()
        || storageBlocked();
  }

  /**
   * A team of hers limits storage and this template's bucket has no size, or a larger one than the
   * limit leaves.
   */
  public boolean storageBlocked() {
    Long left = quota.storageLeftGiB();
    return left != null && (template.bucketQuotaGiB() == null || template.bucketQuotaGiB() > left);
  }

  /** "3 workers = 3 CPU / 6.0 GB; after approval: 2 of 5 workspaces, 8 of 16 workers." */
  public String text() {
    String size =
        template.cluster()
            ? workers
                + (workers == 1 ? " worker" : " workers")
                + " = "
                + workers * template.workerCores()
                + " CPU / "
                + String.format(Locale.ROOT, "%.1f", workers * template.workerMemoryMb() / 1024.0)
                + " GB"
            : "Storage only";
    return size
        + "; after approval: "
        + workspacesAfter()
        + " of "
        + quota.maxWorkspaces()
        + " workspaces, "
        + workersAfter()
        + " of "
        + quota.maxWorkers()
        + " workers.";
  }
}
