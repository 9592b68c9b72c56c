package org.workspaceportal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is sealed (a password for every connection, the portal on a role that is
 * not a superuser and owns its schema) and survives a portal killed hard.
 */
class EmbeddedPostgresServerTest {

  @TempDir Path dataDir;

  @Test
  void nothingConnectsWithoutAPasswordAndThePortalsRoleIsNoSuperuser() throws Exception {
    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, false, 0);
    try {
      String url = "jdbc:postgresql://localhost:" + pg.port() + "/postgres";
      // what a stranger on this machine tries: the superuser, no password (trust before)
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(url, "portal", "guessed"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");

      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
          Statement s = c.createStatement()) {
        assertThat(one(s, "select rolsuper::text from pg_roles where rolname = current_user"))
            .isEqualTo("false");
        assertThat(one(s, "select current_schema()")).isEqualTo("portal");
        s.execute("create table sealed_probe (id int)");
        assertThat(one(s, "select tableowner from pg_tables where tablename = 'sealed_probe'"))
            .isEqualTo("portal");
        // what a superuser could do: run a program on the host, read a file
        assertThatThrownBy(() -> s.execute("copy sealed_probe from program 'id'"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> s.execute("select pg_read_file('PG_VERSION')"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
      }
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(
                      dataDir.resolve(EmbeddedPostgresServer.CREDENTIALS_FILE))))
          .isEqualTo("rw-------");
    } finally {
      pg.stop();
    }
  }

  @Test
  void aPostgresLeftRunningByAPortalKilledHardIsStoppedAndOneStartIsEnough() throws Exception {
    Process crashed =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashedPortal.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    String started;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8))) {
      started = out.lines().filter(l -> l.startsWith("started ")).findFirst().orElseThrow();
    }
    assertThat(crashed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(crashed.exitValue()).isEqualTo(137);
    long orphan =
        Long.parseLong(
            Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst());
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
        .as("the dead portal's PostgreSQL still runs")
        .contains(true);

    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, false, 0);
    try {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
          Statement s = c.createStatement()) {
        assertThat(one(s, "select 'up'")).isEqualTo("up");
      }
      assertThat(started).isNotBlank();
    } finally {
      pg.stop();
    }
  }

  @Test
  void anEarlierVersionsTablesInPublicMoveToThePortalsSchemaAndRole() throws Exception {
    // what an earlier version left: everything in public, made by the superuser over trust
    try (EmbeddedPostgres earlier =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start();
        Connection c = earlier.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table workspaces (id bigserial primary key, name text)");
      s.execute("insert into workspaces (name) values ('kept')");
      s.execute(
          "create function no_change() returns trigger language plpgsql as $$ begin raise"
              + " exception 'append only'; end $$");
    }

    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, false, 0);
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        Statement s = c.createStatement()) {
      assertThat(one(s, "select name from workspaces")).isEqualTo("kept");
      assertThat(
              one(
                  s,
                  "select schemaname || ':' || tableowner from pg_tables where tablename ="
                      + " 'workspaces'"))
          .isEqualTo("portal:portal");
      s.execute("insert into workspaces (name) values ('new')"); // its sequence moved too
      assertThat(
              one(
                  s,
                  "select n.nspname || ':' || pg_get_userbyid(p.proowner) from pg_proc p join"
                      + " pg_namespace n on n.oid = p.pronamespace where p.proname = 'no_change'"))
          .isEqualTo("portal:portal");
    } finally {
      pg.stop();
    }
  }

  private static String one(Statement s, String query) throws SQLException {
    try (ResultSet r = s.executeQuery(query)) {
      assertThat(r.next()).as(query).isTrue();
      return r.getString(1);
    }
  }
}
