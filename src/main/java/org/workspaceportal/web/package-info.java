/**
 * Web: the shared layout, login and home pages, error pages for people and RFC 9457 problem details
 * for scripts, and the request-size guard of the API. It knows no module's internals: module
 * exceptions carry their own status and problem type.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = "common")
package org.workspaceportal.web;
