package org.workspaceportal.identity;

/** What a user may do: USER requests and runs workspaces, ADMIN also approves and administers. */
public enum Role {
  USER,
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
