package org.workspaceportal.workspace.files;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * Saves every READY workspace's notebook files every {@code save-interval} (and a failed save again
 * after {@code retry-after}), on one portal instance at a time (a db-scheduler recurring task). The
 * portal does it, not a process in the workspace: the tenant cannot stop it, fake it, or use it to
 * reach anything (see {@link NotebookSaves}), and its outcome is where the page can show it.
 * Workspaces are saved one after the other: a quiet workspace costs a read of its folder from its
 * host's engine and no upload.
 */
@Configuration(proxyBeanMethods = false)
class PeriodicSaves {

  private static final Logger log = LoggerFactory.getLogger(PeriodicSaves.class);

  private final WorkspaceRepository workspaces;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceFilesRepository records;
  private final NotebookSaves saves;
  private final FilesProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  PeriodicSaves(
      WorkspaceRepository workspaces,
      WorkspaceTemplateRepository templates,
      WorkspaceFilesRepository records,
      NotebookSaves saves,
      FilesProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.workspaces = workspaces;
    this.templates = templates;
    this.records = records;
    this.saves = saves;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> notebookFilesSaveTask() {
    java.time.Duration tick =
        properties.retryAfter().compareTo(properties.saveInterval()) < 0
            ? properties.retryAfter()
            : properties.saveInterval();
    return RecurringTasks.every("workspace-files-save", tick, this::saveDue);
  }

  /** One pass: every READY workspace whose save is due. */
  void saveDue() {
    List<UUID> ready =
        tx.execute(s -> workspaces.findIdsByStatusIn(List.of(WorkspaceStatus.READY)));
    for (UUID id : ready) {
      try {
        WorkspaceFacts facts = due(id);
        if (facts != null) {
          saves.save(facts);
        }
      } catch (RuntimeException e) {
        log.warn("Saving the notebook files of workspace {} failed: {}", id, e.getMessage());
      }
    }
  }

  /** The workspace's facts when its save is due now; null when not (or it has no notebook). */
  private WorkspaceFacts due(UUID id) {
    Instant now = clock.instant();
    return tx.execute(
        s -> {
          Workspace ws = workspaces.findById(id).orElse(null);
          if (ws == null || ws.status() != WorkspaceStatus.READY) {
            return null;
          }
          WorkspaceFacts facts = ws.facts(templates.findById(ws.templateId()).orElseThrow());
          if (!facts.notebook()) {
            return null;
          }
          WorkspaceFiles f = records.findById(id).orElse(null);
          Instant last = f == null ? null : f.lastAttemptAt();
          if (last == null) {
            // never saved while running: the first save one interval after it became READY
            last = ws.updatedAt();
          }
          boolean failing = f != null && f.failingSince() != null;
          Instant dueAt = last.plus(failing ? properties.retryAfter() : properties.saveInterval());
          return dueAt.isAfter(now) ? null : facts;
        });
  }
}
