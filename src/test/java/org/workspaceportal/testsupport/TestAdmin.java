package org.workspaceportal.testsupport;

/**
 * The first admin of the test database. All Spring test contexts of one Surefire run share one
 * embedded database, and the admin is created only when it is empty, so every context must agree:
 * the pom sets these for all tests ({@code portal.identity.admin-*} in the Surefire configuration).
 */
public final class TestAdmin {

  public static final String USERNAME = "admin";
  public static final String PASSWORD = "test-admin-password";

  private TestAdmin() {}
}
