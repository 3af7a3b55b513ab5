package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import soc.events.EventJson;

/** Sigma rules to OpenSearch queries: the JSON each construct becomes, on the keyword fields of the event indices. */
class SigmaQueryTranslatorTest {
    private final SigmaQueryTranslator translator = new SigmaQueryTranslator();

    private static SigmaRule rule(String logsource, String detection) {
        String yaml = "title: t\nid: 11111111-2222-3333-4444-555555555555\nlogsource: " + logsource
                + "\ndetection:\n" + detection;
        return (SigmaRule) new SigmaParser().parse(yaml, "test").get(0);
    }

    private String json(SigmaRule rule) {
        return EventJson.write(translator.translate(rule));
    }

    @Test
    void stringModifiersBecomeCaseInsensitiveKeywordQueriesOnTheMappedFields() {
        String q = json(rule("{product: windows, category: process_creation}", """
                  selection:
                    Image|endswith: '\\\\rundll32.exe'
                    CommandLine|contains|all: [comsvcs, MiniDump]
                    ParentImage|startswith: 'C:\\\\Windows\\\\'
                    User: SYSTEM
                  condition: selection
                """));
        // Sigma field names mapped onto the schema (docs/sigma.md), values case-insensitive as Sigma wants
        assertThat(q).contains("{\"wildcard\":{\"process.executable\":{\"value\":\"*\\\\\\\\rundll32.exe\",\"case_insensitive\":true}}}");
        assertThat(q).contains("{\"wildcard\":{\"process.command_line\":{\"value\":\"*comsvcs*\",\"case_insensitive\":true}}}");
        assertThat(q).contains("{\"wildcard\":{\"process.command_line\":{\"value\":\"*MiniDump*\",\"case_insensitive\":true}}}");
        assertThat(q).contains("\"process.parent.executable\":{\"value\":\"C:\\\\\\\\Windows\\\\\\\\*\"");
        assertThat(q).contains("{\"term\":{\"user.name\":{\"value\":\"SYSTEM\",\"case_insensitive\":true}}}");
        // logsource routing: Sysmon event 1 or Security 4688 (numbers stay numbers: no case folding on long fields)
        assertThat(q).contains("{\"term\":{\"winlog.channel\":{\"value\":\"Microsoft-Windows-Sysmon/Operational\",\"case_insensitive\":true}}}");
        assertThat(q).contains("{\"term\":{\"winlog.event_id\":{\"value\":4688}}}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void conditionsBecomeBooleanQueries() {
        Map<String, Object> q = translator.translate(rule("{product: syslog}", """
                  sel_a:
                    message|contains: alpha
                  sel_b:
                    message|contains: beta
                  filter:
                    host.name: trusted
                  condition: 1 of sel_* and not filter
                """));
        Map<String, Object> top = (Map<String, Object>) q.get("bool");
        List<Object> filter = (List<Object>) top.get("filter");
        Map<String, Object> detection = (Map<String, Object>) ((Map<String, Object>) filter.get(0)).get("bool");
        List<Object> and = (List<Object>) detection.get("filter");
        // message is analysed text: a phrase query, whatever the string modifier
        assertThat(EventJson.write(and.get(0))).contains("\"should\"")
                .contains("{\"match_phrase\":{\"message\":\"alpha\"}}")
                .contains("{\"match_phrase\":{\"message\":\"beta\"}}").contains("\"minimum_should_match\":1");
        assertThat(EventJson.write(and.get(1))).startsWith("{\"bool\":{\"must_not\"").contains("trusted");
        // the logsource of product syslog: event.module, event.dataset or a dataset starting with syslog.
        assertThat(EventJson.write(filter.get(1))).contains("event.dataset").contains("syslog.*");
    }

    @Test
    void otherModifiers() {
        String q = json(rule("{category: network}", """
                  selection:
                    destination.ip|cidr: 10.20.0.0/16
                    destination.port|gte: 1024
                    url.original|re: '^https?://[a-z]+\\.example$'
                    user.name|exists: false
                    process.command_line|base64: 'IEX'
                    process.command_line|windash|contains: ' -enc '
                    file.name|cased: Report.DOCM
                  condition: selection
                """));
        assertThat(q).contains("{\"term\":{\"destination.ip\":{\"value\":\"10.20.0.0/16\"}}}");
        assertThat(q).contains("{\"range\":{\"destination.port\":{\"gte\":1024}}}");
        assertThat(q).contains("{\"regexp\":{\"url.original\":{\"value\":\"https?://[a-z]+\\\\.example\"}}}");
        assertThat(q).contains("{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"user.name\"}}]}}");
        assertThat(q).contains("{\"term\":{\"process.command_line\":{\"value\":\"SUVY\"}}}");
        assertThat(q).contains("\"* -enc *\"").contains("\"* /enc *\"");
        assertThat(q).contains("{\"term\":{\"file.name\":{\"value\":\"Report.DOCM\"}}}");
    }

    @Test
    void keywordsSearchTheMessageAndTheCommandLine() {
        String q = json(rule("{product: syslog}", """
                  keywords:
                    - 'sekurlsa::logonpasswords'
                  condition: keywords
                """));
        assertThat(q).contains("{\"match_phrase\":{\"message\":\"sekurlsa::logonpasswords\"}}");
        assertThat(q).contains("\"process.command_line\":{\"value\":\"*sekurlsa::logonpasswords*\"");
    }

    @Test
    void constructsWithoutAnOpenSearchEquivalentAreRefusedWithTheReason() {
        assertThatThrownBy(() -> translator.translate(rule("{product: windows}", """
                  selection:
                    TargetFilename|fieldref: Image
                  condition: selection
                """))).isInstanceOf(SigmaQueryTranslator.UnsupportedRuleException.class)
                .hasMessageContaining("fieldref");
        assertThatThrownBy(() -> translator.translate(rule("{product: windows}", """
                  selection:
                    CommandLine|wide|base64offset|contains: ping
                  condition: selection
                """))).hasMessageContaining("wide");
        assertThatThrownBy(() -> translator.translate(rule("{product: windows}", """
                  selection:
                    SourceIp|expand: '%ot-networks%'
                  condition: selection
                """))).hasMessageContaining("expand");
    }
}
