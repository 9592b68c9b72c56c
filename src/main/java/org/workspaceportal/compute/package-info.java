/**
 * Compute: the port through which the portal runs containers on Docker hosts ({@link
 * org.workspaceportal.compute.ContainerEngine}). It is stateless: every call names the engine it
 * talks to ({@link org.workspaceportal.compute.EngineEndpoint}), and the caller keeps the state
 * (the host registry keeps endpoints, the workspace engine keeps what it launched). The docker-java
 * adapter lives in {@code compute.docker}; no docker-java type leaves it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Compute",
    allowedDependencies = "common")
package org.workspaceportal.compute;
