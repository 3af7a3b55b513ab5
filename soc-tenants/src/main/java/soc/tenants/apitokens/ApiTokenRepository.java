package soc.tenants.apitokens;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {
    List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

    Optional<ApiToken> findBySha256(String sha256);
}
