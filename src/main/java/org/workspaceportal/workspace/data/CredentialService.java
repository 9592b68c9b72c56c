package org.workspaceportal.workspace.data;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.storage.BucketAccessCheck;
import org.workspaceportal.storage.ObjectStorage;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceEvents.CredentialsDenied;
import org.workspaceportal.workspace.WorkspaceEvents.CredentialsRevealed;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;

/**
 * A workspace's storage details. Anyone who may see the workspace sees the non-secret part; only
 * the owner gets the secret, and every time they do it is audited, as is every try by someone else.
 */
@Service
public class CredentialService {

  private static final EnumSet<WorkspaceStatus> USABLE =
      EnumSet.of(
          WorkspaceStatus.READY,
          WorkspaceStatus.STOPPING,
          WorkspaceStatus.STOPPED,
          WorkspaceStatus.STARTING,
          WorkspaceStatus.RESIZING,
          WorkspaceStatus.DEGRADED,
          WorkspaceStatus.REPAIRING,
          WorkspaceStatus.UNREACHABLE,
          WorkspaceStatus.MOVING);

  private final WorkspaceRepository workspaces;
  private final WorkspaceStorageRepository storage;
  private final SecretCipher cipher;
  private final BucketAccessCheck region;
  private final ApplicationEventPublisher events;
  private final ObjectStorage objectStorage;

  CredentialService(
      WorkspaceRepository workspaces,
      WorkspaceStorageRepository storage,
      SecretCipher cipher,
      BucketAccessCheck region,
      ApplicationEventPublisher events,
      ObjectStorage objectStorage) {
    this.objectStorage = objectStorage;
    this.workspaces = workspaces;
    this.storage = storage;
    this.cipher = cipher;
    this.region = region;
    this.events = events;
  }

  /**
   * How long a bucket or datahub deleted with DESTROY retention stays recoverable on the array: a
   * deleted workspace's page says until when.
   */
  public Duration destroyedRecoverableFor() {
    return objectStorage.destroyedRecoverableFor();
  }

  @Transactional(readOnly = true)
  public Optional<StorageInfo> storageInfo(UUID id, CurrentUser user) {
    Workspace ws = workspaces.findVisible(id, user);
    return storage
        .findById(id)
        .map(
            s ->
                new StorageInfo(
                    s.account(),
                    s.bucket(),
                    s.accessKeyId(),
                    s.s3Endpoint(),
                    s.nfsAddress(),
                    s.datahub(),
                    USABLE.contains(ws.status())
                        && s.secretCiphertext() != null
                        && s.verifiedAt() != null));
  }

  /**
   * The credentials with the secret, for the owner only (an admin who is not the owner gets 404, as
   * for any workspace that is not theirs to use). Every reveal is audited, and so is every denied
   * try.
   *
   * @param how how they were handed out, for the audit trail ("api", "page", "env-file", ...)
   */
  @Transactional(noRollbackFor = NotFoundException.class)
  public WorkspaceCredentials reveal(UUID id, CurrentUser user, String how) {
    Workspace ws = ownersUsable(id, user, how);
    WorkspaceStorage s = storage.findById(id).orElseThrow();
    events.publishEvent(
        new CredentialsRevealed(ws.id(), ws.name(), ws.owner(), user.username(), how));
    return new WorkspaceCredentials(
        ws.name(),
        s.s3Endpoint(),
        region.region(),
        s.bucket(),
        s.accessKeyId(),
        cipher.decrypt(s.secretCiphertext()),
        s.nfsAddress(),
        s.datahub());
  }

  /**
   * Whether {@link #reveal} would hand the credentials out, without handing them out (a {@code
   * HEAD}): the same answers, and no reveal in the audit trail; a denied try still is.
   */
  @Transactional(noRollbackFor = NotFoundException.class)
  public void checkRevealable(UUID id, CurrentUser user, String how) {
    ownersUsable(id, user, how);
  }

  private Workspace ownersUsable(UUID id, CurrentUser user, String how) {
    Optional<Workspace> found = workspaces.findById(id);
    if (found.isEmpty() || !found.get().owner().equals(user.username())) {
      events.publishEvent(
          new CredentialsDenied(
              id,
              found.map(Workspace::name).orElse(null),
              found.map(Workspace::owner).orElse(null),
              user.username(),
              how));
      throw new NotFoundException("Workspace");
    }
    Workspace ws = found.get();
    WorkspaceStorage s = storage.findById(id).orElse(null);
    if (s == null
        || s.secretCiphertext() == null
        || s.verifiedAt() == null
        || !USABLE.contains(ws.status())) {
      throw new CredentialsNotAvailableException(ws.name());
    }
    return ws;
  }
}
