/**
 * The cluster runtime on the registered Docker hosts: the implementation of the workspace module's
 * {@link org.workspaceportal.workspace.runtime.ClusterRuntime} port, and the only code that pairs a
 * host's engine endpoint with the container engine. It places a cluster's roles on hosts (leases
 * through {@code host}), gets the image there, runs each role as a container of the workspace image
 * (specs from {@code compute}), asks the master and the notebook how far they came, compares what
 * runs with what should, reads logs, and sweeps up what this portal made for clusters that are
 * gone.
 *
 * <p>A second runtime (Kubernetes, say) is a sibling module with one class implementing the same
 * port, chosen by configuration; the workspace module does not change.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Cluster runtime on Docker hosts",
    allowedDependencies = {"workspace::runtime", "host", "compute", "common"})
package org.workspaceportal.dockerruntime;
