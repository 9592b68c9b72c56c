package org.workspaceportal.storage.flashblade;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object-store accounts: created when missing, deleted only when no bucket (live or destroyed) is
 * left.
 */
final class Accounts {

  private static final String RESOURCE = "object-store-accounts";
  private static final Logger log = LoggerFactory.getLogger(Accounts.class);

  private final FlashBladeApi api;

  Accounts(FlashBladeApi api) {
    this.api = api;
  }

  void ensure(String account) {
    if (find(account).isPresent()) {
      return;
    }
    try {
      api.post(
          RESOURCE,
          Map.of("names", account),
          null,
          AccountItem.class,
          "create " + describe(account));
      log.info("Created FlashBlade object-store account '{}'", account);
    } catch (FlashBladeRefusal refusal) {
      Races.adoptIfAlreadyExists(refusal, () -> find(account));
    }
  }

  /**
   * Destroyed buckets still belong to the account until the array eradicates them, and the array
   * will not delete an account that holds any, so they count as "not empty".
   */
  boolean removeIfEmpty(String account) {
    if (find(account).isEmpty()) {
      return true;
    }
    List<BucketItem> buckets =
        api.list(
            "buckets",
            Map.of("filter", "account.name='" + account + "'"),
            BucketItem.class,
            "list the buckets of " + describe(account));
    if (buckets.stream().anyMatch(b -> account.equals(b.accountName()))) {
      log.info(
          "Keeping FlashBlade object-store account '{}': {} bucket(s) remain",
          account,
          buckets.size());
      return false;
    }
    try {
      api.delete(RESOURCE, Map.of("names", account), "delete " + describe(account));
      log.info("Deleted FlashBlade object-store account '{}'", account);
    } catch (FlashBladeRefusal refusal) {
      if (!refusal.saysDoesNotExist()) {
        throw refusal;
      }
    }
    return true;
  }

  private Optional<AccountItem> find(String account) {
    return api.find(RESOURCE, account, AccountItem.class, "look up " + describe(account));
  }

  private static String describe(String account) {
    return "object-store account '" + account + "'";
  }
}
