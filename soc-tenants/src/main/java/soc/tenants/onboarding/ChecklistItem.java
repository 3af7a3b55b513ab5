package soc.tenants.onboarding;

/**
 * The standard checklist every tenant starts with. Items marked automatic are ticked by the platform itself
 * when it sees the thing happen (a token issued, a first event received).
 */
public enum ChecklistItem {
    CONTACTS_CONFIRMED(OnboardingStage.DISCOVER, "Contacts confirmed: security lead and 24/7 escalation"),
    DISCOVERY_DONE(OnboardingStage.DISCOVER, "Discovery questionnaire completed"),
    SOURCES_PLANNED(OnboardingStage.PLAN, "Data sources planned"),
    PLAN_AGREED(OnboardingStage.PLAN, "Onboarding plan agreed with the tenant"),
    TOKEN_ISSUED(OnboardingStage.CONNECT, "Ingest token issued for a data source (automatic)"),
    FIRST_EVENT(OnboardingStage.CONNECT, "First event received from a data source (automatic)"),
    PARSING_VERIFIED(OnboardingStage.VERIFY, "Events parse correctly: no dead letters"),
    DETECTION_VERIFIED(OnboardingStage.VERIFY, "Detection verified with a test alert"),
    TUNED(OnboardingStage.TUNE, "False positives reviewed and tuned"),
    GO_LIVE(OnboardingStage.LIVE, "Go-live approved");

    private final OnboardingStage stage;
    private final String title;

    ChecklistItem(OnboardingStage stage, String title) {
        this.stage = stage;
        this.title = title;
    }

    public OnboardingStage stage() {
        return stage;
    }

    public String title() {
        return title;
    }
}
