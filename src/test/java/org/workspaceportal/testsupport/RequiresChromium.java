package org.workspaceportal.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The test class drives Debian's chromium through chromedriver (see {@link HeadlessChromium} for
 * the paths and their overrides). Checked before each test instance is made, so a skipped test does
 * not start a Spring context, and per test so that Surefire counts and reports it as skipped (an
 * abort in {@code beforeAll} shows as "Tests run: 0"). See {@link Requirement} for skip-or-fail.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Check.class)
public @interface RequiresChromium {

  /** Skips, or fails under CI, when the browser or its driver is missing. */
  final class Check implements TestInstancePreConstructCallback {

    @Override
    public void preConstructTestInstance(
        TestInstanceFactoryContext factoryContext, ExtensionContext context) {
      Requirement.require("headless Chromium", HeadlessChromium.whatIsMissing());
    }
  }
}
