package org.workspaceportal.workspace.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * Rejected requests that their owner requested again since: a list shows them as history beside the
 * newer request rather than as a second, identical row that offers "Request again".
 */
final class Superseded {

  private Superseded() {}

  /** The rejected ones among these with a newer workspace of the same owner and name listed. */
  static Set<UUID> among(List<WorkspaceView> listed) {
    return listed.stream()
        .filter(w -> w.status() == WorkspaceStatus.REJECTED)
        .filter(
            rejected ->
                listed.stream()
                    .anyMatch(
                        w ->
                            w != rejected
                                && w.owner().equals(rejected.owner())
                                && w.name().equals(rejected.name())
                                && w.createdAt().isAfter(rejected.createdAt())))
        .map(WorkspaceView::id)
        .collect(Collectors.toSet());
  }
}
