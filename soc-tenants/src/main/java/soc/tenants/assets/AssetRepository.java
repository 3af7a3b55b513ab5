package soc.tenants.assets;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AssetRepository extends JpaRepository<Asset, UUID> {
    List<Asset> findByTenantIdOrderByNameAsc(String tenantId);

    boolean existsByTenantIdAndName(String tenantId, String name);
}
