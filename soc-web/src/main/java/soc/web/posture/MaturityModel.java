package soc.web.posture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The maturity self-assessment: questions aligned to the NIST Cybersecurity Framework 2.0 functions, each
 * cross-referenced to ISO/IEC 27001:2022 Annex A controls and NCSC Cyber Assessment Framework (CAF 3.2) contributing
 * outcomes. Answers are 0 (not in place) to 4 (managed and measured). Question texts live in messages.properties
 * under {@code maturity.q.<id>}. Framework-free so the scoring is unit-tested directly.
 */
public final class MaturityModel {
    public static final int MAX_LEVEL = 4;

    /** NIST CSF 2.0 functions; Govern is new in 2.0 and scored like the others. */
    public enum Function {
        GOVERN("GV"), IDENTIFY("ID"), PROTECT("PR"), DETECT("DE"), RESPOND("RS"), RECOVER("RC");

        private final String prefix;

        Function(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** @param id the CSF 2.0 subcategory this question asks about */
    public record Question(String id, Function function, String iso27001, String caf) {
    }

    public static final List<Question> QUESTIONS = List.of(
            new Question("GV.RM-01", Function.GOVERN, "A.5.1", "A2.a"),
            new Question("GV.RR-02", Function.GOVERN, "A.5.2", "A1.b"),
            new Question("ID.AM-01", Function.IDENTIFY, "A.5.9", "A3.a"),
            new Question("ID.RA-01", Function.IDENTIFY, "A.8.8", "B4.d"),
            new Question("PR.AA-03", Function.PROTECT, "A.8.5", "B2.a"),
            new Question("PR.AT-01", Function.PROTECT, "A.6.3", "B6.b"),
            new Question("PR.DS-11", Function.PROTECT, "A.8.13", "B5.c"),
            new Question("DE.CM-01", Function.DETECT, "A.8.16", "C1.a"),
            new Question("DE.AE-02", Function.DETECT, "A.5.25", "C1.d"),
            new Question("RS.MA-01", Function.RESPOND, "A.5.26", "D1.a"),
            new Question("RS.CO-02", Function.RESPOND, "A.6.8", "D1.b"),
            new Question("RC.RP-01", Function.RECOVER, "A.5.30", "D1.b"),
            new Question("RC.RP-03", Function.RECOVER, "A.8.13", "B5.c"));

    private MaturityModel() {
    }

    public static boolean isQuestion(String id) {
        return QUESTIONS.stream().anyMatch(q -> q.id().equals(id));
    }

    /**
     * Average level per function (0-4) over the answered questions of that function; functions without an answer
     * are absent.
     */
    public static Map<Function, Double> byFunction(Map<String, Integer> answers) {
        Map<Function, Double> result = new EnumMap<>(Function.class);
        for (Function function : Function.values()) {
            List<Integer> levels = new ArrayList<>();
            for (Question question : QUESTIONS) {
                Integer level = answers.get(question.id());
                if (question.function() == function && level != null) {
                    levels.add(Math.max(0, Math.min(MAX_LEVEL, level)));
                }
            }
            if (!levels.isEmpty()) {
                result.put(function, levels.stream().mapToInt(Integer::intValue).average().orElse(0));
            }
        }
        return result;
    }

    /** The overall result as a percentage: the mean of the function averages over the maximum level; null if nothing was answered. */
    public static Integer percent(Map<String, Integer> answers) {
        Map<Function, Double> functions = byFunction(answers);
        if (functions.isEmpty()) {
            return null;
        }
        double mean = functions.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return (int) Math.round(100 * mean / MAX_LEVEL);
    }
}
