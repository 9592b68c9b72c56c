package org.workspaceportal.storage.flashblade;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.StorageException;

/**
 * Access keys of object-store users.
 *
 * <p>Creating one is the only call that must not be repeated blindly: the secret exists only in the
 * answer, so a request that reached the array but whose answer was lost leaves a key nobody can
 * use, taking one of the user's two slots. The POST is therefore sent again only when that provably
 * did not happen:
 *
 * <ul>
 *   <li>the request never left this machine (connection refused, TLS handshake failed) — handled by
 *       {@link ResilientCalls} for calls marked {@link Exchange#once()};
 *   <li>the array answered 429 or 503 and a fresh listing shows no key that was not there before.
 * </ul>
 *
 * Everything else — a timeout, a dropped connection, another 5xx — ends in a transient {@link
 * StorageException} that tells the caller to list the keys and delete unknown ones first.
 */
final class AccessKeys {

  static final int MAX_KEYS_PER_USER = 2;
  private static final String RESOURCE = "object-store-access-keys";
  private static final Logger log = LoggerFactory.getLogger(AccessKeys.class);

  private final FlashBladeApi api;

  AccessKeys(FlashBladeApi api) {
    this.api = api;
  }

  /** The S3 access key ids of the user's keys (see {@link AccessKeyItem#s3Id()}). */
  List<String> ids(String account, String user) {
    return list(account, user).stream().map(AccessKeyItem::s3Id).toList();
  }

  private List<AccessKeyItem> list(String account, String user) {
    String name = Users.qualified(account, user);
    return api.list(
        RESOURCE,
        Map.of("filter", "user.name='" + name + "'"),
        AccessKeyItem.class,
        "list the access keys of object-store user '" + name + "'");
  }

  NewAccessKey create(String account, String user) {
    String name = Users.qualified(account, user);
    List<String> before = ids(account, user);
    if (before.size() >= MAX_KEYS_PER_USER) {
      throw limitReached(name);
    }
    return createOnce(account, user, new HashSet<>(before));
  }

  /**
   * Deletes the key S3 clients know as {@code accessKeyId}.
   *
   * <p>{@code DELETE /object-store-access-keys} takes {@code names}, "a comma-separated list of
   * resource names", and a key's resource name is its {@code name}: in a realm that is the prefixed
   * form, which Pure's client documents for key imports ("use {@code realm1::PSFBSAZR...} when
   * importing credentials for user {@code realmName::accountName/...}", {@code
   * object_store_access_keys_api_v_2_22}). The bare S3 id would name no key there. So from 2.20,
   * where {@code access_key_id} exists, the key is looked up by it and deleted by its name; before
   * 2.20 the id is the name. A key that is already gone is not an error.
   */
  void delete(String accessKeyId) {
    if (!api.version().atLeast(RestVersion.ACCESS_KEY_IDS)) {
      deleteNamed(accessKeyId);
      return;
    }
    api.list(
            RESOURCE,
            Map.of("filter", "access_key_id='" + accessKeyId + "'"),
            AccessKeyItem.class,
            "look up access key " + accessKeyId)
        .forEach(key -> deleteNamed(key.name()));
  }

  /** Deletes every key of the user, by the names the listing gave. */
  void deleteAll(String account, String user) {
    list(account, user).forEach(key -> deleteNamed(key.name()));
  }

  private void deleteNamed(String name) {
    try {
      api.delete(RESOURCE, Map.of("names", name), "delete access key " + name);
      log.info("Deleted FlashBlade access key {}", name);
    } catch (FlashBladeRefusal refusal) {
      if (!refusal.saysDoesNotExist()) {
        throw refusal;
      }
    }
  }

  private NewAccessKey createOnce(String account, String user, Set<String> known) {
    String name = Users.qualified(account, user);
    try {
      List<AccessKeyItem> created =
          api.postOnce(
              RESOURCE,
              Map.of(),
              new AccessKeyPost(new NamedRef(name)),
              AccessKeyItem.class,
              "create an access key for object-store user '" + name + "'");
      return secretOf(created, name);
    } catch (FlashBladeBusy busy) {
      if (busy.status() != 429 && busy.status() != 503) {
        throw unconfirmed(name, busy);
      }
      List<String> appeared =
          ids(account, user).stream().filter(id -> !known.contains(id)).toList();
      if (!appeared.isEmpty()) {
        throw new StorageException(
            "FlashBlade answered HTTP "
                + busy.status()
                + " to creating an access key for "
                + "object-store user '"
                + name
                + "', yet key(s) "
                + appeared
                + " appeared; their secret is lost. "
                + "Delete them before creating another key.",
            true,
            busy);
      }
      throw busy; // not processed: sending it again later is safe
    } catch (FlashBladeUnreachable unreachable) {
      // Only a request that provably never left this machine is safe to send again.
      throw unreachable.requestSent() ? unconfirmed(name, unreachable) : unreachable;
    } catch (FlashBladeRefusal refusal) {
      throw refusal.mentions("maximum") ? limitReached(name) : refusal;
    }
  }

  private static NewAccessKey secretOf(List<AccessKeyItem> created, String name) {
    AccessKeyItem key = created.isEmpty() ? null : created.getFirst();
    if (key == null
        || key.name() == null
        || key.secretAccessKey() == null
        || key.secretAccessKey().isEmpty()) {
      throw new StorageException(
          "FlashBlade created an access key for object-store user '"
              + name
              + "' but did not return it with its secret"
              + (key == null ? "" : " (key " + key.name() + ")")
              + "; delete that key and create another",
          false);
    }
    log.info("Created FlashBlade access key {} for object-store user '{}'", key.s3Id(), name);
    return new NewAccessKey(key.s3Id(), key.secretAccessKey());
  }

  private static StorageException limitReached(String name) {
    return new StorageException(
        "Object-store user '"
            + name
            + "' already has "
            + MAX_KEYS_PER_USER
            + " access keys, the most FlashBlade allows; delete one before creating another",
        false);
  }

  private static StorageException unconfirmed(String name, StorageException cause) {
    return new StorageException(
        "FlashBlade did not confirm creating an access key for object-store user '"
            + name
            + "' ("
            + cause.getMessage()
            + "). The portal does not send this request again by itself: a key may have been"
            + " created whose secret is lost. List the user's keys and delete any the portal has"
            + " not stored before trying again.",
        true,
        cause);
  }
}
