package org.workspaceportal.audit;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** An {@link AuditFilter} as a query: only the parts that are given. */
final class AuditSearch {

  private AuditSearch() {}

  static Specification<AuditEvent> of(AuditFilter filter) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (hasText(filter.action())) {
        where.add(contains(cb, root.get("action"), filter.action()));
      }
      if (hasText(filter.actor())) {
        where.add(contains(cb, root.get("actor"), filter.actor()));
      }
      if (filter.from() != null) {
        where.add(
            cb.greaterThanOrEqualTo(
                root.get("at"), filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
      }
      if (filter.to() != null) {
        where.add(
            cb.lessThan(
                root.get("at"), filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  /** Case-insensitive "contains", with the pattern's own wildcards taken literally. */
  private static Predicate contains(CriteriaBuilder cb, Expression<String> field, String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return cb.like(cb.lower(field), "%" + escaped + "%", '\\');
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
