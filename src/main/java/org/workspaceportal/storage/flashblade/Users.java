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
  private final AccessPolicies policies;

  Users(FlashBladeApi api, AccessKeys keys, AccessPolicies policies) {
    this.api = api;
    this.keys = keys;
    this.policies = policies;
  }

  static String qualified(String account, String user) {
    return account + "/" + user;
  }

  /**
   * Creates the user without full access and gives it exactly the access policies of {@link
   * AccessPolicies#WORKSPACE_USER}, also when it exists already: a retry after a crash between the
   * two, or a user an older portal made with full access. {@code full_access=false} is passed
   * explicitly although the API documents it as the default, because the Ansible modules observe
   * users getting the full-access policy anyway; {@link AccessPolicies} revokes it if they do.
   */
  void ensure(String account, String user) {
    String name = qualified(account, user);
    if (find(name).isEmpty()) {
      create(name);
    }
    policies.ensureWorkspaceUser(name);
  }

  private void create(String name) {
    try {
      api.post(
          RESOURCE,
          Map.of("names", name, "full_access", "false"),
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
