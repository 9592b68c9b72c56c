/**
 * Hosts: the registry of Docker hosts that workspaces run on (a unix socket, or TCP with TLS whose
 * PEM material is kept encrypted), their health (a recurring check claimed from PostgreSQL, UP or
 * DOWN with the last error in words), what the portal may use there (cores, memory, a port range)
 * and what workspaces hold (leases), drain and undrain, and the admin page and REST API for them.
 * It talks to the engines only through the compute port.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Hosts",
    allowedDependencies = {"compute", "secrets", "identity", "scheduling", "common"})
package org.workspaceportal.host;
