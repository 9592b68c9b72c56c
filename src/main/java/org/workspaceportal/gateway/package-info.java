/**
 * The workspace gateway: each workspace's Jupyter and Spark UIs at an origin of its own ({@code
 * ws-<12 hex>.<domain>}), behind the portal's sign-in. Spring Cloud Gateway (its WebFlux server,
 * for WebSockets) runs in a context of its own beside the portal's, on a port of its own; the
 * portal's pages hand a signed-in owner a one-time ticket, the gateway turns it into a cookie of
 * that origin only, checks it on every request and forwards with a short-lived signature that only
 * the workspace's Jupyter accepts. No token ever reaches a browser.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Workspace gateway",
    allowedDependencies = {"workspace::access", "identity", "compute", "common"})
package org.workspaceportal.gateway;
