package org.workspaceportal.workspace.cluster;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.storage.BucketAccessCheck;
import org.workspaceportal.storage.FileSystemMount;
import org.workspaceportal.storage.ObjectStorage;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.data.WorkspaceStorage;
import org.workspaceportal.workspace.data.WorkspaceStorageRepository;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Role;
import org.workspaceportal.workspace.template.WorkspaceTemplate;

/**
 * The cluster of a step's subject as it is wanted, put together from its cluster record, its facts
 * and (for a workspace's notebook) its storage: once per step, with its secrets decrypted, outside
 * any transaction.
 */
@Component
public class ClusterSpecs {

  private final ClusterState state;
  private final WorkspaceStorageRepository storage;
  private final SecretCipher cipher;
  private final ObjectStorage objectStorage;
  private final BucketAccessCheck region;
  private final ClusterProperties properties;

  ClusterSpecs(
      ClusterState state,
      WorkspaceStorageRepository storage,
      SecretCipher cipher,
      ObjectStorage objectStorage,
      BucketAccessCheck region,
      ClusterProperties properties) {
    this.state = state;
    this.storage = storage;
    this.cipher = cipher;
    this.objectStorage = objectStorage;
    this.region = region;
    this.properties = properties;
  }

  /**
   * The master, the notebook (unless it is a warm-pool cluster), then the workers: the roles of a
   * cluster of {@code workers} workers of these sizes.
   */
  public List<Role> roles(int workers, int workerCores, int workerMemoryMb, boolean notebook) {
    List<Role> roles = new ArrayList<>();
    roles.add(new Role(Role.MASTER, Role.Kind.MASTER, 1, properties.masterMemoryMb()));
    if (notebook) {
      roles.add(
          new Role(
              Role.NOTEBOOK,
              Role.Kind.NOTEBOOK,
              properties.notebookCpus(),
              properties.notebookMemoryMb()));
    }
    for (int i = 1; i <= workers; i++) {
      roles.add(new Role(Role.worker(i), Role.Kind.WORKER, workerCores, workerMemoryMb));
    }
    return roles;
  }

  /** The roles of a workspace's cluster of this template: for fit checks before it has one. */
  public List<Role> roles(WorkspaceTemplate template, int workers) {
    return roles(workers, template.workerCores(), template.workerMemoryMb(), true);
  }

  /** The subject's cluster, secrets decrypted; it must have a cluster record. */
  public ClusterSpec of(WorkspaceFacts subject) {
    WorkspaceCluster cluster = state.clusterOf(subject.id()).orElseThrow();
    ClusterSpec.NotebookAccess notebook = null;
    ClusterSpec.Datahub datahub = null;
    // a workspace's cluster is placed before its storage is made: no access for its notebook yet
    WorkspaceStorage s =
        subject.notebook()
            ? storage
                .findById(subject.id())
                .filter(made -> made.secretCiphertext() != null && made.s3Endpoint() != null)
                .orElse(null)
            : null;
    if (s != null) {
      notebook =
          new ClusterSpec.NotebookAccess(
              cipher.decrypt(cluster.jupyterTokenCiphertext()),
              new ClusterSpec.S3Access(
                  s.s3Endpoint(),
                  s.bucket(),
                  s.accessKeyId(),
                  cipher.decrypt(s.secretCiphertext()),
                  region.region()));
      if (s.datahub() != null) {
        FileSystemMount mount = objectStorage.mountOf(s.datahub());
        datahub = new ClusterSpec.Datahub(mount.source(), mount.volumeOptions());
      }
    }
    return new ClusterSpec(
        cluster.clusterId(),
        cluster.image(),
        cipher.decrypt(cluster.sparkSecretCiphertext()),
        roles(
            subject.workers(), subject.workerCores(), subject.workerMemoryMb(), subject.notebook()),
        notebook,
        datahub);
  }
}
