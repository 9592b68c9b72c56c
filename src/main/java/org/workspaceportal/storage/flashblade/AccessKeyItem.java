package org.workspaceportal.storage.flashblade;

/**
 * An access key as the API returns it. {@code secretAccessKey} is filled only in the answer to the
 * POST that created the key.
 *
 * <p>Two identifiers: {@code name} is the resource name, the one {@code names=} takes; {@code
 * accessKeyId} (REST 2.20 and later) is "the access key ID which can be used directly to authorize
 * S3 operations". They differ for keys of users in a realm, whose names carry the realm prefix
 * ({@code realm1::PSFB...}). Before 2.20 there is only the name, and it is the id.
 */
record AccessKeyItem(
    String name, String accessKeyId, NamedRef user, String secretAccessKey, Boolean enabled) {

  /** The id S3 clients sign with: {@code access_key_id} where the array sends it, else the name. */
  String s3Id() {
    return accessKeyId == null || accessKeyId.isBlank() ? name : accessKeyId;
  }
}
