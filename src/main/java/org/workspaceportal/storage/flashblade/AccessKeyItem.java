package org.workspaceportal.storage.flashblade;

/**
 * An access key as the API returns it. {@code name} is the access key id; {@code secretAccessKey}
 * is filled only in the answer to the POST that created the key.
 */
record AccessKeyItem(String name, NamedRef user, String secretAccessKey, Boolean enabled) {}
