package org.workspaceportal.workspace.files;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a workspace's notebook files are kept in its bucket ({@code portal.workspace.files}).
 *
 * @param saveInterval how often a running workspace's files are saved. Two minutes: Jupyter
 *     autosaves an open notebook every 120 s, so saving more often catches nothing more of a
 *     notebook, and a host lost without warning loses at most about two intervals of work (what
 *     Jupyter had not autosaved yet, and what changed since the last save). A save reads the whole
 *     folder from the engine but uploads only what changed (by the manifest), so a quiet workspace
 *     costs a local read and no upload.
 * @param retryAfter how soon a save that failed is tried again (periodic saves, and a stop waiting
 *     for its save)
 * @param stopWaitsAtMost how long a stop (or a deletion that keeps the files) keeps trying to save
 *     before it fails, saying why; the files stay on the host until then
 * @param lease how long one save may hold a workspace's files record before another may take it (a
 *     portal instance that died mid-save)
 * @param parallelUploads how many files are put in the bucket at once
 */
@Validated
@ConfigurationProperties("portal.workspace.files")
record FilesProperties(
    @DefaultValue("2m") @NotNull Duration saveInterval,
    @DefaultValue("30s") @NotNull Duration retryAfter,
    @DefaultValue("1h") @NotNull Duration stopWaitsAtMost,
    @DefaultValue("15m") @NotNull Duration lease,
    @DefaultValue("8") @Min(1) int parallelUploads) {

  /**
   * Where in a workspace's bucket its notebook files are: {@code <bucket>/.workspace-files/<path
   * under Jupyter's root>}, readable with the workspace's own key ({@code aws s3 cp --recursive
   * s3://<bucket>/.workspace-files/ .}). The leading dot keeps it out of Hadoop's listings of the
   * bucket's root (Spark skips names starting with a dot or an underscore).
   */
  static final String PREFIX = ".workspace-files/";
}
