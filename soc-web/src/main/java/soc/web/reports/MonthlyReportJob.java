package soc.web.reports;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import soc.tenants.scope.TenantScope;
import soc.tenants.tenants.Tenant;
import soc.tenants.tenants.TenantStatus;
import soc.web.posture.PostureProperties;
import soc.web.posture.PostureService;

/**
 * Sends every onboarding or live tenant its report for the month just ended, on the schedule
 * {@code soc.posture.report.cron} (default 06:00 on the 1st). The cron comes from the typed properties, so its
 * default lives in one place ({@link PostureProperties}).
 */
@Component
public class MonthlyReportJob implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(MonthlyReportJob.class);

    private final MonthlyReports reports;
    private final PostureService posture;
    private final PostureProperties properties;

    MonthlyReportJob(MonthlyReports reports, PostureService posture, PostureProperties properties) {
        this.reports = reports;
        this.posture = posture;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.report().enabled()) {
            registrar.addCronTask(() -> run(YearMonth.now(ZoneOffset.UTC).minusMonths(1)), properties.report().cron());
        }
    }

    /** Generates and sends the reports of one month; returns each tenant's delivery outcome. */
    public Map<String, String> run(YearMonth month) {
        return TenantScope.call(TenantScope.ALL_TENANTS, () -> {
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (Tenant tenant : posture.allTenants()) {
                if (tenant.getStatus() != TenantStatus.ONBOARDING && tenant.getStatus() != TenantStatus.LIVE) {
                    continue;
                }
                try {
                    outcomes.put(tenant.getId(), reports.send("scheduler", tenant, month));
                } catch (RuntimeException e) {
                    log.warn("Monthly report of {} for {} failed", tenant.getId(), month, e);
                    outcomes.put(tenant.getId(), "failed: " + e.getMessage());
                }
            }
            log.info("Monthly reports for {}: {}", month, outcomes);
            return outcomes;
        });
    }
}
