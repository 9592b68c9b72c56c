/**
 * The cluster runtime port: the Spawner of this portal. The workspace's steps make a cluster happen
 * and look at it through {@link org.workspaceportal.workspace.runtime.ClusterRuntime}, in words of
 * clusters and roles (a master, workers, a notebook), never of containers, engines or hosts. One
 * implementation runs clusters on the registered Docker hosts (module {@code dockerruntime}); a
 * second way of running clusters (Kubernetes, a hardened container profile) is one more
 * implementation of this interface, picked by configuration, and nothing in the workspace module
 * changes.
 *
 * <p>This package is the workspace module's one named interface besides its root: the runtime
 * module implements it.
 */
@org.springframework.modulith.NamedInterface("runtime")
package org.workspaceportal.workspace.runtime;
