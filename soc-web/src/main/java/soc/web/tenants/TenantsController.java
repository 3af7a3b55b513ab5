package soc.web.tenants;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.onboarding.Onboarding;
import soc.tenants.onboarding.OnboardingItem;
import soc.tenants.onboarding.OnboardingStage;
import soc.tenants.sources.Criticality;
import soc.tenants.sources.IngestMethod;
import soc.tenants.sources.IngestTokens;
import soc.tenants.sources.IssuedToken;
import soc.tenants.sources.Source;
import soc.tenants.sources.SourceService;
import soc.tenants.sources.SourceType;
import soc.tenants.tenants.ServiceModel;
import soc.tenants.tenants.SlaTier;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantKind;
import soc.tenants.tenants.TenantService;
import soc.tenants.users.Role;
import soc.tenants.users.UserAccounts;
import soc.web.assets.AssetsSection;
import soc.web.bootstrap.Passwords;
import soc.web.retention.RetentionSection;
import soc.web.security.SocUser;

/**
 * Onboarding: the officer's dashboard of every tenant, registration, the data source inventory with ingest
 * tokens (shown once), the checklist and the tenant's first users. Tenant users see their own tenant's page,
 * read-only.
 */
@Controller
class TenantsController {
    private final TenantService tenants;
    private final SourceService sources;
    private final IngestTokens tokens;
    private final Onboarding onboarding;
    private final UserAccounts accounts;
    private final TenantAccess access;
    private final AssetsSection assetsSection;
    private final RetentionSection retentionSection;

    TenantsController(TenantService tenants, SourceService sources, IngestTokens tokens, Onboarding onboarding,
                      UserAccounts accounts, TenantAccess access, AssetsSection assetsSection,
                      RetentionSection retentionSection) {
        this.tenants = tenants;
        this.sources = sources;
        this.tokens = tokens;
        this.onboarding = onboarding;
        this.accounts = accounts;
        this.access = access;
        this.assetsSection = assetsSection;
        this.retentionSection = retentionSection;
    }

    @GetMapping("/tenants")
    String dashboard(Model model) {
        Instant now = Instant.now();
        Map<String, List<OnboardingItem>> items = onboarding.allItems();
        List<TenantOverview> rows = new ArrayList<>();
        for (Tenant tenant : tenants.list()) {
            rows.add(TenantOverview.of(tenant, onboarding.journeyOf(tenant.getId(),
                    items.getOrDefault(tenant.getId(), List.of()), tenant.getCreatedAt()),
                    sources.forTenant(tenant.getId()), now));
        }
        model.addAttribute("rows", rows);
        return "tenants";
    }

    @GetMapping("/my-organisation")
    String myOrganisation(@AuthenticationPrincipal SocUser user) {
        if (!user.getRole().isTenantScoped()) {
            return "redirect:/tenants";
        }
        return "redirect:/tenants/" + user.getTenantId();
    }

    @GetMapping("/tenants/new")
    String newTenant(Model model) {
        model.addAttribute("tenantForm", new TenantForm());
        addTenantChoices(model);
        return "tenant-new";
    }

    @PostMapping("/tenants")
    String register(@AuthenticationPrincipal SocUser user, @Valid @ModelAttribute TenantForm tenantForm,
                    BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                Tenant tenant = tenants.register(user.getUsername(), tenantForm.toProfile());
                return "redirect:/tenants/" + tenant.getId();
            } catch (IllegalArgumentException e) {
                errors.reject("tenant.invalid", e.getMessage());
            }
        }
        addTenantChoices(model);
        return "tenant-new";
    }

    @GetMapping("/tenants/{id}")
    String tenant(@AuthenticationPrincipal SocUser user, @PathVariable String id, Model model) {
        access.requireVisible(user, id);
        Tenant tenant = tenants.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = Instant.now();
        List<Source> tenantSources = sources.forTenant(id);
        model.addAttribute("tenant", tenant);
        model.addAttribute("journey", onboarding.journey(id, tenant.getCreatedAt()));
        model.addAttribute("stages", OnboardingStage.values());
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        model.addAttribute("nextStatuses", soc.tenants.offboarding.StatusTransitions.from(tenant.getStatus()).stream()
                .sorted().toList());
        model.addAttribute("sources", tenantSources);
        model.addAttribute("tokens", tenantSources.stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.getId(), s -> tokens.ofSource(s.getId()))));
        model.addAttribute("now", now);
        if (!model.containsAttribute("sourceForm")) {
            model.addAttribute("sourceForm", new SourceForm());
        }
        model.addAttribute("sourceTypes", SourceType.values());
        model.addAttribute("ingestMethods", IngestMethod.values());
        model.addAttribute("criticalities", Criticality.values());
        model.addAttribute("tenantRoles", new Role[] {Role.TENANT_ADMIN, Role.TENANT_ANALYST});
        assetsSection.addTo(model, id);
        retentionSection.addTo(model, id);
        return "tenant";
    }

    @PostMapping("/tenants/{id}/sources")
    String addSource(@AuthenticationPrincipal SocUser user, @PathVariable String id,
                     @Valid @ModelAttribute SourceForm sourceForm, BindingResult errors, RedirectAttributes redirect) {
        requireTenant(id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("sourceError", errors.getAllErrors().get(0).getDefaultMessage());
        } else {
            try {
                sources.register(user.getUsername(), id, sourceForm.toSpec());
            } catch (RuntimeException e) {
                redirect.addFlashAttribute("sourceError", "Source not added: " + rootMessage(e));
            }
        }
        return "redirect:/tenants/" + id + "#sources";
    }

    /** Issues a new token for the source, revoking earlier ones; the token is shown on the next page only. */
    @PostMapping("/tenants/{id}/sources/{sourceId}/tokens")
    String issueToken(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable UUID sourceId,
                      RedirectAttributes redirect) {
        requireTenant(id);
        Source source = sources.get(sourceId);
        if (!source.getTenantId().equals(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        IssuedToken issued = tokens.rotate(user.getUsername(), sourceId);
        redirect.addFlashAttribute("issuedToken", issued.token());
        redirect.addFlashAttribute("issuedFor", source.getName());
        return "redirect:/tenants/" + id + "#sources";
    }

    @PostMapping("/tenants/{id}/checklist/{itemId}")
    String setItemDone(@AuthenticationPrincipal SocUser user, @PathVariable String id, @PathVariable long itemId,
                       @RequestParam boolean done) {
        requireTenant(id);
        onboarding.setDone(user.getUsername(), id, itemId, done);
        return "redirect:/tenants/" + id + "#checklist";
    }

    /** Creates a tenant user with a generated password, shown once to the officer to pass on securely. */
    @PostMapping("/tenants/{id}/users")
    String addUser(@AuthenticationPrincipal SocUser user, @PathVariable String id, @RequestParam String username,
                   @RequestParam String displayName, @RequestParam Role role, RedirectAttributes redirect) {
        requireTenant(id);
        if (!role.isTenantScoped()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Only tenant roles can be given here");
        }
        String password = Passwords.generate();
        try {
            accounts.create(user.getUsername(), username.trim(), displayName.isBlank() ? username : displayName,
                    password, role, id);
            redirect.addFlashAttribute("createdUser", username.trim());
            redirect.addFlashAttribute("createdPassword", password);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("userError", "User not created: " + rootMessage(e));
        }
        return "redirect:/tenants/" + id + "#users";
    }

    private void requireTenant(String id) {
        if (tenants.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static void addTenantChoices(Model model) {
        model.addAttribute("kinds", TenantKind.values());
        model.addAttribute("serviceModels", ServiceModel.values());
        model.addAttribute("slaTiers", SlaTier.values());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
