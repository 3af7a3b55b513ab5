package soc.tenants.onboarding;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnboardingItemRepository extends JpaRepository<OnboardingItem, Long> {
    List<OnboardingItem> findByTenantIdOrderByPositionAsc(String tenantId);

    List<OnboardingItem> findAllByOrderByTenantIdAscPositionAsc();

    Optional<OnboardingItem> findByTenantIdAndCode(String tenantId, String code);
}
