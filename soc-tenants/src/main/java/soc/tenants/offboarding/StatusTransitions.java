package soc.tenants.offboarding;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import soc.tenants.tenants.TenantStatus;

/**
 * Which tenant status may follow which. A prospect becomes an onboarding tenant (or never signs); onboarding goes
 * live once go-live is approved on the checklist; a live tenant can be suspended (e.g. unpaid, or at its own
 * request) and resumed; any tenant can be offboarded, and an offboarded one can only be re-onboarded — or deleted.
 */
public final class StatusTransitions {
    private static final Map<TenantStatus, Set<TenantStatus>> NEXT = new EnumMap<>(TenantStatus.class);

    static {
        NEXT.put(TenantStatus.PROSPECT, EnumSet.of(TenantStatus.ONBOARDING, TenantStatus.OFFBOARDED));
        NEXT.put(TenantStatus.ONBOARDING, EnumSet.of(TenantStatus.LIVE, TenantStatus.SUSPENDED, TenantStatus.OFFBOARDED));
        NEXT.put(TenantStatus.LIVE, EnumSet.of(TenantStatus.SUSPENDED, TenantStatus.OFFBOARDED));
        NEXT.put(TenantStatus.SUSPENDED, EnumSet.of(TenantStatus.LIVE, TenantStatus.ONBOARDING, TenantStatus.OFFBOARDED));
        NEXT.put(TenantStatus.OFFBOARDED, EnumSet.of(TenantStatus.ONBOARDING));
    }

    private StatusTransitions() {
    }

    public static Set<TenantStatus> from(TenantStatus current) {
        return Set.copyOf(NEXT.getOrDefault(current, EnumSet.noneOf(TenantStatus.class)));
    }

    /**
     * Why the change is refused, or null when it is allowed.
     *
     * @param goLiveApproved whether the checklist's "Go-live approved" item is done
     */
    public static String refusal(TenantStatus current, TenantStatus next, boolean goLiveApproved) {
        if (next == null) {
            return "No status given";
        }
        if (!NEXT.getOrDefault(current, Set.of()).contains(next)) {
            return "A tenant cannot go from " + current + " to " + next;
        }
        if (current == TenantStatus.ONBOARDING && next == TenantStatus.LIVE && !goLiveApproved) {
            return "Going live needs the checklist item \"Go-live approved\" done first";
        }
        return null;
    }
}
