package soc.tenants.users;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findByUsername(String username);

    boolean existsByRole(Role role);

    long countByRoleAndEnabledTrue(Role role);

    Optional<AppUser> findByEmailIgnoreCase(String email);
}
