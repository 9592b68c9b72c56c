package org.workspaceportal.identity;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address in token buckets kept in PostgreSQL
 * (Bucket4j), so that all portal instances share one count. A failure takes a token from both
 * buckets; while either is empty, attempts are refused before the password is even checked, and
 * each refusal is audited. A username that signed in successfully from an address lately is not
 * held back there by the address's bucket: failures of other usernames from a shared address
 * (someone spraying names) cannot lock out its known users, while its own failures still count.
 */
@Component
class LoginThrottle {

  private static final int EXPIRED_ROWS_PER_CLEANUP = 20;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final BucketConfiguration perUser;
  private final BucketConfiguration perAddress;
  private final ApplicationEventPublisher events;
  private final JdbcTemplate jdbc;
  private final LoginThrottleProperties limits;

  LoginThrottle(
      DataSource dataSource, LoginThrottleProperties limits, ApplicationEventPublisher events) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.limits = limits;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("login_throttle")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    this.perUser = bucket(limits.maxFailuresPerUser(), limits.window());
    this.perAddress = bucket(limits.maxFailuresPerAddress(), limits.window());
    this.events = events;
  }

  private static BucketConfiguration bucket(int failures, Duration window) {
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
        .build();
  }

  /**
   * How long to wait before this attempt may go ahead, if it may not go ahead now; audited as a
   * refused sign-in.
   */
  Optional<Duration> refusal(String username, String address) {
    long addressWait = trusted(username, address) ? 0 : waitNanos(addressKey(address), perAddress);
    long wait = Math.max(waitNanos(userKey(username), perUser), addressWait);
    if (wait <= 0) {
      return Optional.empty();
    }
    Duration retryAfter = Duration.ofNanos(wait);
    events.publishEvent(
        new IdentityEvents.LoginThrottled(
            username, address, new LoginThrottledException(retryAfter).retryAfterSeconds()));
    return Optional.of(retryAfter);
  }

  /** A failed attempt: one token less for the username and for the address. */
  void failed(String username, String address) {
    buckets.getProxy(userKey(username), () -> perUser).tryConsume(1);
    if (address != null) {
      buckets.getProxy(addressKey(address), () -> perAddress).tryConsume(1);
    }
    buckets.removeExpired(EXPIRED_ROWS_PER_CLEANUP);
  }

  /**
   * A successful sign-in forgives the username's earlier mistakes (not the address's), and makes
   * the username known at that address.
   */
  void succeeded(String username, String address) {
    buckets.removeProxy(userKey(username));
    if (address != null) {
      jdbc.update(
          "insert into login_trust (username, address, last_success_at) values (?, ?, now())"
              + " on conflict (username, address) do update set last_success_at = now()",
          normalized(username),
          address);
    }
  }

  /** Whether the username signed in successfully from the address lately. */
  private boolean trusted(String username, String address) {
    if (address == null || username == null) {
      return false;
    }
    Integer known =
        jdbc.queryForObject(
            "select count(*) from login_trust where username = ? and address = ?"
                + " and last_success_at > now() - make_interval(secs => ?)",
            Integer.class,
            normalized(username),
            address,
            (double) limits.trustFor().toSeconds());
    return known != null && known > 0;
  }

  private static String normalized(String username) {
    String name = username.toLowerCase(Locale.ROOT);
    return name.length() > 150 ? name.substring(0, 150) : name;
  }

  private long waitNanos(String key, BucketConfiguration configuration) {
    if (key == null || buckets.getProxyConfiguration(key).isEmpty()) {
      return 0; // nothing failed lately: no row to lock
    }
    EstimationProbe probe = buckets.getProxy(key, () -> configuration).estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
  }

  private static String userKey(String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    return "user:" + (name.length() > 150 ? name.substring(0, 150) : name);
  }

  private static String addressKey(String address) {
    return address == null ? null : "address:" + address;
  }
}
