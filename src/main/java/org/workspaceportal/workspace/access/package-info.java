/**
 * How a workspace is entered in a browser: the gateway's view of a workspace. The workspace module
 * says who owns it, whether it runs, where its Jupyter and Spark master UI answer on the hosts and
 * the key Jupyter checks the gateway's signature with ({@link WorkspaceDoors}); the gateway module
 * says at which address people open it ({@link WorkspaceAddresses}), which the workspace's links
 * and pages use.
 *
 * <p>This package is a named interface of the workspace module: the gateway module uses it.
 */
@org.springframework.modulith.NamedInterface("access")
package org.workspaceportal.workspace.access;
