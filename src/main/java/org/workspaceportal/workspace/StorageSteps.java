package org.workspaceportal.workspace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.storage.BucketAccessCheck;
import org.workspaceportal.storage.DataEndpoints;
import org.workspaceportal.storage.DataRetention;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.ObjectStorage;
import org.workspaceportal.storage.StorageException;
import org.workspaceportal.workspace.StepRecorder.Run;
import org.workspaceportal.workspace.StepRecorder.StorageNames;

/**
 * Runs one storage step against the storage port, outside any transaction, and records its success.
 * Failures propagate as {@link StorageException}s for the job to classify.
 */
@Component
class StorageSteps {

  private final ObjectProvider<ObjectStorage> storageProvider;
  private final ObjectProvider<BucketAccessCheck> checkProvider;
  private final SecretCipher cipher;
  private final StepRecorder recorder;
  private final EngineProperties properties;

  StorageSteps(
      ObjectProvider<ObjectStorage> storageProvider,
      ObjectProvider<BucketAccessCheck> checkProvider,
      SecretCipher cipher,
      StepRecorder recorder,
      EngineProperties properties) {
    this.storageProvider = storageProvider;
    this.checkProvider = checkProvider;
    this.cipher = cipher;
    this.recorder = recorder;
    this.properties = properties;
  }

  void run(Run step) {
    ObjectStorage storage = storage();
    StorageNames n = step.names();
    switch (step.kind()) {
      case ACCOUNT -> storage.ensureAccount(n.account());
      case USER -> storage.ensureUser(n.account(), n.user());
      case ACCESS_KEY -> {
        ensureKey(storage, step);
        return;
      }
      case BUCKET ->
          storage.ensureBucket(
              n.account(),
              n.bucket(),
              properties.bucketQuotaBytes() > 0 ? properties.bucketQuotaBytes() : null);
      case DATAHUB -> storage.ensureFileSystem(n.datahub(), properties.datahubBytes());
      case VERIFY -> {
        verify(storage, step);
        return;
      }
      case REVOKE_KEYS ->
          storage.accessKeyIds(n.account(), n.user()).forEach(storage::deleteAccessKey);
      case REMOVE_BUCKET -> storage.removeBucket(n.bucket(), retention(step.retention()));
      case REMOVE_DATAHUB -> storage.removeFileSystem(n.datahub(), retention(step.retention()));
      case REMOVE_USER -> storage.removeUser(n.account(), n.user());
      case REMOVE_ACCOUNT -> storage.removeAccountIfEmpty(n.account());
    }
    recorder.succeeded(step.stepId());
  }

  /**
   * The secret of a key exists only in the response that created it. So: if the key we stored still
   * exists, we are done; otherwise any key the user has is an orphan of a lost response (the user
   * is ours alone), so delete those first, then create one and store it before anything else.
   */
  private void ensureKey(ObjectStorage storage, Run step) {
    StorageNames n = step.names();
    var existing = storage.accessKeyIds(n.account(), n.user());
    if (n.accessKeyId() != null && n.secret() != null && existing.contains(n.accessKeyId())) {
      recorder.succeeded(step.stepId());
      return;
    }
    existing.forEach(storage::deleteAccessKey);
    NewAccessKey key = storage.createAccessKey(n.account(), n.user());
    recorder.keyCreated(
        step.stepId(),
        step.workspaceId(),
        key.accessKeyId(),
        cipher.encrypt(key.secretAccessKey()));
  }

  private void verify(ObjectStorage storage, Run step) {
    StorageNames n = step.names();
    if (n.accessKeyId() == null || n.secret() == null) {
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
        new NewAccessKey(n.accessKeyId(), cipher.decrypt(n.secret())),
        n.bucket());
    recorder.verified(
        step.stepId(),
        step.workspaceId(),
        endpoints.s3Endpoint().toString(),
        endpoints.nfsAddress());
  }

  private ObjectStorage storage() {
    ObjectStorage storage = storageProvider.getIfAvailable();
    if (storage == null) {
      throw new StorageException(
          "No storage system is configured: set portal.storage.flashblade.url and its API token.",
          false);
    }
    return storage;
  }

  private static DataRetention retention(Retention r) {
    return DataRetention.valueOf(r.name());
  }
}
