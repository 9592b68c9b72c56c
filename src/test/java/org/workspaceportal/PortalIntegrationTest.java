package org.workspaceportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.workspaceportal.testsupport.TestAdmin;

/**
 * The whole portal on a random port against the embedded PostgreSQL. Every full-app test class uses
 * exactly this annotation and nothing else that changes the context, so Spring's context cache
 * starts the application once for all of them. The database is shared with whatever else runs in
 * the JVM: tests create their own users and workspaces with unique names and never assume an empty
 * table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public @interface PortalIntegrationTest {

  /**
   * The admin that {@code AdminBootstrap} creates from {@code portal.identity.admin-username} /
   * {@code admin-password}, which the Surefire configuration sets for every test context ({@link
   * TestAdmin}).
   */
  String ADMIN_USERNAME = TestAdmin.USERNAME;

  String ADMIN_PASSWORD = TestAdmin.PASSWORD;
}
