package org.workspaceportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.workspaceportal.PostgresJpaTest;

/** The audit page's filters as PostgreSQL runs them: parts of words, any case, whole UTC days. */
@PostgresJpaTest
class AuditSearchTest {

  @Autowired AuditRepository repository;

  /** Unique per test, so rows other tests left in the shared database never match. */
  private String tag;

  @BeforeEach
  void rows() {
    tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    save("2026-03-01T23:59:59Z", "Alice-" + tag, "workspace.approved." + tag);
    save("2026-03-02T00:00:00Z", "bob-" + tag, "workspace.rejected." + tag);
    save("2026-03-03T12:00:00Z", "alice-" + tag, "token.created." + tag);
    save("2026-03-04T00:00:00Z", "carol-" + tag, "100%_done." + tag);
  }

  private void save(String at, String actor, String action) {
    repository.saveAndFlush(
        new AuditEvent(Instant.parse(at), actor, action, "target", null, "detail", "127.0.0.1"));
  }

  private List<String> actors(AuditFilter filter) {
    return repository
        .findAll(AuditSearch.of(filter), PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id")))
        .map(e -> e.toEntry().actor().replace("-" + tag, ""))
        .getContent();
  }

  @Test
  void anActionMatchesByAnyPartInAnyCase() {
    assertThat(actors(new AuditFilter("APPROV", tag, null, null))).containsExactly("Alice");
    assertThat(actors(new AuditFilter("workspace.", tag, null, null)))
        .containsExactly("bob", "Alice");
  }

  @Test
  void anActorMatchesByAnyPartInAnyCase() {
    assertThat(actors(new AuditFilter(tag, "alice", null, null))).containsExactly("alice", "Alice");
  }

  @Test
  void wildcardsInTheFilterAreTakenLiterally() {
    assertThat(actors(new AuditFilter("0%_d", tag, null, null))).containsExactly("carol");
    assertThat(actors(new AuditFilter("%", tag, null, null))).containsExactly("carol");
  }

  @Test
  void datesAreWholeUtcDaysWithBothEndsIncluded() {
    assertThat(actors(new AuditFilter(tag, null, LocalDate.parse("2026-03-02"), null)))
        .containsExactly("carol", "alice", "bob");
    assertThat(
            actors(
                new AuditFilter(
                    tag, null, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"))))
        .containsExactly("alice", "bob");
    assertThat(actors(new AuditFilter(tag, null, null, LocalDate.parse("2026-03-01"))))
        .containsExactly("Alice");
  }

  @Test
  void theActionsToPickFromAreEachRecordedActionOnce() {
    save("2026-03-05T00:00:00Z", "dave-" + tag, "workspace.approved." + tag);

    assertThat(repository.distinctActions())
        .filteredOn(a -> a.endsWith(tag))
        .containsExactly(
            "100%_done." + tag,
            "token.created." + tag,
            "workspace.approved." + tag,
            "workspace.rejected." + tag);
  }
}
