package org.workspaceportal.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<User, UUID> {

  Optional<User> findByUsername(String username);

  Optional<User> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);

  boolean existsByUsername(String username);

  List<User> findAllByOrderByUsernameAsc();
}
