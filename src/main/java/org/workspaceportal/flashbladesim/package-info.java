/**
 * FlashBlade simulator: a stand-in for a Pure Storage FlashBlade array, good enough that an HTTP
 * client cannot tell it from a real array for everything the portal uses.
 *
 * <p>It serves the management REST API 2.x over HTTPS on 127.0.0.1 (its own CA, written to a PEM
 * file clients can trust; API-token login, sessions, object-store accounts, users, access keys,
 * buckets, file systems, network interfaces, arrays) and a real S3 data plane (S3Proxy over a
 * jclouds blob store) in which every access key created through the API signs SigV4 requests that
 * reach only its own account's buckets. Tests drive it through {@link
 * org.workspaceportal.flashbladesim.FlashBladeSimulator} and its {@link
 * org.workspaceportal.flashbladesim.FaultInjector}; the embedded default run starts one per JVM
 * through {@link org.workspaceportal.flashbladesim.EmbeddedSimulatorEnvironmentPostProcessor}.
 *
 * <p>This simulator is for tests and the embedded default only and is never used by production
 * code: no other module may depend on it, and production configuration points the storage module at
 * a real array.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "FlashBlade simulator",
    allowedDependencies = {})
package org.workspaceportal.flashbladesim;
