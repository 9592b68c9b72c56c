package org.workspaceportal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.workspaceportal.common.InvalidParameterException;

/** Writes and reads the audit trail. */
@Service
public class AuditService {

  private final AuditRepository repository;
  private final Clock clock;

  AuditService(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Records an action. Joins the caller's transaction when there is one, so the change and its
   * audit row commit or roll back together; the actor defaults to the authenticated user.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(String actor, String action, String target, String detail) {
    save(actor != null ? actor : currentActor(), action, target, null, detail, null);
  }

  /** Records with an address known to the caller (e.g. from a failed login's details). */
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(
      String actor, String action, String target, String detail, String remoteAddress) {
    save(actor, action, target, null, detail, remoteAddress);
  }

  /**
   * Records an action on a target that has a place in the portal ({@code targetPath}, e.g. {@code
   * /workspaces/<id>}), which the audit page links to.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordAt(
      String targetPath,
      String actor,
      String action,
      String target,
      String detail,
      String remoteAddress) {
    save(actor != null ? actor : currentActor(), action, target, targetPath, detail, remoteAddress);
  }

  private void save(
      String actor,
      String action,
      String target,
      String targetPath,
      String detail,
      String remoteAddress) {
    repository.save(
        new AuditEvent(
            clock.instant(),
            actor,
            action,
            target,
            targetPath,
            detail,
            remoteAddress != null ? remoteAddress : remoteAddress()));
  }

  /** The largest page size, and the last page number whose offset the database still takes. */
  public static final int MAX_SIZE = 200;

  public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

  /**
   * One page of the trail, newest first.
   *
   * @throws InvalidParameterException when {@code page} is not within 0..{@value #MAX_PAGE} or
   *     {@code size} not within 1..{@value #MAX_SIZE}
   */
  @Transactional(readOnly = true)
  public Page<AuditEntry> page(int page, int size, String action) {
    if (page < 0 || page > MAX_PAGE) {
      throw new InvalidParameterException("page", "must be between 0 and " + MAX_PAGE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
    }
    PageRequest request = PageRequest.of(page, size);
    Page<AuditEvent> found =
        action == null || action.isBlank()
            ? repository.findAllByOrderByIdDesc(request)
            : repository.findByActionOrderByIdDesc(action, request);
    return found.map(AuditEvent::toEntry);
  }

  /**
   * One page of the entries that match {@code filter}, newest first.
   *
   * @throws InvalidParameterException as {@link #page}, and when {@code to} is before {@code from}
   */
  @Transactional(readOnly = true)
  public Page<AuditEntry> search(AuditFilter filter, int page, int size) {
    if (page < 0 || page > MAX_PAGE) {
      throw new InvalidParameterException("page", "must be between 0 and " + MAX_PAGE);
    }
    if (size < 1 || size > MAX_EXPORT_PAGE) {
      throw new InvalidParameterException("size", "must be between 1 and " + MAX_EXPORT_PAGE);
    }
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw new InvalidParameterException("to", "must not be before from");
    }
    return repository
        .findAll(
            AuditSearch.of(filter), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")))
        .map(AuditEvent::toEntry);
  }

  /** The largest page {@link #search} gives, for exports that read the trail page by page. */
  public static final int MAX_EXPORT_PAGE = 1000;

  /** Every action recorded so far, sorted. */
  @Transactional(readOnly = true)
  public List<String> actions() {
    return repository.distinctActions();
  }

  private static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null ? auth.getName() : "system";
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
