package org.workspaceportal.flashbladesim;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Object-store accounts, users and access keys of the simulated array. */
final class AccountRegistry {

  /** "A maximum of two sets of keys can be created for each object store user." */
  static final int MAX_KEYS_PER_USER = 2;

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String SECRET_CHARS = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SimulatorState state;

  AccountRegistry(SimulatorState state) {
    this.state = state;
  }

  List<StoredAccount> createAccounts(
      List<String> names, Long quotaLimit, boolean hardLimitEnabled) {
    synchronized (state) {
      Lookups.requireNames(names);
      names.forEach(NameRules::checkAccount);
      Lookups.requireAbsent(state.accounts, names, "Object store account");
      List<StoredAccount> created = new ArrayList<>();
      for (String name : names) {
        var account =
            new StoredAccount(
                SimulatorState.newId(), name, state.now(), quotaLimit, hardLimitEnabled);
        state.accounts.put(name, account);
        created.add(account);
      }
      state.persist();
      return created;
    }
  }

  void deleteAccounts(List<String> names) {
    synchronized (state) {
      Lookups.requireNames(names);
      Lookups.requireAll(state.accounts, names, "Object store account");
      for (String name : names) {
        boolean hasUsers = state.users.values().stream().anyMatch(u -> u.account().equals(name));
        // destroyed buckets still belong to the account until they are eradicated
        boolean hasBuckets =
            state.buckets.values().stream().anyMatch(b -> b.account().equals(name));
        if (hasUsers || hasBuckets) {
          throw ApiException.badRequest(
              name, "Object store account cannot be deleted while it has users or buckets.");
        }
      }
      names.forEach(state.accounts::remove);
      state.persist();
    }
  }

  List<StoredUser> createUsers(List<String> names, boolean fullAccess) {
    synchronized (state) {
      Lookups.requireNames(names);
      for (String name : names) {
        String account = NameRules.checkUser(name);
        if (!state.accounts.containsKey(account)) {
          throw ApiException.badRequest(
              name, "Object store account " + account + " does not exist.");
        }
      }
      Lookups.requireAbsent(state.users, names, "Object store user");
      List<StoredUser> created = new ArrayList<>();
      for (String name : names) {
        // full_access=true is the full-access policy granted at creation, as on the array
        var user =
            StoredUser.created(
                SimulatorState.newId(), name, NameRules.checkUser(name), state.now(), fullAccess);
        state.users.put(name, user);
        created.add(user);
      }
      state.persist();
      return created;
    }
  }

  /** Deleting a user deletes its access keys with it; they stop working on S3 at once. */
  void deleteUsers(List<String> names) {
    synchronized (state) {
      Lookups.requireNames(names);
      Lookups.requireAll(state.users, names, "Object store user");
      state.accessKeys.values().removeIf(k -> names.contains(k.user()));
      names.forEach(state.users::remove);
      state.persist();
    }
  }

  StoredAccessKey createAccessKey(String userName, String importedKeyId, String importedSecret) {
    synchronized (state) {
      if (!state.users.containsKey(userName)) {
        throw ApiException.badRequest(userName, "Object store user does not exist.");
      }
      if (keysOf(userName).size() >= MAX_KEYS_PER_USER) {
        throw ApiException.badRequest(
            userName,
            "User has reached the maximum number of access keys (" + MAX_KEYS_PER_USER + ").");
      }
      String name = importedKeyId != null ? importedKeyId : "PSFB" + random(UPPER, 36);
      if (state.accessKeys.containsKey(name)) {
        throw ApiException.badRequest(name, "Object store access key already exists.");
      }
      String secret = importedSecret != null ? importedSecret : random(SECRET_CHARS, 40);
      var key = new StoredAccessKey(name, secret, userName, state.now(), true);
      state.accessKeys.put(name, key);
      state.persist();
      return key;
    }
  }

  List<StoredAccessKey> setAccessKeysEnabled(List<String> names, boolean enabled) {
    synchronized (state) {
      Lookups.requireNames(names);
      Lookups.requireAll(state.accessKeys, names, "Object store access key");
      List<StoredAccessKey> changed = new ArrayList<>();
      for (String name : names) {
        StoredAccessKey key = state.accessKeys.get(name).withEnabled(enabled);
        state.accessKeys.put(name, key);
        changed.add(key);
      }
      state.persist();
      return changed;
    }
  }

  void deleteAccessKeys(List<String> names) {
    synchronized (state) {
      Lookups.requireNames(names);
      Lookups.requireAll(state.accessKeys, names, "Object store access key");
      names.forEach(state.accessKeys::remove);
      state.persist();
    }
  }

  /**
   * The secret, account and access policies behind an enabled key, for S3 signature and permission
   * checks.
   */
  Optional<S3Identity> s3Identity(String accessKeyId) {
    synchronized (state) {
      StoredAccessKey key = accessKeyId == null ? null : state.accessKeys.get(accessKeyId);
      if (key == null || !key.enabled()) {
        return Optional.empty();
      }
      StoredUser user = state.users.get(key.user());
      return Optional.of(new S3Identity(key.secret(), user.account(), user.grants()));
    }
  }

  /** Who an S3 request signed with some access key acts as. */
  record S3Identity(String secret, String account, Set<AccessPolicy> policies) {}

  List<StoredAccessKey> keysOf(String userName) {
    synchronized (state) {
      return state.accessKeys.values().stream().filter(k -> k.user().equals(userName)).toList();
    }
  }

  private static String random(String alphabet, int length) {
    var text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
