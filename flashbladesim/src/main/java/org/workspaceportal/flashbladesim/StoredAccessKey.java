package org.workspaceportal.flashbladesim;

/**
 * An access key. The secret is kept (and persisted) because the S3 data plane needs it to verify
 * signatures, although the API returns it only in the response that created the key.
 */
record StoredAccessKey(String name, String secret, String user, long created, boolean enabled) {

  StoredAccessKey withEnabled(boolean newEnabled) {
    return new StoredAccessKey(name, secret, user, created, newEnabled);
  }
}
