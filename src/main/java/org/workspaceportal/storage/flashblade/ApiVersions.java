package org.workspaceportal.storage.flashblade;

import java.util.List;

/** Answer of {@code GET /api/api_version}: every REST version the array speaks, 1.x included. */
record ApiVersions(List<String> versions) {}
