package org.workspaceportal.flashbladesim;

import java.util.Map;
import org.gaul.s3proxy.BlobStoreLocator;
import org.jclouds.blobstore.BlobStore;

/**
 * Tells S3Proxy, per request, which secret verifies the signature of an access key and which view
 * of the blob store it may use: only its own account's live buckets, and only for the calls its
 * user's access policies allow. Looked up on every request, so keys created, disabled or deleted
 * and policies granted or revoked through the management API take effect at once.
 */
final class AccountBlobStoreLocator implements BlobStoreLocator {

  private final BlobStore backing;
  private final AccountRegistry accounts;
  private final BucketRegistry buckets;

  AccountBlobStoreLocator(BlobStore backing, AccountRegistry accounts, BucketRegistry buckets) {
    this.backing = backing;
    this.accounts = accounts;
    this.buckets = buckets;
  }

  @Override
  public Map.Entry<String, BlobStore> locateBlobStore(
      String identity, String container, String blob) {
    // null makes S3Proxy answer 403 InvalidAccessKeyId, as S3 does for unknown or deleted keys
    return accounts
        .s3Identity(identity)
        .map(
            id -> {
              var view =
                  new AccountScopedBlobStore(
                      backing,
                      id.account(),
                      id.policies(),
                      S3PolicyEnforcement.currentOperation(),
                      buckets);
              S3PolicyEnforcement.located(view);
              return Map.<String, BlobStore>entry(id.secret(), view);
            })
        .orElse(null);
  }
}
