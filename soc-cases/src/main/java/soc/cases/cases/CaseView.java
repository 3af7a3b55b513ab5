package soc.cases.cases;

import java.util.List;

import soc.cases.alerts.AlertDetail;

/** A case with its alerts and its timeline (oldest first). */
public record CaseView(CaseFile file, List<AlertDetail> alerts, List<TimelineItem> timeline) {
}
