/**
 * The reference workloads' data generators and result checks, in plain Java 17 without Spark: the
 * example jobs (src/spark/java) run them on a cluster, the portal's tests run them to know the
 * answers. Everything here is deterministic for a given seed, on every JVM, so that a test knows
 * exactly what a job must find.
 */
package org.workspaceportal.examples;
