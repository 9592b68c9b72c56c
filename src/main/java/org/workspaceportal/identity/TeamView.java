package org.workspaceportal.identity;

import java.util.List;
import java.util.Set;

/**
 * A team as others see it.
 *
 * @param named the members named in the portal
 * @param members everyone in it now: the named ones and the people whose last sign-in through the
 *     provider carried its group
 * @param maxStorageGiB the members' bucket sizes together; null: no limit
 * @param approvers the people named in the portal who approve the members' requests
 * @param approverGroup the provider's group whose members approve them; null: none
 */
public record TeamView(
    String name,
    String ssoGroup,
    List<String> named,
    Integer maxWorkspaces,
    Integer maxWorkers,
    Integer maxStorageGiB,
    Set<String> members,
    List<String> approvers,
    String approverGroup) {

  public TeamView {
    named = List.copyOf(named);
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    members = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(members));
  }

  /** Whether it limits its members together at all (else their quotas are theirs alone). */
  public boolean hasLimits() {
    return maxWorkspaces != null || maxWorkers != null || maxStorageGiB != null;
  }

  /** The members' usernames as the edit form shows them. */
  public String namedText() {
    return String.join(", ", named);
  }

  /** The named approvers as the edit form shows them. */
  public String approversText() {
    return String.join(", ", approvers);
  }
}
