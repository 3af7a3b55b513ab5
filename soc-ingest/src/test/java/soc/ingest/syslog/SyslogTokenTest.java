package soc.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyslogTokenTest {
    private static final String TOKEN = "soc_ing_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    @Test
    void theTokenIsFoundInTheStructuredDataAndRedacted() {
        String line = "<13>1 2026-11-23T10:00:00Z plc01 app - - [origin ip=\"10.0.0.1\"][soc@32473 site=\"a\\\"]\" token=\""
                + TOKEN + "\"] message token=\"soc_ing_fake\"";
        SyslogToken token = SyslogToken.find(line);
        assertThat(token).isNotNull();
        assertThat(token.value()).isEqualTo(TOKEN);
        String redacted = token.redact(line);
        assertThat(redacted).doesNotContain(TOKEN).contains("token=\"soc_ing_AbCdEf...\"")
                .endsWith("] message token=\"soc_ing_fake\"");
    }

    @Test
    void aTokenOutsideTheStructuredDataOrInAnotherElementIsIgnored() {
        assertThat(SyslogToken.find("<13>1 2026-11-23T10:00:00Z h app - - token=\"" + TOKEN + "\"")).isNull();
        assertThat(SyslogToken.find("<13>1 2026-11-23T10:00:00Z h app - - [other@1 token=\"" + TOKEN + "\"] x")).isNull();
        assertThat(SyslogToken.find("<13>Nov 23 10:00:00 h app: [soc@32473 token=\"" + TOKEN + "\"]")).isNull();
        assertThat(SyslogToken.find("<13>1 2026-11-23T10:00:00Z h app - - [soc@32473 token=\"unterminated")).isNull();
        assertThat(SyslogToken.find("")).isNull();
        assertThat(SyslogToken.find("<")).isNull();
        assertThat(SyslogToken.find("<13>1 a b c d e [soc@32473")).isNull();
    }
}
