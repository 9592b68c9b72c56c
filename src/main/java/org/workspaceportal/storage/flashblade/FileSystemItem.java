package org.workspaceportal.storage.flashblade;

/** A file system as {@code GET /file-systems} returns it (the fields the portal reads). */
record FileSystemItem(String name, Boolean destroyed, Long provisioned, NfsSettings nfs) {

  boolean isDestroyed() {
    return Boolean.TRUE.equals(destroyed);
  }

  boolean isExported() {
    return nfs != null && nfs.isExported();
  }
}
