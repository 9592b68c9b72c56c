package org.workspaceportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PostgresJpaTest;

/**
 * The audit table is append-only in the database itself: a trigger refuses every change, so not
 * even a bug or a hand-written SQL statement can rewrite history. (Each test runs in its own
 * transaction, which the refused statement aborts; the rollback at the end cleans up.)
 */
@PostgresJpaTest
class AuditTrailAppendOnlyTest {

  @Autowired AuditRepository repository;
  @Autowired JdbcTemplate jdbc;

  private Long id;

  @BeforeEach
  void oneRow() {
    id =
        repository
            .saveAndFlush(
                new AuditEvent(
                    Instant.now(),
                    "tester",
                    "test.appended",
                    "target",
                    "/workspaces/x",
                    "detail",
                    "127.0.0.1"))
            .toEntry()
            .id();
  }

  @Test
  void rowsCanBeAppendedAndReadBack() {
    assertThat(repository.findById(id))
        .get()
        .extracting(e -> e.toEntry().action())
        .isEqualTo("test.appended");
  }

  @Test
  void updatingAnAuditRowIsRefusedByTheDatabase() {
    assertThatThrownBy(
            () -> jdbc.update("update audit_events set actor = 'someone-else' where id = ?", id))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("audit_events is append-only");
  }

  @Test
  void updatingEvenZeroRowsIsRefused() {
    assertThatThrownBy(() -> jdbc.update("update audit_events set actor = 'x' where false"))
        .hasMessageContaining("append-only");
  }

  @Test
  void deletingAnAuditRowIsRefusedByTheDatabase() {
    assertThatThrownBy(() -> jdbc.update("delete from audit_events where id = ?", id))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("audit_events is append-only");
  }

  @Test
  void deletingThroughJpaIsRefusedToo() {
    assertThatThrownBy(
            () -> {
              repository.deleteById(id);
              repository.flush();
            })
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void truncatingTheAuditTableIsRefused() {
    // a row trigger does not fire on TRUNCATE: V9 adds a statement trigger for it
    assertThatThrownBy(() -> jdbc.execute("truncate audit_events"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void longValuesAreClippedToTheColumnsInsteadOfFailingTheAudit() {
    AuditEvent saved =
        repository.saveAndFlush(
            new AuditEvent(
                Instant.now(),
                "a".repeat(100),
                "test.clip",
                "t".repeat(300),
                "/".repeat(400),
                "d".repeat(3000),
                "r".repeat(100)));

    AuditEntry entry = saved.toEntry();
    assertThat(entry.actor()).hasSize(64);
    assertThat(entry.target()).hasSize(200);
    assertThat(entry.detail()).hasSize(2000);
    assertThat(entry.remoteAddress()).hasSize(64);
    assertThat(entry.targetPath()).hasSize(300);
  }
}
