package org.workspaceportal.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL, sealed: no connection without a password, and the portal on a role of
 * its own that is not a superuser.
 *
 * <p>Why: whatever runs on this machine (a workspace's code, on a host that shares its network with
 * the portal) must not reach the portal's database without credentials, and the portal's own role
 * must not be able to run programs on the host ({@code COPY … FROM PROGRAM}), read files or change
 * other roles, as a superuser can. So:
 *
 * <ul>
 *   <li>two passwords are generated on the first start and kept in {@code postgres-credentials} in
 *       the data directory, readable by its owner only (mode 600): the superuser's, used only here
 *       to seal the database, and the portal role's;
 *   <li>{@code pg_hba.conf} asks every connection, socket or TCP, for a SCRAM password;
 *   <li>the portal's tables live in the schema {@code portal}, owned by the role {@code portal}
 *       (NOSUPERUSER, NOCREATEDB, NOCREATEROLE), which is all the portal connects as. A data
 *       directory made by an earlier version (everything in {@code public}, owned by the superuser)
 *       is moved there on its first sealed start.
 * </ul>
 *
 * <p>A portal killed hard leaves its PostgreSQL running (it is a child process that outlives the
 * JVM) and holding the data directory; the next start stops that orphan first, so one start after a
 * crash is enough.
 */
final class EmbeddedPostgresServer {

  static final String ROLE = "portal";
  static final String SCHEMA = "portal";
  static final String DATABASE = "postgres";
  static final String CREDENTIALS_FILE = "postgres-credentials";

  private static final String SUPERUSER = "postgres";
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EmbeddedPostgres postgres;
  private final Credentials credentials;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Credentials credentials) {
    this.postgres = postgres;
    this.credentials = credentials;
  }

  /** The passwords of the superuser (for sealing only) and of the portal's role. */
  record Credentials(String superuser, String portal) {

    @Override
    public String toString() {
      return "Credentials[***]";
    }
  }

  /**
   * Starts it with its data under {@code dataDir/postgres}, sealed.
   *
   * @param clean start from an empty data directory (tests)
   * @param port 0 for any free port
   */
  static EmbeddedPostgresServer start(Path dataDir, boolean clean, int port) {
    Path pgData = dataDir.resolve("postgres");
    Path credentialsFile = dataDir.resolve(CREDENTIALS_FILE);
    try {
      if (clean) {
        FileSystemUtils.deleteRecursively(pgData);
        Files.deleteIfExists(credentialsFile);
      }
      Files.createDirectories(pgData);
      stopOrphan(pgData);
      Optional<Credentials> known = read(credentialsFile);
      Credentials credentials = known.orElseGet(EmbeddedPostgresServer::generate);
      if (known.isEmpty()) {
        // kept before anything is sealed with them: a crash part-way still finds them
        write(credentialsFile, credentials);
      }
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPort(port);
      // the superuser's password is sent on the start's own check: a sealed server asks for it,
      // one not sealed yet (trust, as initdb leaves it) ignores it
      builder.setConnectConfig("password", credentials.superuser());
      EmbeddedPostgres started = builder.start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(started, credentials);
      server.seal(pgData);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not seal the embedded PostgreSQL in " + pgData, e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  /** The portal's connection: its own role, its own schema. */
  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE + "?currentSchema=" + SCHEMA;
  }

  String username() {
    return ROLE;
  }

  String password() {
    return credentials.portal();
  }

  void stop() throws IOException {
    postgres.close();
  }

  /**
   * Idempotent, on every start: the passwords, the portal's role and schema (and the move of an
   * earlier version's tables into it), then SCRAM for every connection.
   */
  private void seal(Path pgData) throws SQLException, IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter role " + SUPERUSER + " with password " + literal(credentials.superuser()));
      if (!exists(s, "select 1 from pg_roles where rolname = " + literal(ROLE))) {
        s.execute("create role " + ROLE + " login");
      }
      s.execute(
          "alter role "
              + ROLE
              + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
              + " password "
              + literal(credentials.portal()));
      s.execute("create schema if not exists " + SCHEMA + " authorization " + ROLE);
      s.execute("alter schema " + SCHEMA + " owner to " + ROLE);
      s.execute("alter role " + ROLE + " set search_path = " + SCHEMA);
      moveEarlierTables(s);
    }
    Files.writeString(
        pgData.resolve("pg_hba.conf"),
        """
        # Written by the portal on every start (EmbeddedPostgresServer): every connection, by its
        # socket or over TCP, gives a password.
        local all all scram-sha-256
        host all all 127.0.0.1/32 scram-sha-256
        host all all ::1/128 scram-sha-256
        """);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_reload_conf()");
    }
  }

  /**
   * An earlier version kept everything in {@code public}, owned by the superuser: its tables,
   * sequences, views and functions move to the portal's schema and role.
   */
  private static void moveEarlierTables(Statement s) throws SQLException {
    List<String> moves = new ArrayList<>();
    try (ResultSet r =
        s.executeQuery(
            "select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid ="
                + " c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p', 'v',"
                + " 'm', 'S', 'f') and not (c.relkind = 'S' and exists (select 1 from pg_depend d"
                + " where d.objid = c.oid and d.deptype in ('a', 'i')))")) {
      while (r.next()) {
        String name = quoted(r.getString(1));
        String kind =
            switch (r.getString(2)) {
              case "v" -> "view";
              case "m" -> "materialized view";
              case "S" -> "sequence";
              case "f" -> "foreign table";
              default -> "table";
            };
        moves.add("alter " + kind + " public." + name + " set schema " + SCHEMA);
        moves.add("alter " + kind + " " + SCHEMA + "." + name + " owner to " + ROLE);
      }
    }
    try (ResultSet r =
        s.executeQuery(
            "select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid ="
                + " p.pronamespace where n.nspname = 'public'")) {
      while (r.next()) {
        String signature = r.getString(1);
        moves.add("alter function " + signature + " set schema " + SCHEMA);
        moves.add(
            "alter function "
                + SCHEMA
                + "."
                + signature.replaceFirst("^public\\.", "")
                + " owner to "
                + ROLE);
      }
    }
    for (String move : moves) {
      s.execute(move);
    }
  }

  private static boolean exists(Statement s, String query) throws SQLException {
    try (ResultSet r = s.executeQuery(query)) {
      return r.next();
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /**
   * A PostgreSQL still running on this data directory (its {@code postmaster.pid} names a live
   * process): a portal that died without stopping it. It is asked to stop (SIGTERM, a smart
   * shutdown: its clients died with that portal), and waited for.
   */
  static void stopOrphan(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    } catch (RuntimeException e) {
      return; // unreadable: PostgreSQL itself decides whether the file is stale
    }
    Optional<ProcessHandle> orphan =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the PostgreSQL a crashed portal left", e);
    } catch (ExecutionException | TimeoutException e) {
      orphan.get().destroyForcibly();
      throw new IOException(
          "the PostgreSQL a crashed portal left (pid " + pid + ") did not stop within 30 s", e);
    }
  }

  private static Credentials generate() {
    return new Credentials(randomSecret(), randomSecret());
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Optional<Credentials> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    String superuser = p.getProperty("superuser");
    String portal = p.getProperty("portal");
    if (superuser == null || portal == null) {
      throw new IOException(file + " lacks a password; remove it only with the database");
    }
    return Optional.of(new Credentials(superuser, portal));
  }

  private static void write(Path file, Credentials credentials) throws IOException {
    Properties p = new Properties();
    p.setProperty("superuser", credentials.superuser());
    p.setProperty("portal", credentials.portal());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
      p.store(
          out, "The embedded PostgreSQL's passwords (superuser: sealing only; portal: the app)");
    }
  }
}
