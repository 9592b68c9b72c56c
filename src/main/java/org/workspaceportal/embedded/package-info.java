/**
 * The embedded default: what the portal starts for itself when no external service is configured,
 * so that {@code ./mvnw spring-boot:run} works on a machine with only a JDK. Today that is
 * PostgreSQL from Maven-packaged binaries, with its data under {@code portal.data-dir}. Nothing in
 * here is used when {@code spring.datasource.url} is set. No other module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Embedded default",
    allowedDependencies = {})
package org.workspaceportal.embedded;
