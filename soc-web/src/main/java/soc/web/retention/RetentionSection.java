package soc.web.retention;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import soc.tenants.retention.TenantRetention;

/** What the "Data retention" section of the tenant page (fragment {@code tenant-retention.html}) needs in the model. */
@Component
public class RetentionSection {
    private final TenantRetention retention;

    RetentionSection(TenantRetention retention) {
        this.retention = retention;
    }

    public void addTo(Model model, String tenantId) {
        retention.of(tenantId).ifPresent(setting -> model.addAttribute("retention", setting));
        model.addAttribute("retentionDefault", retention.defaultDays());
        model.addAttribute("retentionMin", TenantRetention.MIN_DAYS);
        model.addAttribute("retentionMax", TenantRetention.MAX_DAYS);
    }
}
