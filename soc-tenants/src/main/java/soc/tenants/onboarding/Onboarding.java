package soc.tenants.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import soc.tenants.audit.AuditLog;

/** Onboarding checklists: created with the tenant, ticked by officers or automatically by the platform. */
@Service
public class Onboarding {
    private final OnboardingItemRepository items;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    Onboarding(OnboardingItemRepository items, AuditLog audit) {
        this.items = items;
        this.audit = audit;
    }

    /** Creates the standard checklist for a newly registered tenant (joins the registration's transaction). */
    @Transactional
    public void startFor(String tenantId) {
        for (ChecklistItem item : ChecklistItem.values()) {
            items.save(new OnboardingItem(tenantId, item));
        }
    }

    @Transactional(readOnly = true)
    public OnboardingJourney journey(String tenantId, Instant registeredAt) {
        return OnboardingJourney.of(tenantId, items.findByTenantIdOrderByPositionAsc(tenantId), registeredAt,
                clock.instant());
    }

    /** Journeys of every tenant visible to the caller, by tenant id. */
    @Transactional(readOnly = true)
    public Map<String, List<OnboardingItem>> allItems() {
        return items.findAllByOrderByTenantIdAscPositionAsc().stream()
                .collect(Collectors.groupingBy(OnboardingItem::getTenantId));
    }

    public OnboardingJourney journeyOf(String tenantId, List<OnboardingItem> tenantItems, Instant registeredAt) {
        return OnboardingJourney.of(tenantId, tenantItems, registeredAt, clock.instant());
    }

    /** Ticks or re-opens an item by hand. */
    @Transactional
    public void setDone(String actor, String tenantId, long itemId, boolean done) {
        OnboardingItem item = items.findById(itemId).filter(i -> i.getTenantId().equals(tenantId))
                .orElseThrow(() -> new IllegalArgumentException("No checklist item " + itemId + " for " + tenantId));
        if (done && !item.isDone()) {
            item.markDone(actor, clock.instant());
            audit.record(actor, tenantId, "onboarding.done", item.getTitle());
        } else if (!done && item.isDone()) {
            item.reopen();
            audit.record(actor, tenantId, "onboarding.reopened", item.getTitle());
        }
        items.save(item);
    }

    @Transactional
    public void plan(String actor, String tenantId, long itemId, String owner, LocalDate dueOn) {
        OnboardingItem item = items.findById(itemId).filter(i -> i.getTenantId().equals(tenantId))
                .orElseThrow(() -> new IllegalArgumentException("No checklist item " + itemId + " for " + tenantId));
        item.plan(owner, dueOn);
        items.save(item);
        audit.record(actor, tenantId, "onboarding.planned", item.getTitle() + " owner " + owner + " due " + dueOn);
    }

    /** Ticks an item the platform observed happening; idempotent. Joins the caller's transaction. */
    @Transactional
    public void observed(String tenantId, ChecklistItem checklistItem, String by) {
        items.findByTenantIdAndCode(tenantId, checklistItem.name()).filter(item -> !item.isDone()).ifPresent(item -> {
            item.markDone(by, clock.instant());
            items.save(item);
            audit.record(by, tenantId, "onboarding.done", item.getTitle());
        });
    }
}
