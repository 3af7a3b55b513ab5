package soc.tenants.onboarding;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One checklist item of one tenant's onboarding. */
@Entity
@Table(name = "onboarding_item")
public class OnboardingItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "item_id")
    private Long id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Enumerated(EnumType.STRING)
    private OnboardingStage stage;
    private int position;
    private String code;
    private String title;
    private String owner;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Column(name = "done_at")
    private Instant doneAt;
    @Column(name = "done_by")
    private String doneBy;

    protected OnboardingItem() {
    }

    OnboardingItem(String tenantId, ChecklistItem item) {
        this.tenantId = tenantId;
        this.stage = item.stage();
        this.position = item.ordinal();
        this.code = item.name();
        this.title = item.title();
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public OnboardingStage getStage() {
        return stage;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public boolean isDone() {
        return doneAt != null;
    }

    /** Open and past its due date. */
    public boolean isOverdue(LocalDate today) {
        return !isDone() && dueOn != null && dueOn.isBefore(today);
    }

    void markDone(String actor, Instant at) {
        doneAt = at;
        doneBy = actor;
    }

    void reopen() {
        doneAt = null;
        doneBy = null;
    }

    void plan(String owner, LocalDate dueOn) {
        this.owner = owner;
        this.dueOn = dueOn;
    }
}
