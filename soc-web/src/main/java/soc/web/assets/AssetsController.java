package soc.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.assets.Asset;
import soc.tenants.assets.AssetCsvImport;
import soc.tenants.assets.AssetService;
import soc.tenants.assets.AssetSpec;
import soc.tenants.tenants.TenantService;
import soc.web.security.SocUser;
import soc.web.tenants.TenantAccess;

/**
 * A tenant's asset inventory, shown in the "Assets" section of the tenant page: add an asset, import many from CSV
 * (each refused line shown with its number and reason), delete one.
 *
 * <p>Who may change it: platform admins and onboarding officers for any tenant, and a tenant's own TENANT_ADMIN for
 * their tenant (they know their estate best, and the inventory changes as it does). The security configuration lets
 * these roles POST here; {@link TenantAccess} pins a tenant admin to their own tenant (another tenant's id answers
 * 404) and row-level security does the same again underneath. Tenant analysts see the list only.
 */
@Controller
class AssetsController {
    private final AssetService assets;
    private final AssetCsvImport csvImport;
    private final TenantService tenants;
    private final TenantAccess access;

    AssetsController(AssetService assets, AssetCsvImport csvImport, TenantService tenants, TenantAccess access) {
        this.assets = assets;
        this.csvImport = csvImport;
        this.tenants = tenants;
        this.access = access;
    }

    @PostMapping("/tenants/{id}/assets")
    String add(@AuthenticationPrincipal SocUser user, @PathVariable String id, @ModelAttribute AssetForm assetForm,
               RedirectAttributes redirect) {
        requireTenant(user, id);
        try {
            Asset asset = assets.create(user.getUsername(), id, assetForm.toSpec());
            redirect.addFlashAttribute("assetAdded", asset.getName());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("assetError", e.getMessage());
            redirect.addFlashAttribute("assetForm", assetForm);
        }
        return "redirect:/tenants/" + id + "#assets";
    }

    @PostMapping("/tenants/{id}/assets/import")
    String importCsv(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                     @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        requireTenant(user, id);
        AssetCsvImport.Result result;
        if (file == null || file.isEmpty()) {
            result = new AssetCsvImport.Result(0, List.of(new AssetCsvImport.LineError(0, "no file chosen, or the file is empty")));
        } else {
            try (InputStream in = file.getInputStream()) {
                result = csvImport.importCsv(user.getUsername(), id, in);
            }
        }
        List<ImportLine> errors = new ArrayList<>();
        result.errors().forEach(error -> errors.add(new ImportLine(error.line(), error.reason())));
        redirect.addFlashAttribute("importOutcome", new ImportOutcome(
                file == null ? "" : String.valueOf(file.getOriginalFilename()), result.imported(), errors));
        return "redirect:/tenants/" + id + "#assets";
    }

    @PostMapping("/tenants/{id}/assets/{assetId}/delete")
    String delete(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable UUID assetId,
                  RedirectAttributes redirect) {
        requireTenant(user, id);
        if (!assets.delete(user.getUsername(), id, assetId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/tenants/" + id + "#assets";
    }

    private void requireTenant(SocUser user, String id) {
        access.requireVisible(user, id);
        if (tenants.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** One refused CSV line, for the page after the redirect (flash attributes live in the session). */
    public record ImportLine(int line, String reason) implements Serializable {
    }

    /** What an import did: the file, how many assets were imported and every refused line. */
    public record ImportOutcome(String file, int imported, List<ImportLine> errors) implements Serializable {
        public ImportOutcome {
            errors = new ArrayList<>(errors);
        }
    }
}
