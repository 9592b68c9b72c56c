package org.workspaceportal.flashbladesim;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name checks of the simulated array. FlashBlade documents no formal grammar; these follow the
 * S3/DNS-style rules clients already have to respect, and refuse upper-case account names the way
 * the array's tooling forces them to lower case.
 */
final class NameRules {

  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern FILE_SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

  private NameRules() {}

  static void checkAccount(String name) {
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest(name, "Object store account names must be lowercase.");
    }
    require(ACCOUNT, name, "Invalid object store account name.");
  }

  /** Checks {@code account/user} and returns the account part. */
  static String checkUser(String name) {
    int slash = name.indexOf('/');
    if (slash <= 0 || slash != name.lastIndexOf('/')) {
      throw ApiException.badRequest(
          name, "Object store user names must have the form account/user.");
    }
    require(USER, name.substring(slash + 1), name, "Invalid object store user name.");
    return name.substring(0, slash);
  }

  static void checkBucket(String name) {
    require(BUCKET, name, "Invalid bucket name.");
    if (name.contains("..")) {
      throw ApiException.badRequest(name, "Invalid bucket name.");
    }
  }

  static void checkFileSystem(String name) {
    require(FILE_SYSTEM, name, "Invalid file system name.");
  }

  private static void require(Pattern pattern, String name, String message) {
    require(pattern, name, name, message);
  }

  private static void require(Pattern pattern, String value, String context, String message) {
    if (!pattern.matcher(value).matches()) {
      throw ApiException.badRequest(context, message);
    }
  }
}
