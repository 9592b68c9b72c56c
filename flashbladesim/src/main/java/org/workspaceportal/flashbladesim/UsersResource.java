package org.workspaceportal.flashbladesim;

import java.util.List;

/** {@code /api/2.x/object-store-users}; names are {@code account/user}. */
final class UsersResource implements ApiResource {

  private final SimulatorState state;
  private final AccountRegistry accounts;
  private final Listing listing;

  UsersResource(SimulatorState state, AccountRegistry accounts, Listing listing) {
    this.state = state;
    this.accounts = accounts;
    this.listing = listing;
  }

  /** Users are created from query parameters alone; any body field is unknown. */
  record Post() {}

  record Item(String id, String name, long created, ApiRef account, List<ApiRef> accessKeys) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    List<StoredUser> selected = state.select(state.users, request.names(), "Object store user");
    return listing.respond(request, selected.stream().map(this::item).toList());
  }

  @Override
  public ApiResponse post(ApiRequest request) {
    request.body(Post.class, false);
    boolean fullAccess = request.flag("full_access").orElse(false);
    return ApiResponse.items(
        accounts.createUsers(request.names(), fullAccess).stream().map(this::item).toList());
  }

  @Override
  public ApiResponse delete(ApiRequest request) {
    accounts.deleteUsers(request.names());
    return ApiResponse.noContent();
  }

  private Item item(StoredUser user) {
    String accountId;
    synchronized (state) {
      StoredAccount account = state.accounts.get(user.account());
      accountId = account == null ? null : account.id();
    }
    List<ApiRef> keys =
        accounts.keysOf(user.name()).stream().map(k -> new ApiRef(k.name(), null)).toList();
    return new Item(
        user.id(), user.name(), user.created(), new ApiRef(user.account(), accountId), keys);
  }
}
