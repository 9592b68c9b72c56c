package org.workspaceportal.storage.flashblade;

import java.util.List;

/**
 * The REST 2.x list envelope. {@code continuationToken} is set only while more items follow (and
 * only when {@code limit} was below the remaining count and no {@code sort} was given).
 */
record Page<T>(List<T> items, String continuationToken) {

  Page {
    items = items == null ? List.of() : items;
  }
}
