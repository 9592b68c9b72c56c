/**
 * Scheduling: the one db-scheduler instance of this portal, shared by every module. A module
 * declares its recurring work as a bean ({@link org.workspaceportal.scheduling.RecurringTasks}
 * makes one in a line) and its one-off jobs as db-scheduler task beans; every execution is claimed
 * from PostgreSQL, so with several portal instances only one runs a given tick or job at a time,
 * and a job whose instance died is taken over. No module depends on another for its timer.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Scheduling",
    allowedDependencies = {})
package org.workspaceportal.scheduling;
