package org.workspaceportal.storage.flashblade;

/** A reference to another FlashBlade object by name, e.g. {@code "account": {"name": "ws-42"}}. */
record NamedRef(String name) {}
