package org.workspaceportal.identity;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A browser session's stamp of its account (a digest of its password hash and roles), taken when
 * the session signs in ({@link SignInStamp}): a password or role changed since makes the stamp
 * differ, and the session ends. A user who changes their own password keeps the session they did it
 * in.
 */
public final class AccountSessions {

  private static final String STAMP = AccountSessions.class.getName() + ".STAMP";

  private AccountSessions() {}

  /** Whether the session's stamp matches the account as it is; a session without one gets it. */
  static boolean stillCurrent(HttpSession session, UserDetails account) {
    String now = stamp(account);
    Object had = session.getAttribute(STAMP);
    if (had == null) {
      session.setAttribute(STAMP, now);
      return true;
    }
    return had.equals(now);
  }

  /** Stamps a session that just signed in. */
  static void stamp(HttpSession session, UserDetails account) {
    session.setAttribute(STAMP, stamp(account));
  }

  /** This session goes on after its own user changed their password: its stamp is taken again. */
  public static void keep(HttpSession session) {
    session.removeAttribute(STAMP);
  }

  private static String stamp(UserDetails account) {
    TreeSet<String> roles = new TreeSet<>();
    for (GrantedAuthority a : account.getAuthorities()) {
      roles.add(a.getAuthority());
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(String.valueOf(account.getPassword()).getBytes(StandardCharsets.UTF_8));
      sha.update(String.join(",", roles).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
