package org.workspaceportal.identity;

import java.util.List;
import java.util.Set;

/**
 * A team as others see it.
 *
 * @param named the members named in the portal
 * @param members everyone in it now: the named ones and the people whose last sign-in through the
 *     provider carried its group
 */
public record TeamView(
    String name,
    String ssoGroup,
    List<String> named,
    Integer maxWorkspaces,
    Integer maxWorkers,
    Set<String> members) {

  public TeamView {
    named = List.copyOf(named);
    members = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(members));
  }

  /** The members' usernames as the edit form shows them. */
  public String namedText() {
    return String.join(", ", named);
  }
}
