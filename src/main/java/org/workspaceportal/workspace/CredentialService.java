package org.workspaceportal.workspace;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.workspace.WorkspaceEvents.CredentialsRevealed;

/**
 * A workspace's storage details. Anyone who may see the workspace sees the non-secret part; only
 * the owner gets the secret, and every time they do it is audited.
 */
@Service
public class CredentialService {

  private static final EnumSet<WorkspaceStatus> USABLE =
      EnumSet.of(WorkspaceStatus.READY, WorkspaceStatus.STOPPED);

  private final WorkspaceRepository workspaces;
  private final WorkspaceStorageRepository storage;
  private final SecretCipher cipher;
  private final ApplicationEventPublisher events;

  CredentialService(
      WorkspaceRepository workspaces,
      WorkspaceStorageRepository storage,
      SecretCipher cipher,
      ApplicationEventPublisher events) {
    this.workspaces = workspaces;
    this.storage = storage;
    this.cipher = cipher;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public Optional<StorageInfo> storageInfo(UUID id, CurrentUser user) {
    Workspace ws =
        workspaces
            .findById(id)
            .filter(w -> user.mayAccess(w.owner()))
            .orElseThrow(() -> new NotFoundException("Workspace"));
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
   * for any workspace that is not theirs to use).
   *
   * @param how how they were handed out, for the audit trail ("api", "page", "env-file", ...)
   */
  @Transactional
  public WorkspaceCredentials reveal(UUID id, CurrentUser user, String how) {
    Workspace ws =
        workspaces
            .findById(id)
            .filter(w -> w.owner().equals(user.username()))
            .orElseThrow(() -> new NotFoundException("Workspace"));
    WorkspaceStorage s = storage.findById(id).orElse(null);
    if (s == null
        || s.secretCiphertext() == null
        || s.verifiedAt() == null
        || !USABLE.contains(ws.status())) {
      throw new CredentialsNotAvailableException(ws.name());
    }
    events.publishEvent(
        new CredentialsRevealed(ws.id(), ws.name(), ws.owner(), user.username(), how));
    return new WorkspaceCredentials(
        ws.name(),
        s.s3Endpoint(),
        WorkspaceCredentials.REGION,
        s.bucket(),
        s.accessKeyId(),
        cipher.decrypt(s.secretCiphertext()),
        s.nfsAddress(),
        s.datahub());
  }
}
