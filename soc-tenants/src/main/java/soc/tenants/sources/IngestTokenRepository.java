package soc.tenants.sources;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IngestTokenRepository extends JpaRepository<IngestToken, UUID> {
    Optional<IngestToken> findBySha256(String sha256);

    List<IngestToken> findBySourceIdOrderByCreatedAtDesc(UUID sourceId);
}
