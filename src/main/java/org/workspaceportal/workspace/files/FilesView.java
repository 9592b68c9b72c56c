package org.workspaceportal.workspace.files;

import java.time.Duration;
import java.time.Instant;

/**
 * A workspace's notebook files in its bucket, as its page shows them.
 *
 * @param savedAt when the last save ended; null before the first that succeeded
 * @param lastError why the latest save failed; null when it did not
 * @param failingSince when saves began failing; null when the latest succeeded
 * @param interval how often a running workspace's files are saved
 * @param prefix where in the bucket they are
 */
public record FilesView(
    Instant savedAt,
    int files,
    long bytes,
    Instant lastAttemptAt,
    String lastError,
    Instant failingSince,
    Duration interval,
    String prefix) {

  public boolean failing() {
    return failingSince != null;
  }
}
