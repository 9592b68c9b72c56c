package org.workspaceportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations apply on real PostgreSQL and Hibernate validates every entity against them. */
@PostgresJpaTest
class DatabaseMigrationsTest {

  @Autowired Flyway flyway;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment env;

  @Test
  void everyMigrationIsAppliedSuccessfullyAndNoneIsPending() {
    MigrationInfo[] applied = flyway.info().applied();

    assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion()))
        .startsWith("1", "2", "3", "4", "5");
    assertThat(applied).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void migrationScriptsFollowTheNamingConventionOfTheHouse() {
    assertThat(flyway.info().applied())
        .allSatisfy(m -> assertThat(m.getScript()).matches("V\\d+__[a-z]+_[a-z_]+\\.sql"));
  }

  @Test
  void hibernateValidatesTheSchemaInsteadOfChangingIt() {
    // The context only starts when every entity matches the migrated schema.
    assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
  }

  @Test
  void theDatabaseIsPostgresql() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
  }

  @Test
  void theDefaultTemplateIsSeeded() {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workspace_templates where name = 'spark-4.0-small' and is_default and enabled"
                    + " and default_workers = 2 and max_workers = 4",
                Integer.class))
        .isEqualTo(1);
  }

  @Test
  void onlyOneTemplateCanBeTheDefault() {
    Assertions.assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into workspace_templates (id, name, image, spark_version, default_workers, max_workers,"
                        + " worker_cores, worker_memory_mb, is_default, enabled, created_at)"
                        + " values (gen_random_uuid(), 'second-default', 'img', '4.0.1', 1, 1, 1, 256, true, true, now())"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
