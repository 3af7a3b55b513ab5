package soc.web.api;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import soc.tenants.audit.AuditLog;
import soc.tenants.users.AppUser;
import soc.tenants.users.UserAccounts;
import soc.web.api.ApiDtos.AuditDto;
import soc.web.api.ApiDtos.CreatedUser;
import soc.web.api.ApiDtos.EnabledChange;
import soc.web.api.ApiDtos.Me;
import soc.web.api.ApiDtos.NewUser;
import soc.web.api.ApiDtos.RoleChange;
import soc.web.api.ApiDtos.UserDto;
import soc.web.bootstrap.Passwords;
import soc.web.security.SocUser;

/** Accounts (platform admins), the caller themself, and the audit log (as on the Audit log page). */
@RestController
@Tag(name = "Users and audit", description = "User administration (platform admins), the caller, the audit log")
class UsersApiController {
    private final UserAccounts accounts;
    private final AuditLog audit;

    UsersApiController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the caller is", description = "The user a session or API token acts as.")
    Me me(@AuthenticationPrincipal SocUser user) {
        return new Me(user.getUsername(), user.getDisplayName(), user.getRole(), user.getTenantId());
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "Every account", description = "Platform admins only.")
    List<UserDto> users() {
        Instant now = Instant.now();
        return accounts.list().stream().map(user -> UserDto.of(user, now)).toList();
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account", description = "Platform admins only. The generated initial password is in this answer only.")
    CreatedUser create(@AuthenticationPrincipal SocUser admin, @RequestBody NewUser body) {
        String password = Passwords.generate();
        AppUser user = accounts.create(admin.getUsername(), body.username(),
                body.displayName() == null || body.displayName().isBlank() ? body.username() : body.displayName(),
                password, body.role(), body.role() != null && body.role().isTenantScoped() ? body.tenantId() : null);
        if (body.email() != null && !body.email().isBlank()) {
            user = accounts.setProfile(admin.getUsername(), user.getId(), null, body.email());
        }
        return new CreatedUser(UserDto.of(user, Instant.now()), password);
    }

    @PostMapping("/api/v1/users/{userId}/role")
    @Operation(summary = "Change an account's role", description = "Within its side: provider roles for staff, tenant roles for tenant users.")
    UserDto changeRole(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, @RequestBody RoleChange body) {
        return UserDto.of(accounts.changeRole(admin.getUsername(), existing(userId), body.role()), Instant.now());
    }

    @PostMapping("/api/v1/users/{userId}/enabled")
    @Operation(summary = "Disable or enable an account", description = "A disabled account can neither sign in nor use its API tokens.")
    UserDto setEnabled(@AuthenticationPrincipal SocUser admin, @PathVariable long userId, @RequestBody EnabledChange body) {
        return UserDto.of(accounts.setEnabled(admin.getUsername(), existing(userId), body.enabled()), Instant.now());
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The latest 100 audit entries the caller may see", description = "Platform admins and SOC leads: all; a tenant admin: their own tenant's.")
    List<AuditDto> audit() {
        return audit.latest().stream().map(AuditDto::of).toList();
    }

    private long existing(long userId) {
        return accounts.find(userId).orElseThrow(() -> new NoSuchElementException("Unknown user")).getId();
    }
}
