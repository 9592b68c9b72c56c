package org.workspaceportal.workspace.data;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.storage.BucketAccessCheck;
import org.workspaceportal.storage.DataEndpoints;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.ObjectStorage;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.storage.StorageException;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;

/**
 * The storage steps: account, user, key, bucket, datahub and the S3 proof, and their teardown,
 * through the storage port. Its state is {@link WorkspaceStorage} (names fixed at the first step,
 * the key, the endpoints), kept by {@link StorageState}.
 */
@Component
class StorageStepHandler implements StepHandler {

  private static final Set<StepKind> KINDS =
      EnumSet.of(
          StepKind.ACCOUNT,
          StepKind.USER,
          StepKind.ACCESS_KEY,
          StepKind.BUCKET,
          StepKind.DATAHUB,
          StepKind.VERIFY,
          StepKind.REVOKE_KEYS,
          StepKind.REMOVE_BUCKET,
          StepKind.REMOVE_DATAHUB,
          StepKind.REMOVE_USER,
          StepKind.REMOVE_ACCOUNT);

  private final ObjectStorage storage;
  private final ObjectProvider<BucketAccessCheck> checkProvider;
  private final SecretCipher cipher;
  private final StorageState state;

  StorageStepHandler(
      ObjectStorage storage,
      ObjectProvider<BucketAccessCheck> checkProvider,
      SecretCipher cipher,
      StorageState state) {
    this.storage = storage;
    this.checkProvider = checkProvider;
    this.cipher = cipher;
    this.state = state;
  }

  @Override
  public Set<StepKind> kinds() {
    return KINDS;
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceStorage names = state.namesFor(step.workspace());
    Retention retention = step.workspace().retention();
    switch (step.kind()) {
      case ACCOUNT -> storage.ensureAccount(names.account());
      case USER -> storage.ensureUser(names.account(), names.objectUser());
      case ACCESS_KEY -> ensureKey(names);
      // the bucket's size is the one the workspace was requested with (its template's); without
      // one, and for the datahub, the storage adapter's settings (portal.storage.flashblade.
      // bucket-quota-bytes, datahub-bytes) apply
      case BUCKET ->
          storage.ensureBucket(
              names.account(), names.bucket(), gibToBytes(step.workspace().bucketQuotaGiB()));
      case DATAHUB -> storage.ensureFileSystem(names.datahub(), 0);
      case VERIFY -> verify(names);
      case REVOKE_KEYS -> {
        storage.accessKeyIds(names.account(), names.objectUser()).forEach(storage::deleteAccessKey);
        // the key no longer exists: keep no secret for it
        state.forgetKey(names.workspaceId());
      }
      case REMOVE_BUCKET -> storage.removeBucket(names.bucket(), retention);
      case REMOVE_DATAHUB -> storage.removeFileSystem(names.datahub(), retention);
      case REMOVE_USER -> storage.removeUser(names.account(), names.objectUser());
      case REMOVE_ACCOUNT -> storage.removeAccountIfEmpty(names.account());
      default -> throw new IllegalArgumentException("not a storage step: " + step.kind());
    }
    return StepOutcome.done();
  }

  private static Long gibToBytes(Integer gib) {
    return gib == null ? null : gib * (1L << 30);
  }

  /**
   * The secret of a key exists only in the response that created it. So: if the key we stored still
   * exists, we are done; otherwise any key the user has is an orphan of a lost response (the user
   * is ours alone), so delete those first, then create one and store it before anything else.
   */
  private void ensureKey(WorkspaceStorage names) {
    var existing = storage.accessKeyIds(names.account(), names.objectUser());
    if (names.accessKeyId() != null
        && names.secretCiphertext() != null
        && existing.contains(names.accessKeyId())) {
      return;
    }
    existing.forEach(storage::deleteAccessKey);
    NewAccessKey key = storage.createAccessKey(names.account(), names.objectUser());
    state.keyCreated(names.workspaceId(), key.accessKeyId(), cipher.encrypt(key.secretAccessKey()));
  }

  private void verify(WorkspaceStorage names) {
    if (names.accessKeyId() == null || names.secretCiphertext() == null) {
      throw new StorageException(
          "No access key was stored for this workspace; it cannot be verified.", false);
    }
    BucketAccessCheck check = checkProvider.getIfAvailable();
    if (check == null) {
      throw new StorageException("No S3 client is configured to verify the new key.", false);
    }
    DataEndpoints endpoints = storage.endpoints();
    check.verify(
        endpoints.s3Endpoint(),
        new NewAccessKey(names.accessKeyId(), cipher.decrypt(names.secretCiphertext())),
        names.bucket());
    state.verified(names.workspaceId(), endpoints.s3Endpoint().toString(), endpoints.nfsAddress());
  }
}
