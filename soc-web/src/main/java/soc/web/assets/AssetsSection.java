package soc.web.assets;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetType;
import soc.tenants.sources.Criticality;

/** What the "Assets" section of the tenant page (fragment {@code tenant-assets.html}) needs in the model. */
@Component
public class AssetsSection {
    private final AssetService assets;

    AssetsSection(AssetService assets) {
        this.assets = assets;
    }

    public void addTo(Model model, String tenantId) {
        model.addAttribute("assets", assets.forTenant(tenantId));
        model.addAttribute("assetTypes", AssetType.values());
        model.addAttribute("assetCriticalities", Criticality.values());
        if (!model.containsAttribute("assetForm")) {
            model.addAttribute("assetForm", new AssetForm());
        }
    }
}
