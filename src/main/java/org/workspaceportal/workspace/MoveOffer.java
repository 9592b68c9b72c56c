package org.workspaceportal.workspace;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What moving an UNREACHABLE workspace to other hosts would do, for its owner to confirm: which
 * hosts do not answer, whether the notebook is on one of them, and the save its notebooks would
 * come back from (what changed after it is lost).
 *
 * @param silentHosts the hosts of its cluster that do not answer, by name
 * @param notebookHost the one of them that holds the notebook; null when the notebook's host
 *     answers (its files are then saved first, as for a stop)
 * @param lastSavedAt when the notebooks' last save was taken; null if they were never saved
 */
public record MoveOffer(List<String> silentHosts, String notebookHost, Instant lastSavedAt) {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public MoveOffer {
    silentHosts = List.copyOf(silentHosts);
  }

  public boolean notebookLost() {
    return notebookHost != null;
  }

  /**
   * What the move keeps and what it loses, in words (also the history's reason for the move): "Host
   * h2 does not answer: the notebooks come back from their save of 2026-12-05 10:42 UTC; what
   * changed on h2 after it is lost."
   */
  public String consequence() {
    String silent =
        silentHosts.size() == 1
            ? "Host " + silentHosts.getFirst() + " does not answer"
            : "Hosts " + String.join(", ", silentHosts) + " do not answer";
    if (!notebookLost()) {
      return silent
          + ": its containers are left there; the notebooks are saved from the notebook's host"
          + " first, as for a stop.";
    }
    if (lastSavedAt == null) {
      return silent
          + ": the notebooks were never saved, so Jupyter starts without them; what was on "
          + notebookHost
          + " is lost.";
    }
    return silent
        + ": the notebooks come back from their save of "
        + CLOCK.format(lastSavedAt)
        + "; what changed on "
        + notebookHost
        + " after it is lost.";
  }
}
