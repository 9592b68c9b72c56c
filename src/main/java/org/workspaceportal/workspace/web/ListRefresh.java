package org.workspaceportal.workspace.web;

import java.util.List;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * Lists of workspaces refresh themselves every 10 s while one of them is being set up or torn down,
 * and stop when none is, or after an hour (a page left open over a weekend asks nothing).
 */
final class ListRefresh {

  static final int MAX = 360;

  private ListRefresh() {}

  /** The number of the next refresh, or 0 when the list should not refresh again. */
  static int next(List<WorkspaceView> listed, int done) {
    boolean busy = listed.stream().anyMatch(w -> w.status().isBusy());
    return busy && done >= 0 && done < MAX ? done + 1 : 0;
  }
}
