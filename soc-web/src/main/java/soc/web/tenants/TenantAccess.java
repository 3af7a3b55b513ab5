package soc.web.tenants;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import soc.web.security.SocUser;

/**
 * The service-side tenant check: a tenant user may only ever name their own tenant. Another tenant's id
 * answers 404, not 403, so that ids of other organisations cannot even be confirmed to exist. Row-level
 * security enforces the same again underneath.
 */
@Component
public class TenantAccess {

    public void requireVisible(SocUser user, String tenantId) {
        if (user.getRole().isTenantScoped() && !user.getTenantId().equals(tenantId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
