package soc.ingest.parse.windows;

import java.util.Map;

import soc.events.SocEvent;

/** {@code event.action}, {@code event.category}, {@code event.type} and {@code event.outcome} for common event ids. */
final class WindowsActions {
    private record Action(String action, String category, String type, String outcome) {
    }

    private static final Map<String, Action> SECURITY = Map.ofEntries(
            Map.entry("4624", new Action("logged-in", "authentication", "start", "success")),
            Map.entry("4625", new Action("logon-failed", "authentication", "start", "failure")),
            Map.entry("4634", new Action("logged-out", "authentication", "end", "success")),
            Map.entry("4647", new Action("logged-out", "authentication", "end", "success")),
            Map.entry("4648", new Action("logged-in-explicit", "authentication", "start", "success")),
            Map.entry("4656", new Action("object-handle-requested", "file", "access", null)),
            Map.entry("4658", new Action("object-handle-closed", "file", "access", null)),
            Map.entry("4662", new Action("object-operation-performed", "iam", "access", null)),
            Map.entry("4663", new Action("object-access-attempted", "file", "access", null)),
            Map.entry("4672", new Action("logged-in-special", "iam", "admin", "success")),
            Map.entry("4688", new Action("created-process", "process", "start", "success")),
            Map.entry("4689", new Action("exited-process", "process", "end", "success")),
            Map.entry("4697", new Action("service-installed", "iam", "admin", "success")),
            Map.entry("4698", new Action("scheduled-task-created", "iam", "creation", "success")),
            Map.entry("4720", new Action("added-user-account", "iam", "creation", "success")),
            Map.entry("4732", new Action("added-member-to-group", "iam", "group", "success")),
            Map.entry("4738", new Action("modified-user-account", "iam", "change", "success")),
            Map.entry("4742", new Action("changed-computer-account", "iam", "change", "success")),
            Map.entry("4768", new Action("kerberos-authentication-ticket-requested", "authentication", "start", null)),
            Map.entry("4769", new Action("kerberos-service-ticket-requested", "authentication", "start", null)),
            Map.entry("4776", new Action("credential-validated", "authentication", "start", null)),
            Map.entry("4798", new Action("group-membership-enumerated", "iam", "info", "success")),
            Map.entry("4799", new Action("user-member-enumerated", "iam", "info", "success")),
            Map.entry("5140", new Action("network-share-object-accessed", "network", "access", null)),
            Map.entry("5145", new Action("network-share-object-access-checked", "network", "access", null)),
            Map.entry("5156", new Action("network-connection-allowed", "network", "connection", "success")),
            Map.entry("5158", new Action("network-bind-allowed", "network", "connection", "success")),
            Map.entry("7045", new Action("service-installed", "configuration", "creation", null)));

    private static final Map<String, Action> SYSMON = Map.ofEntries(
            Map.entry("1", new Action("process-created", "process", "start", null)),
            Map.entry("2", new Action("file-creation-time-changed", "file", "change", null)),
            Map.entry("3", new Action("network-connection-detected", "network", "connection", null)),
            Map.entry("5", new Action("process-terminated", "process", "end", null)),
            Map.entry("6", new Action("driver-loaded", "driver", "start", null)),
            Map.entry("7", new Action("image-loaded", "process", "change", null)),
            Map.entry("8", new Action("create-remote-thread", "process", "change", null)),
            Map.entry("10", new Action("process-accessed", "process", "access", null)),
            Map.entry("11", new Action("file-created", "file", "creation", null)),
            Map.entry("12", new Action("registry-object-added-or-deleted", "registry", "change", null)),
            Map.entry("13", new Action("registry-value-set", "registry", "change", null)),
            Map.entry("14", new Action("registry-object-renamed", "registry", "change", null)),
            Map.entry("15", new Action("file-stream-created", "file", "creation", null)),
            Map.entry("17", new Action("pipe-created", "file", "creation", null)),
            Map.entry("18", new Action("pipe-connected", "file", "access", null)),
            Map.entry("22", new Action("dns-query", "network", "info", null)),
            Map.entry("23", new Action("file-deleted", "file", "deletion", null)),
            Map.entry("25", new Action("process-tampering", "process", "change", null)),
            Map.entry("26", new Action("file-deleted-detected", "file", "deletion", null)));

    private WindowsActions() {
    }

    static void apply(boolean sysmon, String eventId, SocEvent.Builder event) {
        Action a = (sysmon ? SYSMON : SECURITY).get(eventId);
        if (a == null) {
            return;
        }
        event.put("event.action", a.action());
        event.put("event.category", a.category());
        event.put("event.type", a.type());
        event.put("event.outcome", a.outcome());
    }
}
