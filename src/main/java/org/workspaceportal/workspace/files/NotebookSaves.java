package org.workspaceportal.workspace.files;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.storage.BucketFiles;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.cluster.ClusterSpecs;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.NotebookFiles;
import org.workspaceportal.workspace.runtime.RuntimeFailure;

/**
 * A workspace's notebook files kept in its own bucket under {@value FilesProperties#PREFIX}: saved
 * from wherever the notebook runs (the runtime reads them), restored before it starts again.
 *
 * <p>The portal does the copying, with the workspace's own S3 key and nothing else: the tenant's
 * key can reach only her bucket, so even a file named to look like another workspace's path lands
 * in her bucket; the portal's own credentials are never used for her files, and no code of hers
 * runs in the copy (the runtime reads her folder through the engine, not through her processes).
 * Outside any transaction: the record is claimed in one short transaction (one save of a workspace
 * at a time, on any instance), the copy runs, the outcome is recorded in another.
 */
@Component
public class NotebookSaves {

  /** Files up to this size are read into memory and put in parallel; larger ones stream. */
  private static final int SMALL = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(NotebookSaves.class);

  private final WorkspaceFilesRepository records;
  private final TransactionTemplate tx;
  private final ClusterSpecs specs;
  private final ClusterRuntime runtime;
  private final BucketFiles buckets;
  private final FilesProperties properties;
  private final Clock clock;

  NotebookSaves(
      WorkspaceFilesRepository records,
      TransactionTemplate tx,
      ClusterSpecs specs,
      ClusterRuntime runtime,
      BucketFiles buckets,
      FilesProperties properties,
      Clock clock) {
    this.records = records;
    this.tx = tx;
    this.specs = specs;
    this.runtime = runtime;
    this.buckets = buckets;
    this.properties = properties;
    this.clock = clock;
  }

  /** How a save ended, when it did not fail. */
  enum Result {
    /** The bucket holds the files as they are now. */
    SAVED,
    /** The notebook's files are on no host (stopped before, or never started): nothing to do. */
    NOTHING_TO_READ,
    /** Another save of the workspace runs: ask again shortly. */
    BUSY
  }

  /** The files as the page shows them; empty before the first save was tried. */
  public Optional<FilesView> view(UUID workspaceId) {
    return tx.execute(
        s ->
            records
                .findById(workspaceId)
                .map(
                    f ->
                        new FilesView(
                            f.savedAt(),
                            f.files(),
                            f.bytes(),
                            f.lastAttemptAt(),
                            f.lastError(),
                            f.failingSince(),
                            properties.saveInterval(),
                            FilesProperties.PREFIX)));
  }

  /**
   * When the files of the last save that succeeded were read (what changed after that is not in the
   * bucket); empty if none ever did.
   */
  public Optional<Instant> lastSaveTakenAt(UUID workspaceId) {
    return tx.execute(
        s ->
            records
                .findById(workspaceId)
                .filter(WorkspaceFiles::everSaved)
                .map(f -> f.snapshotAt() != null ? f.snapshotAt() : f.savedAt()));
  }

  /**
   * Saves the subject's notebook files to its bucket: uploads what differs from the last save,
   * deletes what is gone. A failure is recorded (the page shows it) and thrown.
   */
  Result save(WorkspaceFacts subject) {
    UUID id = subject.id();
    ClusterSpec spec = specs.of(subject);
    if (spec.notebook() == null) {
      // placed, but its storage was never made (it failed, or was deleted, before that): no
      // bucket to save to, and no notebook ever ran
      return Result.NOTHING_TO_READ;
    }
    WorkspaceFiles before;
    try {
      before =
          tx.execute(
              s -> {
                WorkspaceFiles f =
                    records.findById(id).orElseGet(() -> records.save(new WorkspaceFiles(id)));
                return f.claim(clock.instant(), properties.lease()) ? f : null;
              });
    } catch (ObjectOptimisticLockingFailureException
        | org.springframework.dao.DataIntegrityViolationException e) {
      return Result.BUSY; // claimed meanwhile by another save
    }
    if (before == null) {
      return Result.BUSY;
    }
    try {
      Manifest previous = before.manifest();
      Instant snapshot = clock.instant();
      Manifest now = copyToBucket(spec, previous, before.snapshotAt());
      if (now == null) {
        record(id, WorkspaceFiles::nothingToRead);
        return Result.NOTHING_TO_READ;
      }
      record(id, f -> f.saved(now, snapshot, clock.instant()));
      return Result.SAVED;
    } catch (RuntimeException e) {
      record(id, f -> f.failed(e.getMessage(), clock.instant()));
      throw e;
    }
  }

  /** Null when the runtime found no notebook files to read. */
  private Manifest copyToBucket(ClusterSpec spec, Manifest previous, Instant previousSnapshot) {
    ClusterSpec.S3Access s3 = spec.notebook().s3();
    List<NotebookFiles.Entry> seen = new ArrayList<>();
    try (BucketFiles.Session bucket =
            buckets.open(
                URI.create(s3.endpoint()), s3.accessKeyId(), s3.secretAccessKey(), s3.bucket());
        ExecutorService puts = Executors.newVirtualThreadPerTaskExecutor()) {
      Semaphore inFlight = new Semaphore(Math.max(1, properties.parallelUploads()));
      List<Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
      boolean found =
          runtime.readNotebookFiles(
              spec,
              (e, in) -> {
                seen.add(e);
                if (e.directory() || previous.unchanged(e, previousSnapshot)) {
                  return;
                }
                String key = FilesProperties.PREFIX + e.path();
                if (e.size() > SMALL) {
                  bucket.put(key, in, e.size());
                  return;
                }
                byte[] bytes = in.readNBytes((int) e.size());
                inFlight.acquireUninterruptibly();
                pending.add(
                    puts.submit(
                        () -> {
                          try {
                            bucket.put(key, new ByteArrayInputStream(bytes), bytes.length);
                          } finally {
                            inFlight.release();
                          }
                        }));
              });
      awaitAll(pending);
      if (!found) {
        return null;
      }
      Manifest now = Manifest.of(seen);
      List<String> gone =
          previous.entries().values().stream()
              .filter(e -> !e.directory() && !now.entries().containsKey(e.path()))
              .map(e -> FilesProperties.PREFIX + e.path())
              .toList();
      bucket.delete(gone);
      return now;
    }
  }

  private static void awaitAll(List<Future<?>> pending) {
    RuntimeException first = null;
    for (Future<?> f : List.copyOf(pending)) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (first == null) {
          first =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new RuntimeFailure(e.getCause().getMessage(), true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuntimeFailure("interrupted while saving the notebook's files", true);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Writes the files of the last save into the notebook's folder on its (new) host, before the
   * notebook starts; false when nothing was ever saved (a new workspace, or one stopped before its
   * files were kept in the bucket, whose files stayed on its host).
   */
  boolean restore(WorkspaceFacts subject) {
    WorkspaceFiles saved = tx.execute(s -> records.findById(subject.id()).orElse(null));
    if (saved == null || !saved.everSaved()) {
      return false;
    }
    Manifest manifest = saved.manifest();
    ClusterSpec spec = specs.of(subject);
    ClusterSpec.S3Access s3 = spec.notebook().s3();
    try (BucketFiles.Session bucket =
            buckets.open(
                URI.create(s3.endpoint()), s3.accessKeyId(), s3.secretAccessKey(), s3.bucket());
        ExecutorService gets = Executors.newVirtualThreadPerTaskExecutor()) {
      runtime.writeNotebookFiles(
          spec,
          new Restoring(manifest.inWritingOrder(), bucket, gets, properties.parallelUploads()));
    }
    return true;
  }

  private void record(UUID id, java.util.function.Consumer<WorkspaceFiles> change) {
    try {
      tx.executeWithoutResult(s -> records.findById(id).ifPresent(change));
    } catch (RuntimeException e) {
      log.warn("Could not record the save of workspace {}: {}", id, e.getMessage());
    }
  }
}
