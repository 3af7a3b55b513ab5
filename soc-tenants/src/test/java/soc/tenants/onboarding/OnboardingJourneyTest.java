package soc.tenants.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class OnboardingJourneyTest {
    private static final Instant REGISTERED = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static List<OnboardingItem> checklist() {
        return Arrays.stream(ChecklistItem.values()).map(item -> new OnboardingItem("t1", item)).toList();
    }

    private static OnboardingItem item(List<OnboardingItem> items, ChecklistItem code) {
        return items.stream().filter(i -> i.getCode().equals(code.name())).findFirst().orElseThrow();
    }

    @Test
    void aNewTenantIsInDiscoverSinceRegistration() {
        OnboardingJourney journey = OnboardingJourney.of("t1", checklist(), REGISTERED, NOW);
        assertThat(journey.stage()).isEqualTo(OnboardingStage.DISCOVER);
        assertThat(journey.daysInStage()).isEqualTo(22);
        assertThat(journey.complete()).isFalse();
        assertThat(journey.itemsOf(OnboardingStage.CONNECT)).extracting(OnboardingItem::getCode)
                .containsExactly("TOKEN_ISSUED", "FIRST_EVENT");
    }

    @Test
    void theStageIsTheFirstWithAnOpenItemAndCountsFromWhenThePreviousStageWasFinished() {
        List<OnboardingItem> items = checklist();
        item(items, ChecklistItem.CONTACTS_CONFIRMED).markDone("o", Instant.parse("2026-11-05T09:00:00Z"));
        item(items, ChecklistItem.DISCOVERY_DONE).markDone("o", Instant.parse("2026-11-20T09:00:00Z"));
        // done ahead of its stage: does not move the tenant on by itself
        item(items, ChecklistItem.TOKEN_ISSUED).markDone("o", Instant.parse("2026-11-21T09:00:00Z"));

        OnboardingJourney journey = OnboardingJourney.of("t1", items, REGISTERED, NOW);

        assertThat(journey.stage()).isEqualTo(OnboardingStage.PLAN);
        assertThat(journey.daysInStage()).isEqualTo(3);
        assertThat(journey.doneCount()).isEqualTo(3);
    }

    @Test
    void overdueOpenItemsAreBlockersAndAllDoneMeansLive() {
        List<OnboardingItem> items = checklist();
        item(items, ChecklistItem.PLAN_AGREED).plan("officer", LocalDate.parse("2026-11-20"));
        item(items, ChecklistItem.SOURCES_PLANNED).plan("officer", LocalDate.parse("2026-12-20"));
        assertThat(OnboardingJourney.of("t1", items, REGISTERED, NOW).blockers()).extracting(OnboardingItem::getCode)
                .containsExactly("PLAN_AGREED");

        items.forEach(i -> i.markDone("o", NOW));
        OnboardingJourney done = OnboardingJourney.of("t1", items, REGISTERED, NOW);
        assertThat(done.stage()).isEqualTo(OnboardingStage.LIVE);
        assertThat(done.complete()).isTrue();
        assertThat(done.blockers()).isEmpty();
    }
}
