package soc.web.cases;

import soc.cases.cases.CaseActor;
import soc.web.security.SocUser;

/** The signed-in user as an actor on cases: provider staff, or a user of one tenant. */
public final class CaseActors {
    private CaseActors() {
    }

    public static CaseActor of(SocUser user) {
        return user.getRole().isTenantScoped()
                ? CaseActor.tenant(user.getUsername(), user.getTenantId())
                : CaseActor.provider(user.getUsername());
    }
}
