package org.workspaceportal.storage.flashblade;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Object-store users, named {@code account/user} on the array. */
final class Users {

  private static final String RESOURCE = "object-store-users";
  private static final Logger log = LoggerFactory.getLogger(Users.class);

  private final FlashBladeApi api;
  private final AccessKeys keys;

  Users(FlashBladeApi api, AccessKeys keys) {
    this.api = api;
    this.keys = keys;
  }

  static String qualified(String account, String user) {
    return account + "/" + user;
  }

  /**
   * {@code full_access=true} is passed explicitly: the API documents false as the default, while
   * the Ansible modules observe that users get the full-access policy anyway — explicit is the same
   * on both.
   */
  void ensure(String account, String user) {
    String name = qualified(account, user);
    if (find(name).isPresent()) {
      return;
    }
    try {
      api.post(
          RESOURCE,
          Map.of("names", name, "full_access", "true"),
          null,
          UserItem.class,
          "create object-store user '" + name + "'");
      log.info("Created FlashBlade object-store user '{}'", name);
    } catch (FlashBladeRefusal refusal) {
      Races.adoptIfAlreadyExists(refusal, () -> find(name));
    }
  }

  /** Keys first: the array refuses to delete a user that still has access keys. */
  void remove(String account, String user) {
    String name = qualified(account, user);
    keys.deleteAll(account, user);
    try {
      api.delete(RESOURCE, Map.of("names", name), "delete object-store user '" + name + "'");
      log.info("Deleted FlashBlade object-store user '{}'", name);
    } catch (FlashBladeRefusal refusal) {
      if (!refusal.saysDoesNotExist()) {
        throw refusal;
      }
    }
  }

  private Optional<UserItem> find(String name) {
    return api.find(RESOURCE, name, UserItem.class, "look up object-store user '" + name + "'");
  }
}
