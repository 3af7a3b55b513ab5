package soc.web.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import soc.web.simulator.Estate.Host;
import soc.web.simulator.Estate.Organisation;

/**
 * Benign everyday telemetry of the estate: web traffic through the firewalls, Kerberos logons, office programs
 * starting, Microsoft 365 sign-ins and file access, DNS (Zeek dns.log records and conn records), and on the factory floor HMI polling of PLCs and SCADA
 * reads of the substation RTU. Volume follows a working day (Europe/London). Seeded: the same seed and the same
 * sequence of calls give the same events. Not thread-safe (one sender thread uses it).
 */
public final class BackgroundTraffic {
    private static final ZoneId LOCAL = ZoneId.of("Europe/London");
    private static final String[] BENIGN_PROGRAMS = {
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
            "C:\\Windows\\System32\\notepad.exe"};
    /** Everyday public lookups: name, and the CNAME it answers with (null: addresses only). */
    private static final String[][] PUBLIC_LOOKUPS = {
            {"outlook.office365.com", "outlook.ha.office365.com"},
            {"login.microsoftonline.com", "login.mso.msidentity.com"},
            {"www.office.com", "www.office.com.edgekey.net"},
            {"teams.microsoft.com", "teams-office-com.s-0005.dc-msedge.net"},
            {"graph.microsoft.com", null},
            {"ctldl.windowsupdate.com", "ctldl.windowsupdate.com.delivery.microsoft.com"},
            {"settings-win.data.microsoft.com", null},
            {"www.msftconnecttest.com", "www.msftncsi.com.edgesuite.net"},
            {"edge.microsoft.com", null},
            {"www.gov.uk", null},
            {"www.gov.wales", null},
            {"www.bbc.co.uk", null},
            {"www.google.com", null},
            {"fonts.gstatic.com", null},
            {"clients2.google.com", "clients.l.google.com"}};
    private static final String[] M365_OPERATIONS = {"UserLoggedIn", "FileAccessed", "FileModified", "MailItemsAccessed"};

    private final Estate estate;
    private final Random random;
    private final Set<String> muted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private double carry;
    private long sequence;

    public BackgroundTraffic(Estate estate, long seed) {
        this.estate = estate;
        this.random = new Random(seed);
    }

    /** Relative activity at a moment: 1.0 in office hours, about a fifth at night, ramps around them. */
    public static double rhythm(Instant at) {
        int hour = at.atZone(LOCAL).getHour();
        int day = at.atZone(LOCAL).getDayOfWeek().getValue();
        double level = hour >= 9 && hour < 17 ? 1.0 : hour >= 7 && hour < 9 || hour >= 17 && hour < 19 ? 0.6 : 0.2;
        return day >= 6 ? level * 0.5 : level;
    }

    /** The number of events for one second at {@code eventsPerSecond} (at the daily peak), with fractions carried. */
    public int countFor(Instant at, double eventsPerSecond) {
        carry += eventsPerSecond * rhythm(at);
        int n = (int) carry;
        carry -= n;
        return n;
    }

    /** Stops (or resumes) background events of one source of one tenant: a silent source. */
    public void mute(String tenantId, SimSource source, boolean mute) {
        if (mute) {
            muted.add(tenantId + "/" + source);
        } else {
            muted.remove(tenantId + "/" + source);
        }
    }

    public boolean muted(String tenantId, SimSource source) {
        return muted.contains(tenantId + "/" + source);
    }

    /** {@code count} events at {@code at}, spread over random organisations and their sources. */
    public List<SimEvent> next(Instant at, int count) {
        List<SimEvent> events = new ArrayList<>(count);
        List<Organisation> organisations = estate.organisations();
        int guard = 0;
        while (events.size() < count && guard++ < count * 4) {
            Organisation o = organisations.get(random.nextInt(organisations.size()));
            SimSource[] sources = SimSource.values();
            SimSource source = sources[random.nextInt(sources.length)];
            if (!source.appliesTo(o) || muted(o.id(), source)) {
                continue;
            }
            events.add(event(o, source, at.plusMillis(random.nextInt(1000))));
        }
        return events;
    }

    /** One benign event of a given source, e.g. a heartbeat keeping a source from falling silent. */
    public SimEvent event(Organisation o, SimSource source, Instant at) {
        Instant t = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        sequence++;
        Host ws = Scenario.pick(o.workstations(), random);
        String user = Scenario.pick(o.users(), random);
        String payload = switch (source) {
            case PERIMETER_FIREWALL, BRANCH_FIREWALL -> random.nextInt(12) == 0
                    ? Formats.firewall(t, (source == SimSource.BRANCH_FIREWALL ? "fw-branch." : "fw01.") + o.domain(),
                    "deny", "192.0.2." + (1 + random.nextInt(250)), 40000 + random.nextInt(20000), o.servers().get(2).ip(),
                    List.of(23, 445, 3389, 1433).get(random.nextInt(4)), "tcp", 60, 0, "default-deny")
                    : Formats.firewall(t, (source == SimSource.BRANCH_FIREWALL ? "fw-branch." : "fw01.") + o.domain(),
                    "allow", ws.ip(), 49152 + random.nextInt(16000), "203.0.113." + (1 + random.nextInt(250)),
                    random.nextInt(5) == 0 ? 80 : 443, "tcp", 500 + random.nextInt(90_000), 2_000 + random.nextInt(900_000),
                    "outbound-web");
            case WINDOWS_SECURITY -> Formats.logon(t, o.dc().name(), Scenario.domainOf(o), user, ws.ip(),
                    random.nextInt(4) == 0 ? 2 : 3);
            case SYSMON -> {
                String image = BENIGN_PROGRAMS[random.nextInt(BENIGN_PROGRAMS.length)];
                yield Formats.sysmonProcess(t, ws.name(), user, image, "\"" + image + "\"",
                        "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE");
            }
            case M365 -> Formats.m365(t, M365_OPERATIONS[random.nextInt(M365_OPERATIONS.length)],
                    random.nextBoolean() ? "SharePoint" : "Exchange", user + "@" + o.domain(),
                    "81.2.69." + (1 + random.nextInt(250)), "Succeeded", Formats.ordered("UserAgent",
                            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"));
            // a third each: the dns.log record of a lookup, its conn record, a TLS connection
            case ZEEK -> random.nextInt(3) == 0 ? dns(o, ws, t) : random.nextBoolean()
                    ? Formats.zeekConn(t, uid(), ws.ip(), 49152 + random.nextInt(16000), o.dc().ip(), 53, "udp", "dns",
                    40 + random.nextInt(30), 60 + random.nextInt(200), "SF")
                    : Formats.zeekConn(t, uid(), ws.ip(), 49152 + random.nextInt(16000), "203.0.113." + (1 + random.nextInt(250)),
                    443, "tcp", "ssl", 800 + random.nextInt(20_000), 4_000 + random.nextInt(400_000), "SF");
            case OT_ZEEK -> random.nextBoolean()
                    ? Formats.zeekModbus(t, uid(), o.ot("HMI").ip(), random.nextBoolean() ? "10.20.2.10" : "10.20.2.11",
                    "READ_HOLDING_REGISTERS", 1)
                    : Formats.zeekDnp3(t, uid(), o.ot("SCADA_SERVER").ip(), o.ot("RTU").ip(), "READ", "RESPONSE");
            case OT_SURICATA -> random.nextBoolean()
                    ? Formats.suricataModbus(t, flowId(), o.ot("HMI").ip(), random.nextBoolean() ? "10.20.2.10" : "10.20.2.11",
                    3, 1, 40001 + random.nextInt(50), 1 + random.nextInt(10))
                    : Formats.suricataDnp3(t, flowId(), o.ot("SCADA_SERVER").ip(), o.ot("RTU").ip(), 1, 1, 10);
        };
        return new SimEvent(o.id(), source, t, payload);
    }

    /**
     * A benign lookup by a workstation through the organisation's DNS server (its domain controller), as Zeek logs it:
     * mostly A (some AAAA) records of Microsoft 365, Windows, browser and public-sector sites with CNAME chains, the
     * tenant's SharePoint, internal names, SRV lookups of the domain controllers, reverse (PTR) lookups of servers,
     * and a few NXDOMAINs from the DNS suffix search list.
     */
    private String dns(Organisation o, Host ws, Instant t) {
        String uid = uid();
        int port = 49152 + random.nextInt(16000);
        String resolver = o.dc().ip();
        double rtt = (200 + random.nextInt(30_000)) / 1_000_000.0;
        int kind = random.nextInt(20);
        if (kind < 12) { // public services
            String[] lookup = PUBLIC_LOOKUPS[random.nextInt(PUBLIC_LOOKUPS.length)];
            boolean v6 = random.nextInt(4) == 0;
            List<String> answers = new ArrayList<>();
            List<Double> ttls = new ArrayList<>();
            if (lookup[1] != null) {
                answers.add(lookup[1]);
                ttls.add(3600.0);
            }
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                answers.add(v6 ? "2001:db8:" + Integer.toHexString(0x100 + random.nextInt(0xe00)) + "::"
                        + Integer.toHexString(1 + random.nextInt(0xfff)) : "203.0.113." + (1 + random.nextInt(250)));
                ttls.add(60.0 + random.nextInt(240));
            }
            return Formats.zeekDns(t, uid, ws.ip(), port, resolver, lookup[0], v6 ? "AAAA" : "A", "NOERROR", answers,
                    ttls, rtt);
        }
        if (kind < 14) { // the tenant's SharePoint Online
            String site = o.id() + ".sharepoint.com";
            return Formats.zeekDns(t, uid, ws.ip(), port, resolver, site, "A", "NOERROR",
                    List.of(o.id() + ".sharepoint.com.spo-0004.spo-msedge.net", "203.0.113." + (1 + random.nextInt(250))),
                    List.of(3600.0, 240.0), rtt);
        }
        Host server = o.servers().get(random.nextInt(o.servers().size()));
        if (kind < 17) { // internal names
            return Formats.zeekDns(t, uid, ws.ip(), port, resolver, server.name(), "A", "NOERROR",
                    List.of(server.ip()), List.of(1200.0), rtt / 10);
        }
        if (kind == 17) { // domain controller locator
            return Formats.zeekDns(t, uid, ws.ip(), port, resolver, "_ldap._tcp.dc._msdcs." + o.domain(), "SRV",
                    "NOERROR", List.of(o.dc().name()), List.of(600.0), rtt / 10);
        }
        if (kind == 18) { // reverse lookup of a server
            String[] octets = server.ip().split("\\.");
            return Formats.zeekDns(t, uid, ws.ip(), port, resolver, octets[3] + "." + octets[2] + "." + octets[1] + "."
                    + octets[0] + ".in-addr.arpa", "PTR", "NOERROR", List.of(server.name()), List.of(1200.0), rtt / 10);
        }
        // a public name tried with the domain's suffix first (DNS suffix search list): NXDOMAIN
        String[] lookup = PUBLIC_LOOKUPS[random.nextInt(PUBLIC_LOOKUPS.length)];
        return Formats.zeekDns(t, uid, ws.ip(), port, resolver, lookup[0] + "." + o.domain(), "A", "NXDOMAIN",
                List.of(), List.of(), rtt / 10);
    }

    private String uid() {
        return "C" + Long.toString(Math.abs(random.nextLong()) % 2_000_000_000_000_000L + 1_000_000_000_000L, 36);
    }

    private long flowId() {
        return 1_000_000_000_000L + sequence * 7919 + random.nextInt(7919);
    }
}
