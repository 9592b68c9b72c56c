package org.workspaceportal.flashbladesim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code /api/2.x/file-systems}. Only what the portal's NFS "datahub" needs is kept: size, hard
 * limit, NFS versions and rules, destroyed; other documented fields are accepted and not stored.
 */
final class FileSystemsResource implements ApiResource {

  private static final long ERADICATION_DELAY_MS = 24L * 60 * 60 * 1000;

  private final SimulatorState state;
  private final FileSystemRegistry fileSystems;
  private final Listing listing;

  FileSystemsResource(SimulatorState state, FileSystemRegistry fileSystems, Listing listing) {
    this.state = state;
    this.fileSystems = fileSystems;
    this.listing = listing;
  }

  record Nfs(
      Boolean v3Enabled,
      @JsonProperty("v4_1_enabled") Boolean v41Enabled,
      String rules,
      ApiRef.Body exportPolicy) {}

  record Toggle(Boolean enabled) {}

  record Post(
      Long provisioned,
      Boolean hardLimitEnabled,
      Nfs nfs,
      Toggle smb,
      Toggle http,
      Boolean snapshotDirectoryEnabled,
      Boolean fastRemoveDirectoryEnabled,
      Boolean writable,
      Long defaultUserQuota,
      Long defaultGroupQuota) {}

  record Patch(
      Boolean destroyed,
      Long provisioned,
      Boolean hardLimitEnabled,
      Nfs nfs,
      Toggle smb,
      Toggle http,
      Boolean writable,
      Boolean snapshotDirectoryEnabled) {}

  record ItemNfs(
      boolean v3Enabled, @JsonProperty("v4_1_enabled") boolean v41Enabled, String rules) {}

  record Item(
      String id,
      String name,
      long created,
      Long provisioned,
      boolean hardLimitEnabled,
      boolean destroyed,
      Long timeRemaining,
      ItemNfs nfs,
      Toggle smb,
      Toggle http,
      ApiSpace space,
      boolean writable,
      String promotionStatus) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    List<StoredFileSystem> selected =
        Lookups.inDestroyedState(
            state.select(state.fileSystems, request.names(), "File system"),
            !request.names().isEmpty(),
            request.flag("destroyed"),
            StoredFileSystem::isDestroyed,
            StoredFileSystem::name,
            "File system");
    return listing.respond(
        request, selected.stream().map(this::item).toList(), Totals.FILE_SYSTEMS);
  }

  @Override
  public ApiResponse post(ApiRequest request) {
    Post body = request.body(Post.class, false);
    var spec = spec(null, body.provisioned(), body.hardLimitEnabled(), body.nfs());
    return ApiResponse.items(
        fileSystems.create(request.names(), spec).stream().map(this::item).toList());
  }

  @Override
  public ApiResponse patch(ApiRequest request) {
    Patch body = request.body(Patch.class, true);
    var patch = spec(body.destroyed(), body.provisioned(), body.hardLimitEnabled(), body.nfs());
    return ApiResponse.items(
        fileSystems.patch(request.names(), patch).stream().map(this::item).toList());
  }

  private FileSystemPatch spec(Boolean destroyed, Long provisioned, Boolean hardLimit, Nfs given) {
    Nfs nfs = given == null ? new Nfs(null, null, null, null) : given;
    checkRules(nfs);
    return new FileSystemPatch(
        destroyed, provisioned, hardLimit, nfs.v3Enabled(), nfs.v41Enabled(), nfs.rules());
  }

  @Override
  public ApiResponse delete(ApiRequest request) {
    fileSystems.eradicate(request.names());
    return ApiResponse.noContent();
  }

  private static void checkRules(Nfs nfs) {
    if (nfs.rules() != null && nfs.exportPolicy() != null) {
      throw ApiException.badRequest("nfs", "nfs.rules and nfs.export_policy cannot be combined.");
    }
  }

  private Item item(StoredFileSystem fs) {
    Long remaining =
        fs.isDestroyed()
            ? Math.max(0, fs.destroyedAt() + ERADICATION_DELAY_MS - state.now())
            : null;
    var nfs = new ItemNfs(fs.nfs().v3Enabled(), fs.nfs().v41Enabled(), fs.nfs().rules());
    return new Item(
        fs.id(),
        fs.name(),
        fs.created(),
        fs.provisioned(),
        fs.hardLimitEnabled(),
        fs.isDestroyed(),
        remaining,
        nfs,
        new Toggle(false),
        new Toggle(false),
        ApiSpace.EMPTY,
        true,
        "promoted");
  }
}
