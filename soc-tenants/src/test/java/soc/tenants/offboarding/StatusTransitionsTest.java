package soc.tenants.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import soc.tenants.tenants.TenantStatus;

class StatusTransitionsTest {

    @Test
    void goingLiveNeedsGoLiveApproved() {
        assertThat(StatusTransitions.refusal(TenantStatus.ONBOARDING, TenantStatus.LIVE, false)).contains("Go-live approved");
        assertThat(StatusTransitions.refusal(TenantStatus.ONBOARDING, TenantStatus.LIVE, true)).isNull();
    }

    @Test
    void suspendedTenantsResumeAndOffboardedOnesCanOnlyBeReonboarded() {
        assertThat(StatusTransitions.refusal(TenantStatus.LIVE, TenantStatus.SUSPENDED, false)).isNull();
        assertThat(StatusTransitions.refusal(TenantStatus.SUSPENDED, TenantStatus.LIVE, false)).isNull();
        assertThat(StatusTransitions.from(TenantStatus.OFFBOARDED)).containsExactly(TenantStatus.ONBOARDING);
        assertThat(StatusTransitions.refusal(TenantStatus.OFFBOARDED, TenantStatus.LIVE, true)).contains("cannot go");
        assertThat(StatusTransitions.refusal(TenantStatus.PROSPECT, TenantStatus.LIVE, true)).contains("cannot go");
        assertThat(StatusTransitions.refusal(TenantStatus.LIVE, TenantStatus.LIVE, true)).contains("cannot go");
    }
}
