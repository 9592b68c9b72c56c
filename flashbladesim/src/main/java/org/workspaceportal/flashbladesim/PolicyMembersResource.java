package org.workspaceportal.flashbladesim;

import java.util.List;

/**
 * Which users hold which access policies: {@code /api/2.x/object-store-access-policies/
 * object-store-users} and its mirror {@code /object-store-users/object-store-access-policies}, both
 * in Pure's client from REST 2.0. Members and policies are chosen by {@code member_names} or {@code
 * member_ids} and {@code policy_names} or {@code policy_ids}; POST grants and DELETE revokes every
 * chosen policy for every chosen user, and GET lists the memberships among them.
 */
final class PolicyMembersResource implements ApiResource {

  private final PolicyMemberships memberships;
  private final Listing listing;

  PolicyMembersResource(PolicyMemberships memberships, Listing listing) {
    this.memberships = memberships;
    this.listing = listing;
  }

  /** Memberships are changed from query parameters alone; any body field is unknown. */
  record Body() {}

  /** Pure's {@code FixedReference}. */
  record Ref(String id, String name, String resourceType) {}

  record Item(Ref member, Ref policy) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    var selected =
        memberships.select(
            PolicyMemberships.Selection.of(request, "member"),
            PolicyMemberships.Selection.of(request, "policy"));
    return listing.respond(request, items(selected));
  }

  @Override
  public ApiResponse post(ApiRequest request) {
    request.body(Body.class, false);
    return ApiResponse.items(
        items(
            memberships.grant(
                PolicyMemberships.Selection.of(request, "member"),
                PolicyMemberships.Selection.of(request, "policy"))));
  }

  @Override
  public ApiResponse delete(ApiRequest request) {
    memberships.revoke(
        PolicyMemberships.Selection.of(request, "member"),
        PolicyMemberships.Selection.of(request, "policy"));
    return ApiResponse.noContent();
  }

  private static List<Item> items(List<PolicyMemberships.Membership> memberships) {
    return memberships.stream()
        .map(
            m ->
                new Item(
                    new Ref(m.member().id(), m.member().name(), "object-store-users"),
                    new Ref(
                        m.policy().id(), m.policy().policyName(), "object-store-access-policies")))
        .toList();
  }
}
