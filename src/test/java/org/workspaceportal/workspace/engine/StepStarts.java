package org.workspaceportal.workspace.engine;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which portal instance started each step, as the database saw it: while this is open, a trigger on
 * {@code workspace_steps} writes a row into a table of the test's own each time a step is started
 * (its status set to RUNNING with a new start time), with the {@code application_name} of the
 * connection that did it. Each instance's connections carry a name of their own (the JDBC URL's
 * {@code ApplicationName}), so the rows say which process ran which attempt; nothing in the portal
 * has to know it is watched. Closing removes the trigger, its function and the table.
 */
final class StepStarts implements AutoCloseable {

  /**
   * One start of a step.
   *
   * @param attempt the step's attempt count after the start (1 for its first attempt)
   * @param instance the {@code application_name} of the connection that started it
   */
  record Start(long stepId, UUID workspaceId, StepKind kind, int attempt, String instance) {}

  private final JdbcTemplate jdbc;

  private StepStarts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Starts recording (the table and the trigger live in the test's database until closed). */
  static StepStarts record(JdbcTemplate jdbc) {
    jdbc.execute(
        """
        create table if not exists test_step_starts (
          step_id bigint not null,
          workspace_id uuid not null,
          kind text not null,
          attempt int not null,
          instance text not null,
          at timestamptz not null default clock_timestamp())
        """);
    jdbc.execute(
        """
        create or replace function test_record_step_start() returns trigger
        language plpgsql as $$
        begin
          insert into test_step_starts (step_id, workspace_id, kind, attempt, instance)
          values (new.id, new.workspace_id, new.kind, new.attempts,
                  current_setting('application_name'));
          return null;
        end
        $$
        """);
    // steps are inserted PENDING; a start is an update that sets RUNNING with a new start time
    jdbc.execute(
        """
        create or replace trigger test_step_starts after update on workspace_steps
        for each row
        when (new.status = 'RUNNING' and new.started_at is distinct from old.started_at)
        execute function test_record_step_start()
        """);
    return new StepStarts(jdbc);
  }

  /** The starts of the workspaces' steps, in the order they happened. */
  List<Start> of(Collection<UUID> workspaceIds) {
    return jdbc
        .query(
            "select step_id, workspace_id, kind, attempt, instance from test_step_starts order by at",
            (rs, i) ->
                new Start(
                    rs.getLong("step_id"),
                    rs.getObject("workspace_id", UUID.class),
                    StepKind.valueOf(rs.getString("kind")),
                    rs.getInt("attempt"),
                    rs.getString("instance")))
        .stream()
        .filter(start -> workspaceIds.contains(start.workspaceId()))
        .toList();
  }

  @Override
  public void close() {
    jdbc.execute("drop trigger if exists test_step_starts on workspace_steps");
    jdbc.execute("drop function if exists test_record_step_start()");
    jdbc.execute("drop table if exists test_step_starts");
  }
}
