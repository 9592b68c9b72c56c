package org.workspaceportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import tools.jackson.databind.JsonNode;

/** Reads the audit trail the way an admin's script does: {@code GET /api/v1/admin/audit}. */
public final class AuditFixtures {

  private AuditFixtures() {}

  /** The newest entries (at most 200) with this action. */
  public static List<JsonNode> entries(HttpApi api, Auth admin, String action) {
    Reply reply = api.get("/api/v1/admin/audit?size=200&action=" + action, admin);
    assertThat(reply.status()).as("audit read: %s", reply).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    reply.json().path("items").forEach(items::add);
    return items;
  }

  /** The newest entry with this action and target; fails if there is none. */
  public static JsonNode entry(HttpApi api, Auth admin, String action, String target) {
    return entries(api, admin, action).stream()
        .filter(e -> target.equals(e.path("target").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no audit entry " + action + " for " + target));
  }

  public static boolean any(HttpApi api, Auth admin, String action, Predicate<JsonNode> match) {
    return entries(api, admin, action).stream().anyMatch(match);
  }
}
