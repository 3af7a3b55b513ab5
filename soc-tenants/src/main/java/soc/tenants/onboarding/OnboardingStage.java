package soc.tenants.onboarding;

/** The journey that brings an organisation live, in order. */
public enum OnboardingStage {
    DISCOVER, PLAN, CONNECT, VERIFY, TUNE, LIVE
}
