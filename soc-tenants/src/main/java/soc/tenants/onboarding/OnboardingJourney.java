package soc.tenants.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Where a tenant stands: the current stage is the first with an open item (LIVE once all are done); the time in
 * stage counts from when the previous stage was finished, or from registration.
 */
public record OnboardingJourney(String tenantId, OnboardingStage stage, boolean complete, long daysInStage,
                                List<OnboardingItem> items, List<OnboardingItem> blockers) {

    static OnboardingJourney of(String tenantId, List<OnboardingItem> items, Instant registeredAt, Instant now) {
        OnboardingStage stage = items.stream().filter(item -> !item.isDone()).map(OnboardingItem::getStage)
                .min(Comparator.naturalOrder()).orElse(OnboardingStage.LIVE);
        boolean complete = items.stream().allMatch(OnboardingItem::isDone);
        Instant stageStarted = items.stream()
                .filter(item -> item.isDone() && item.getStage().compareTo(stage) < 0)
                .map(OnboardingItem::getDoneAt).max(Comparator.naturalOrder())
                .orElse(registeredAt == null ? now : registeredAt);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<OnboardingItem> blockers = items.stream().filter(item -> item.isOverdue(today)).toList();
        long days = Math.max(0, Duration.between(stageStarted, now).toDays());
        return new OnboardingJourney(tenantId, stage, complete, days, items, blockers);
    }

    public List<OnboardingItem> itemsOf(OnboardingStage of) {
        return items.stream().filter(item -> item.getStage() == of).toList();
    }

    public long doneCount() {
        return items.stream().filter(OnboardingItem::isDone).count();
    }
}
