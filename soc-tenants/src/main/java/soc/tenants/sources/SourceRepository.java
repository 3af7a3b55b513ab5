package soc.tenants.sources;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SourceRepository extends JpaRepository<Source, UUID> {
    List<Source> findByTenantIdOrderByNameAsc(String tenantId);

    List<Source> findByLastEventAtNotNull();
}
