package org.workspaceportal.identity;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On first start, with no users at all, creates the first admin from {@code PORTAL_ADMIN_USERNAME}
 * / {@code PORTAL_ADMIN_PASSWORD}, or with a generated password printed once in the log.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final IdentityService identity;
  private final Validator validator;
  private final String username;
  private final String password;

  AdminBootstrap(
      IdentityService identity,
      Validator validator,
      @Value("${portal.identity.admin-username:admin}") String username,
      @Value("${portal.identity.admin-password:}") String password) {
    this.identity = identity;
    this.validator = validator;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.hasAnyUser()) {
      return;
    }
    boolean generated = !StringUtils.hasText(password);
    String pw = generated ? generatePassword() : password;
    NewUser admin = new NewUser(username, pw, Role.ADMIN);
    Set<ConstraintViolation<NewUser>> problems = validator.validate(admin);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "PORTAL_ADMIN_USERNAME/PORTAL_ADMIN_PASSWORD are invalid: "
              + problems.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted()
                  .toList());
    }
    identity.createUser(admin, "system");
    if (generated) {
      log.warn(
          "\n\n  First start: created admin user '{}' with generated password: {}\n"
              + "  (shown once; set PORTAL_ADMIN_PASSWORD to choose it)\n",
          username,
          pw);
    } else {
      log.info(
          "First start: created admin user '{}' from PORTAL_ADMIN_USERNAME/PORTAL_ADMIN_PASSWORD",
          username);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
