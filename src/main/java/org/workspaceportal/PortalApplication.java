package org.workspaceportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Workspace Portal: self-service Spark + Jupyter workspaces on FlashBlade storage and Docker hosts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(PortalApplication.class, args);
    } catch (Throwable failed) {
      // Spring has logged why ("Application run failed") and closed the context, but threads
      // started before the failure (the embedded simulator's servers, for one) would keep the JVM
      // alive: a supervisor must see the start fail.
      System.exit(1);
    }
  }
}
