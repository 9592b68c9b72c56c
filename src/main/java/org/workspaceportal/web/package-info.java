/**
 * Web: the shared layout, login and home pages, the admin's first-run checklist (which reads the
 * host, identity and workspace modules' public services), error pages for people and RFC 9457
 * problem details for scripts, and the request-size guard of the API. It knows no module's
 * internals: module exceptions carry their own status and problem type.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Web",
    allowedDependencies = {"common", "host", "identity", "workspace"})
package org.workspaceportal.web;
