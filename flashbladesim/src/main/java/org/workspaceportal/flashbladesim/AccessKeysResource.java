package org.workspaceportal.flashbladesim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code /api/2.x/object-store-access-keys}. The key's {@code name} is its access key ID (the
 * simulator has no realms, whose keys' names carry a {@code realm::} prefix); the secret appears in
 * the POST response that created it and never again.
 *
 * <p>The fields follow the addressed version as in Pure's client models ({@code
 * object_store_access_key_v_2_17}, {@code _v_2_20}): {@code context} from 2.17, {@code
 * access_key_id}, "the access key ID which can be used directly to authorize S3 operations", from
 * 2.20.
 */
final class AccessKeysResource implements ApiResource {

  static final int CONTEXT_MINOR = 17;
  static final int ACCESS_KEY_ID_MINOR = 20;

  private final SimulatorState state;
  private final AccountRegistry accounts;
  private final Listing listing;
  private final ArrayIdentity array;

  AccessKeysResource(
      SimulatorState state, AccountRegistry accounts, Listing listing, ArrayIdentity array) {
    this.state = state;
    this.accounts = accounts;
    this.listing = listing;
    this.array = array;
  }

  /** {@code secret_access_key} is only sent when importing an existing key pair. */
  record Post(ApiRef.Body user, String secretAccessKey) {}

  record Patch(Boolean enabled) {}

  record Item(
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) ApiRef context,
      @JsonInclude(JsonInclude.Include.NON_NULL) String accessKeyId,
      long created,
      boolean enabled,
      ApiRef user,
      @JsonInclude(JsonInclude.Include.NON_NULL) String secretAccessKey) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    List<StoredAccessKey> selected =
        state.select(state.accessKeys, request.names(), "Object store access key");
    return listing.respond(request, selected.stream().map(k -> item(request, k, null)).toList());
  }

  @Override
  public ApiResponse post(ApiRequest request) {
    Post body = request.body(Post.class, true);
    String userName = userName(body.user());
    List<String> names = request.names();
    boolean importing = body.secretAccessKey() != null;
    if (importing != !names.isEmpty() || names.size() > 1) {
      throw ApiException.badRequest(
          "Importing a key needs exactly one name and secret_access_key; creating one needs"
              + " neither.");
    }
    StoredAccessKey key =
        accounts.createAccessKey(
            userName, importing ? names.getFirst() : null, body.secretAccessKey());
    return ApiResponse.items(List.of(item(request, key, importing ? null : key.secret())));
  }

  @Override
  public ApiResponse patch(ApiRequest request) {
    Patch body = request.body(Patch.class, true);
    if (body.enabled() == null) {
      return ApiResponse.items(
          state.select(state.accessKeys, request.names(), "Object store access key").stream()
              .map(k -> item(request, k, null))
              .toList());
    }
    return ApiResponse.items(
        accounts.setAccessKeysEnabled(request.names(), body.enabled()).stream()
            .map(k -> item(request, k, null))
            .toList());
  }

  @Override
  public ApiResponse delete(ApiRequest request) {
    accounts.deleteAccessKeys(request.names());
    return ApiResponse.noContent();
  }

  private String userName(ApiRef.Body user) {
    if (user == null || (user.name() == null && user.id() == null)) {
      throw ApiException.badRequest("user", "Field 'user' with a name or id is required.");
    }
    if (user.name() != null) {
      return user.name();
    }
    synchronized (state) {
      return state.users.values().stream()
          .filter(u -> u.id().equals(user.id()))
          .findFirst()
          .map(StoredUser::name)
          .orElseThrow(
              () -> ApiException.badRequest(user.id(), "Object store user does not exist."));
    }
  }

  private Item item(ApiRequest request, StoredAccessKey key, String secret) {
    String userId;
    synchronized (state) {
      StoredUser user = state.users.get(key.user());
      userId = user == null ? null : user.id();
    }
    return new Item(
        key.name(),
        request.minor() >= CONTEXT_MINOR ? array.asContext() : null,
        request.minor() >= ACCESS_KEY_ID_MINOR ? key.name() : null,
        key.created(),
        key.enabled(),
        new ApiRef(key.user(), userId),
        secret);
  }
}
