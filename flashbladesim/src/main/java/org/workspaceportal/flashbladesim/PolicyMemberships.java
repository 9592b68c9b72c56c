package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which object-store users hold which built-in access policies. The grants are kept on the users
 * ({@link StoredUser#policies()}), so deleting a user ends its memberships with it, as on the
 * array.
 */
final class PolicyMemberships {

  /** One user holding one policy. */
  record Membership(StoredUser member, AccessPolicy policy) {}

  /**
   * Objects chosen by name or by id; at most one of the two lists is non-empty, and both empty
   * chooses every object.
   */
  record Selection(String parameter, List<String> names, List<String> ids) {

    Selection {
      if (!names.isEmpty() && !ids.isEmpty()) {
        throw ApiException.badRequest(
            "Parameters '" + parameter + "_names' and '" + parameter + "_ids' cannot be combined.");
      }
    }

    static Selection of(ApiRequest request, String parameter) {
      return new Selection(
          parameter, request.list(parameter + "_names"), request.list(parameter + "_ids"));
    }

    boolean isEmpty() {
      return names.isEmpty() && ids.isEmpty();
    }

    void require() {
      if (isEmpty()) {
        throw ApiException.badRequest(
            "Missing required parameter '" + parameter + "_names' or '" + parameter + "_ids'.");
      }
    }
  }

  private final SimulatorState state;

  PolicyMemberships(SimulatorState state) {
    this.state = state;
  }

  /** The memberships among the chosen users and policies (400 for each unknown name or id). */
  List<Membership> select(Selection members, Selection policies) {
    synchronized (state) {
      List<StoredUser> users = users(members);
      List<AccessPolicy> chosen = policies(policies);
      List<Membership> selected = new ArrayList<>();
      for (StoredUser user : users) {
        for (AccessPolicy policy : user.grants()) {
          if (policies.isEmpty() || chosen.contains(policy)) {
            selected.add(new Membership(user, policy));
          }
        }
      }
      return selected;
    }
  }

  /** Grants every chosen policy to every chosen user; all or nothing. */
  List<Membership> grant(Selection members, Selection policies) {
    synchronized (state) {
      members.require();
      policies.require();
      List<StoredUser> users = users(members);
      List<AccessPolicy> chosen = policies(policies);
      List<ApiError> held = new ArrayList<>();
      for (StoredUser user : users) {
        for (AccessPolicy policy : chosen) {
          if (user.policies().contains(policy.policyName())) {
            held.add(
                new ApiError(
                    user.name(), "Membership in " + policy.policyName() + " already exists."));
          }
        }
      }
      if (!held.isEmpty()) {
        throw new ApiException(400, held);
      }
      List<Membership> granted = new ArrayList<>();
      for (StoredUser user : users) {
        List<String> names = new ArrayList<>(user.policies());
        chosen.forEach(policy -> names.add(policy.policyName()));
        StoredUser changed = user.withPolicies(names);
        state.users.put(changed.name(), changed);
        chosen.forEach(policy -> granted.add(new Membership(changed, policy)));
      }
      state.persist();
      return granted;
    }
  }

  /** Revokes every chosen policy from every chosen user; all or nothing. */
  void revoke(Selection members, Selection policies) {
    synchronized (state) {
      members.require();
      policies.require();
      List<StoredUser> users = users(members);
      List<AccessPolicy> chosen = policies(policies);
      List<ApiError> missing = new ArrayList<>();
      for (StoredUser user : users) {
        for (AccessPolicy policy : chosen) {
          if (!user.policies().contains(policy.policyName())) {
            missing.add(
                new ApiError(
                    user.name(), "Membership in " + policy.policyName() + " does not exist."));
          }
        }
      }
      if (!missing.isEmpty()) {
        throw new ApiException(400, missing);
      }
      List<String> revoked = chosen.stream().map(AccessPolicy::policyName).toList();
      for (StoredUser user : users) {
        List<String> names = new ArrayList<>(user.policies());
        names.removeAll(revoked);
        state.users.put(user.name(), user.withPolicies(names));
      }
      state.persist();
    }
  }

  private List<StoredUser> users(Selection members) {
    if (members.isEmpty()) {
      return List.copyOf(state.users.values());
    }
    if (!members.names().isEmpty()) {
      return Lookups.requireAll(state.users, members.names(), "Object store user");
    }
    return resolve(
        members.ids(),
        id -> state.users.values().stream().filter(u -> u.id().equals(id)).findFirst(),
        "Object store user");
  }

  private static List<AccessPolicy> policies(Selection policies) {
    if (policies.isEmpty()) {
      return List.of(AccessPolicy.values());
    }
    return policies.names().isEmpty()
        ? resolve(policies.ids(), AccessPolicy::withId, "Object store access policy")
        : resolve(policies.names(), AccessPolicy::named, "Object store access policy");
  }

  /** Like {@link Lookups#requireAll}: one error per unknown key. */
  private static <T> List<T> resolve(
      List<String> keys, Function<String, Optional<T>> lookup, String kind) {
    List<ApiError> missing = new ArrayList<>();
    List<T> found = new ArrayList<>();
    for (String key : keys) {
      lookup
          .apply(key)
          .ifPresentOrElse(
              found::add, () -> missing.add(new ApiError(key, kind + " does not exist.")));
    }
    if (!missing.isEmpty()) {
      throw new ApiException(400, missing);
    }
    return found;
  }
}
