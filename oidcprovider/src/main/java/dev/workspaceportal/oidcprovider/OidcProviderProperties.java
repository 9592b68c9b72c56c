package dev.workspaceportal.oidcprovider;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's people ({@code provider.users}); its client, the portal, is Spring Boot's own
 * {@code spring.security.oauth2.authorizationserver.client.portal.*} (application.yml).
 *
 * @param users who may sign in, with the groups their tokens carry
 */
@ConfigurationProperties("provider")
public record OidcProviderProperties(List<Person> users) {

  public OidcProviderProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * One person.
   *
   * @param username what she types on the provider's sign-in form; the tokens' {@code
   *     preferred_username}
   * @param password in plain text (a provider for trying things out)
   * @param name the tokens' {@code name}
   * @param email the tokens' {@code email}
   * @param groups the tokens' {@code groups}
   * @param enabled false: the provider refuses her sign-in, as a directory does with a disabled
   *     account
   */
  public record Person(
      String username,
      String password,
      String name,
      String email,
      List<String> groups,
      Boolean enabled) {

    public Person {
      groups = groups == null ? List.of() : List.copyOf(groups);
      enabled = enabled == null || enabled;
    }
  }
}
