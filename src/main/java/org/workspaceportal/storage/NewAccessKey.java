package org.workspaceportal.storage;

/**
 * An access key with its secret, which exists only at creation. {@link #toString()} never shows it.
 */
public record NewAccessKey(String accessKeyId, String secretAccessKey) {

  @Override
  public String toString() {
    return "NewAccessKey[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
  }
}
