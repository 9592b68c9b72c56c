/**
 * The example Spark jobs, run with {@code spark-submit --class … workspace-examples.jar} in a
 * workspace's notebook container (the example notebooks do it from a cell on images without
 * PySpark). Each prints its progress on standard output, then one line {@value
 * org.workspaceportal.examples.spark.JobOutput#RESULT_PREFIX}{@code {…}} with its result as JSON;
 * Spark logs on standard error.
 */
package org.workspaceportal.examples.spark;
