package org.workspaceportal.host;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DockerHostRepository extends JpaRepository<DockerHost, UUID> {

  Optional<DockerHost> findByName(String name);

  boolean existsByName(String name);

  List<DockerHost> findAllByOrderByNameAsc();
}
