package soc.web.posture;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Posture dashboards and monthly reports.
 *
 * @param dashboardWindow how far back the dashboard's charts look
 * @param scoreWindow     how far back the score's response figures and asset telemetry look
 * @param peerCache       how long peer medians are kept before being computed again
 * @param report          the monthly report
 */
@ConfigurationProperties("soc.posture")
public record PostureProperties(@DefaultValue("P90D") Duration dashboardWindow,
                                @DefaultValue("P30D") Duration scoreWindow,
                                @DefaultValue("PT10M") Duration peerCache,
                                @DefaultValue Report report) {

    /**
     * @param enabled generate and send the monthly reports on schedule
     * @param cron    when (Spring cron, server time zone): by default 06:00 on the 1st of each month, for the
     *                month just ended
     * @param from    sender address of the report e-mails
     */
    public record Report(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 6 1 * *") String cron,
                         @DefaultValue("soc-reports@localhost") String from) {
    }
}
