package soc.cases.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped playbooks and the case type guess. */
class PlaybookCatalogTest {
    @Test
    void everyCaseTypeHasAnOrderedPlaybook() {
        PlaybookCatalog catalog = PlaybookCatalog.load();
        for (CaseType type : CaseType.values()) {
            assertThat(catalog.playbook(type).steps()).as(type.name()).isNotEmpty();
        }
        assertThat(catalog.playbook(CaseType.RANSOMWARE).steps().get(1).title()).startsWith("Isolate affected hosts");
    }

    @Test
    void aPlaybookWithoutTasksIsRefused() {
        assertThatThrownBy(() -> PlaybookCatalog.parse("{\"RANSOMWARE\": {\"title\": \"x\", \"tasks\": []}}"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void guessesTheTypeFromTechniques() {
        assertThat(CaseType.guess(List.of("T1059", "T1486"))).isEqualTo(CaseType.RANSOMWARE);
        assertThat(CaseType.guess(List.of("T0855"))).isEqualTo(CaseType.OT_PROCESS_DISRUPTION);
        assertThat(CaseType.guess(List.of("T1566.001"))).isEqualTo(CaseType.PHISHING);
        assertThat(CaseType.guess(List.of("T1003"))).isEqualTo(CaseType.ACCOUNT_COMPROMISE);
        assertThat(CaseType.guess(List.of("T1498"))).isEqualTo(CaseType.DDOS);
        assertThat(CaseType.guess(List.of())).isEqualTo(CaseType.OTHER);
    }
}
