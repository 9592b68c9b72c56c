package org.workspaceportal.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.identity.IdentityEvents;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.identity.UserAccount;
import org.workspaceportal.workspace.access.WorkspaceDoor;
import org.workspaceportal.workspace.access.WorkspaceDoors;

/**
 * Tickets and sessions of the gateway, kept in PostgreSQL (hashed) so that any portal instance
 * checks any browser's session, and a portal restart cuts nothing.
 */
@Service
class GatewayAccess {

  /** How long a session check is reused before the database is asked again. */
  static final Duration CHECK_CACHE = Duration.ofSeconds(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final WorkspaceDoors doors;
  private final IdentityService identity;
  private final GatewayProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final OpenWebSockets webSockets;
  private final Map<String, Cached> checked = new ConcurrentHashMap<>();

  GatewayAccess(
      JdbcClient jdbc,
      WorkspaceDoors doors,
      IdentityService identity,
      GatewayProperties properties,
      ApplicationEventPublisher events,
      Clock clock,
      OpenWebSockets webSockets) {
    this.jdbc = jdbc;
    this.doors = doors;
    this.identity = identity;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.webSockets = webSockets;
  }

  /** A signed-in user's way in: who, to which workspace. */
  record Pass(String username, WorkspaceDoor door, byte[] sessionHash) {}

  private record Cached(Optional<Pass> pass, Instant until) {}

  /**
   * A one-time ticket for {@code username} to enter {@code workspaceId}; lasts seconds, and opens
   * the workspace only in the browser whose state cookie hashes to {@code state}.
   */
  @Transactional
  String issueTicket(UUID workspaceId, String username, String portalSessionId, String state) {
    String ticket = randomToken();
    Instant now = clock.instant();
    jdbc.sql("delete from gateway_tickets where expires_at < ?")
        .param(Timestamp.from(now))
        .update();
    jdbc.sql(
            "insert into gateway_tickets (ticket_hash, workspace_id, username,"
                + " portal_session_hash, state_hash, expires_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            hash(ticket),
            workspaceId,
            username,
            hash(portalSessionId),
            state,
            Timestamp.from(now.plus(properties.ticketLifetime())))
        .update();
    return ticket;
  }

  /** What {@link #redeem} gives: the cookie's value, and whether an admin opened another's. */
  record NewSession(String cookieValue, String username, WorkspaceDoor door) {}

  /**
   * Turns a ticket (once, before it expires, on the workspace it names) into a session of that
   * workspace's origin; audited. Empty for a ticket unknown, used, expired or of another workspace.
   */
  @Transactional
  Optional<NewSession> redeem(
      String ticket, String shortId, List<String> states, String remoteAddress) {
    if (ticket == null || ticket.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    record Redeemed(UUID workspaceId, String username, byte[] portalSession, String state) {}
    Optional<Redeemed> redeemed =
        jdbc.sql(
                "delete from gateway_tickets where ticket_hash = ? and expires_at > ?"
                    + " returning workspace_id, username, portal_session_hash, state_hash")
            .params(hash(ticket), Timestamp.from(now))
            .query(
                (rs, i) ->
                    new Redeemed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getString(4)))
            .optional();
    if (redeemed.isEmpty()
        || !WorkspaceDoors.shortId(redeemed.get().workspaceId()).equals(shortId)
        || !states.contains(redeemed.get().state())) {
      return Optional.empty();
    }
    WorkspaceDoor door = doors.byId(redeemed.get().workspaceId()).orElse(null);
    if (door == null || !enabled(redeemed.get().username())) {
      return Optional.empty();
    }
    String session = randomToken();
    jdbc.sql("delete from gateway_sessions where expires_at < ?")
        .param(Timestamp.from(now))
        .update();
    jdbc.sql(
            "insert into gateway_sessions (session_hash, workspace_id, username,"
                + " portal_session_hash, created_at, expires_at, remote_address)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            hash(session),
            door.id(),
            redeemed.get().username(),
            redeemed.get().portalSession(),
            Timestamp.from(now),
            Timestamp.from(now.plus(properties.sessionLifetime())),
            remoteAddress)
        .update();
    events.publishEvent(
        new GatewayEvents.WorkspaceOpened(
            redeemed.get().username(),
            door.id(),
            door.owner(),
            door.name(),
            "Jupyter",
            !door.owner().equals(redeemed.get().username()),
            remoteAddress));
    return Optional.of(new NewSession(session, redeemed.get().username(), door));
  }

  /**
   * The pass a session cookie gives on the workspace {@code shortId}: empty when the session is
   * unknown, expired, of another workspace, or its user is disabled. Checked against the database
   * at most every {@link #CHECK_CACHE}.
   */
  Optional<Pass> check(String cookieValue, String shortId) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String key = cookieValue + "@" + shortId;
    Cached cached = checked.get(key);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.pass();
    }
    Optional<Pass> pass = lookUp(cookieValue, shortId, now);
    if (checked.size() > 10_000) {
      checked.clear();
    }
    checked.put(key, new Cached(pass, now.plus(CHECK_CACHE)));
    return pass;
  }

  private Optional<Pass> lookUp(String cookieValue, String shortId, Instant now) {
    byte[] sessionHash = hash(cookieValue);
    record Found(UUID workspaceId, String username) {}
    Optional<Found> found =
        jdbc.sql(
                "select workspace_id, username from gateway_sessions"
                    + " where session_hash = ? and expires_at > ?")
            .params(sessionHash, Timestamp.from(now))
            .query((rs, i) -> new Found(rs.getObject(1, UUID.class), rs.getString(2)))
            .optional();
    if (found.isEmpty()
        || !WorkspaceDoors.shortId(found.get().workspaceId()).equals(shortId)
        || !enabled(found.get().username())) {
      return Optional.empty();
    }
    // who may enter is checked again, not only at the ticket: an admin whose role or the site's
    // admin access went away since is out
    return doors
        .byId(found.get().workspaceId())
        .filter(door -> mayEnter(found.get().username(), door))
        .map(door -> new Pass(found.get().username(), door, sessionHash));
  }

  /** Audits the first Spark UI request of a session. */
  @Transactional
  void sparkUiOpened(Pass pass, String remoteAddress) {
    int first =
        jdbc.sql(
                "update gateway_sessions set spark_ui_opened = true"
                    + " where session_hash = ? and not spark_ui_opened")
            .param(pass.sessionHash())
            .update();
    if (first == 1) {
      events.publishEvent(
          new GatewayEvents.WorkspaceOpened(
              pass.username(),
              pass.door().id(),
              pass.door().owner(),
              pass.door().name(),
              "Spark UI",
              !pass.door().owner().equals(pass.username()),
              remoteAddress));
    }
  }

  /** A portal session ended (sign-out, timeout): so do the workspace sessions it opened. */
  @Transactional
  void portalSessionEnded(String portalSessionId) {
    List<String> ended =
        jdbc.sql(
                "delete from gateway_sessions where portal_session_hash = ?"
                    + " returning session_hash")
            .param(hash(portalSessionId))
            .query((rs, i) -> HexFormat.of().formatHex(rs.getBytes(1)))
            .list();
    jdbc.sql("delete from gateway_tickets where portal_session_hash = ?")
        .param(hash(portalSessionId))
        .update();
    if (!ended.isEmpty()) {
      checked.clear();
      webSockets.closeSessions(ended);
    }
  }

  /**
   * A disabled user's open workspaces close at once (and a re-enabled one's open again), not when
   * the cached checks run out.
   */
  @EventListener
  void on(IdentityEvents.UserEnabledChanged e) {
    checked.clear();
    if (!e.enabled()) {
      webSockets.closeUser(e.username());
    }
  }

  private boolean mayEnter(String username, WorkspaceDoor door) {
    return username.equals(door.owner())
        || (properties.adminAccess()
            && identity
                .findUser(username)
                .map(u -> u.role() == Role.ADMIN && u.enabled())
                .orElse(false));
  }

  private boolean enabled(String username) {
    return identity.findUser(username).map(UserAccount::enabled).orElse(false);
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
