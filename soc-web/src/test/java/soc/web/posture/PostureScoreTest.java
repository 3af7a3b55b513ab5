package soc.web.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PostureScoreTest {

    @Test
    void weighsEveryMeasuredComponent() {
        // coverage: 2 of 4 sources (50) and 3 of 4 assets (75) -> 0.6*50 + 0.4*75 = 60
        PostureScore score = PostureScore.of(new PostureScore.Inputs(4, 2, 4, 3, 80, 1, 6, 12, 40));

        assertThat(score.scoreOf(PostureScore.Part.COVERAGE)).isEqualTo(60);
        assertThat(score.scoreOf(PostureScore.Part.RESPONSE)).isEqualTo(80);
        assertThat(score.scoreOf(PostureScore.Part.EXPOSURE)).isEqualTo(75);
        assertThat(score.scoreOf(PostureScore.Part.ONBOARDING)).isEqualTo(50);
        assertThat(score.scoreOf(PostureScore.Part.MATURITY)).isEqualTo(40);
        // (60*30 + 80*20 + 75*15 + 50*15 + 40*20) / 100 = 60.75
        assertThat(score.total()).isEqualTo(61);
    }

    @Test
    void leavesOutWhatCannotBeMeasuredYetInsteadOfCountingItAsZero() {
        PostureScore score = PostureScore.of(new PostureScore.Inputs(2, 2, 0, 0, null, 0, 12, 12, null));

        assertThat(score.scoreOf(PostureScore.Part.RESPONSE)).isNull();
        assertThat(score.scoreOf(PostureScore.Part.MATURITY)).isNull();
        // coverage 100 (30), exposure 100 (15), onboarding 100 (15): all perfect
        assertThat(score.total()).isEqualTo(100);
    }

    @Test
    void manyOpenHighCasesBottomOutExposureAtZero() {
        PostureScore score = PostureScore.of(new PostureScore.Inputs(1, 0, 0, 0, 0, 9, 0, 12, 0));

        assertThat(score.scoreOf(PostureScore.Part.EXPOSURE)).isZero();
        assertThat(score.total()).isZero();
    }

    @Test
    void maturityIsTheMeanOfFunctionAveragesOverTheMaximumLevel() {
        // Identify: (4 + 2) / 2 = 3; Detect: 1 -> mean 2 of 4 = 50 %
        Map<String, Integer> answers = Map.of("ID.AM-01", 4, "ID.RA-01", 2, "DE.CM-01", 1);

        assertThat(MaturityModel.byFunction(answers)).containsEntry(MaturityModel.Function.IDENTIFY, 3.0)
                .containsEntry(MaturityModel.Function.DETECT, 1.0).doesNotContainKey(MaturityModel.Function.RECOVER);
        assertThat(MaturityModel.percent(answers)).isEqualTo(50);
        assertThat(MaturityModel.percent(Map.of())).isNull();
    }

    @Test
    void everyQuestionIsCrossReferencedToIsoAndCaf() {
        assertThat(MaturityModel.QUESTIONS).allSatisfy(question -> {
            assertThat(question.id()).startsWith(question.function().prefix() + ".");
            assertThat(question.iso27001()).matches("A\\.[5-8]\\.\\d+");
            assertThat(question.caf()).matches("[A-D]\\d\\.[a-f]");
        });
        assertThat(MaturityModel.QUESTIONS).extracting(MaturityModel.Question::function)
                .contains(MaturityModel.Function.values());
    }

    @Test
    void techniquesAreGroupedByTacticWithSubTechniquesUnderTheirParent() {
        var groups = AttackTactics.group(Map.of("T1110.003", 4L, "T1003", 2L, "T0855", 1L, "T9999", 1L));

        assertThat(groups).extracting(PostureView.TacticCell::name)
                .containsExactly("Credential Access", "ICS: Impair Process Control", "Other");
        assertThat(groups.get(0).techniques()).extracting(PostureView.TechniqueCell::id).containsExactly("T1003", "T1110.003");
    }
}
