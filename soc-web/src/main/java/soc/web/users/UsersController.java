package soc.web.users;

import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import soc.tenants.tenants.TenantService;
import soc.tenants.users.AppUser;
import soc.tenants.users.Role;
import soc.tenants.users.SecondFactor;
import soc.tenants.users.UserAccounts;
import soc.web.bootstrap.Passwords;
import soc.web.security.SocUser;

/**
 * User administration for platform admins: the provider's staff and every tenant's users. Create (initial
 * password shown once), change role, disable and enable, reset the password (shown once), unlock, reset the
 * second factor. Every change is audited by {@link UserAccounts}.
 */
@Controller
class UsersController {
    private final UserAccounts accounts;
    private final SecondFactor secondFactor;
    private final TenantService tenants;

    UsersController(UserAccounts accounts, SecondFactor secondFactor, TenantService tenants) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.tenants = tenants;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("tenants", tenants.list());
        model.addAttribute("now", java.time.Instant.now());
        return "users";
    }

    @PostMapping("/users")
    String create(@AuthenticationPrincipal SocUser admin, @RequestParam String username,
                  @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
                  @RequestParam Role role, @RequestParam(required = false) String tenantId, RedirectAttributes redirect) {
        String password = Passwords.generate();
        String tenant = role.isTenantScoped() ? blankToNull(tenantId) : null;
        try {
            if (role.isTenantScoped() && (tenant == null || tenants.find(tenant).isEmpty())) {
                throw new IllegalArgumentException("Choose the tenant of a " + role + " user");
            }
            AppUser created = accounts.create(admin.getUsername(), username.trim(),
                    displayName.isBlank() ? username.trim() : displayName.trim(), password, role, tenant);
            if (!email.isBlank()) {
                accounts.setProfile(admin.getUsername(), created.getId(), null, email);
            }
            redirect.addFlashAttribute("shownUser", created.getUsername());
            redirect.addFlashAttribute("shownPassword", password);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("userError", "User not created: " + rootMessage(e));
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{userId}/role")
    String changeRole(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, @RequestParam Role role,
                      RedirectAttributes redirect) {
        return act(redirect, () -> accounts.changeRole(admin.getUsername(), existing(userId).getId(), role));
    }

    @PostMapping("/users/{userId}/enabled")
    String setEnabled(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, @RequestParam boolean enabled,
                      RedirectAttributes redirect) {
        return act(redirect, () -> accounts.setEnabled(admin.getUsername(), existing(userId).getId(), enabled));
    }

    @PostMapping("/users/{userId}/email")
    String setEmail(@AuthenticationPrincipal SocUser admin, @PathVariable long userId,
                    @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        return act(redirect, () -> accounts.setProfile(admin.getUsername(), existing(userId).getId(), null, email));
    }

    /** A new generated password, shown once on the next page; also lifts a lockout. */
    @PostMapping("/users/{userId}/password")
    String resetPassword(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        AppUser user = existing(userId);
        String password = Passwords.generate();
        accounts.resetPassword(admin.getUsername(), user.getId(), password);
        redirect.addFlashAttribute("shownUser", user.getUsername());
        redirect.addFlashAttribute("shownPassword", password);
        return "redirect:/users";
    }

    @PostMapping("/users/{userId}/unlock")
    String unlock(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        return act(redirect, () -> accounts.unlock(admin.getUsername(), existing(userId).getId()));
    }

    /** Lost phone: removes the user's authenticator; they set up a new one (at once if their role requires it). */
    @PostMapping("/users/{userId}/mfa-reset")
    String resetMfa(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        AppUser user = existing(userId);
        secondFactor.reset(admin.getUsername(), user.getUsername());
        redirect.addFlashAttribute("userNotice", user.getUsername());
        return "redirect:/users";
    }

    private AppUser existing(long userId) {
        return accounts.find(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String act(RedirectAttributes redirect, java.util.function.Supplier<AppUser> change) {
        try {
            AppUser user = change.get();
            redirect.addFlashAttribute("userNotice", user.getUsername());
        } catch (IllegalArgumentException | NoSuchElementException e) {
            redirect.addFlashAttribute("userError", e.getMessage());
        }
        return "redirect:/users";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

}
