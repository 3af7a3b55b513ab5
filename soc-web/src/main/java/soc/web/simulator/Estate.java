package soc.web.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated estate, reproducible from a seed: fictional Welsh-style councils and fire and rescue services with
 * IT only, and manufacturers with factory OT. Plain data; {@link EstateRegistrar} registers it as tenants, sources
 * and assets.
 */
public record Estate(long seed, List<Organisation> organisations) {

    /** What an organisation is, for the tenant register. */
    public enum Kind { COUNTY_COUNCIL, COUNTY_BOROUGH_COUNCIL, FIRE_AND_RESCUE_SERVICE, MANUFACTURER }

    /** A host with a fixed address. {@code role} is the asset type name of soc-tenants (SERVER, PLC ...). */
    public record Host(String name, String ip, String role, String zone, Integer purdueLevel) {
    }

    /**
     * One organisation.
     *
     * @param index        position in the estate, 0-based: makes address ranges and syslog sender addresses unique
     * @param itNetwork    the IT /16, e.g. {@code 10.11.0.0/16}
     * @param syslogSender the loopback address its firewall sends syslog from ({@code 127.77.<index>.1})
     */
    public record Organisation(int index, String id, String name, Kind kind, String domain, String itNetwork,
                               String syslogSender, List<Host> servers, List<Host> workstations, List<String> users,
                               List<Host> otHosts) {
        public boolean ot() {
            return !otHosts.isEmpty();
        }

        public Host dc() {
            return servers.get(0);
        }

        public Host ot(String role) {
            return otHosts.stream().filter(h -> h.role().equals(role)).findFirst().orElseThrow();
        }
    }

    private static final String[] PLACES = {"Aberhafren", "Bryn Teg", "Cwm Aur", "Dyfrdwy", "Eithinog", "Ffridd",
            "Glannau", "Hafod", "Idwal", "Llyn Mawr", "Maesglas", "Nant Gwyn", "Ogwr Uchaf", "Pen-y-Fan", "Rhosfa",
            "Sarn", "Tal-y-Bont", "Tregaron Isaf", "Waunfawr", "Ynys Wen", "Afon Llwyd", "Bro Ddu", "Carreg", "Derwen"};
    private static final String[] MAKERS = {"Dyffryn Precision Manufacturing", "Morfa Steel Components",
            "Gwent Composites", "Tawe Food Processing"};
    private static final String[] GIVEN = {"alys", "bethan", "carys", "dafydd", "elin", "gareth", "gwen", "huw",
            "ieuan", "lowri", "meinir", "nia", "owain", "rhian", "rhys", "sian", "tomos", "wyn", "aled", "ffion"};
    private static final String[] FAMILY = {"jones", "williams", "davies", "evans", "thomas", "roberts", "hughes",
            "lewis", "morgan", "griffiths", "owen", "price", "pritchard", "rees", "powell", "parry"};

    /** The default estate: 20 public bodies and 2 manufacturers. */
    public static Estate generate(long seed) {
        return generate(seed, 20, 2);
    }

    /**
     * @param publicBodies  councils and fire and rescue services (every fourth is a fire and rescue service)
     * @param manufacturers manufacturers with factory OT
     */
    public static Estate generate(long seed, int publicBodies, int manufacturers) {
        return generate(seed, publicBodies, manufacturers, "", 0);
    }

    /**
     * @param idPrefix      put before every tenant id (tests: a unique estate per run)
     * @param senderOffset  added to the index in the syslog sender address (tests: no clash with another estate)
     */
    public static Estate generate(long seed, int publicBodies, int manufacturers, String idPrefix, int senderOffset) {
        if (publicBodies < 0 || manufacturers < 0 || publicBodies > PLACES.length || manufacturers > MAKERS.length) {
            throw new IllegalArgumentException("estate size out of range: at most " + PLACES.length
                    + " public bodies and " + MAKERS.length + " manufacturers");
        }
        Random random = new Random(seed);
        List<Organisation> organisations = new ArrayList<>();
        for (int i = 0; i < publicBodies; i++) {
            String place = PLACES[i];
            String slug = slug(place);
            Kind kind = i % 4 == 3 ? Kind.FIRE_AND_RESCUE_SERVICE : i % 2 == 0 ? Kind.COUNTY_COUNCIL
                    : Kind.COUNTY_BOROUGH_COUNCIL;
            String id = kind == Kind.FIRE_AND_RESCUE_SERVICE ? slug + "-fire" : slug;
            String name = switch (kind) {
                case FIRE_AND_RESCUE_SERVICE -> place + " Fire and Rescue Service";
                case COUNTY_BOROUGH_COUNCIL -> place + " County Borough Council";
                default -> place + " County Council";
            };
            organisations.add(organisation(random, organisations.size(), senderOffset, idPrefix + id, name, kind, false));
        }
        for (int i = 0; i < manufacturers; i++) {
            String name = MAKERS[i];
            String id = slug(name.substring(0, name.indexOf(' '))) + "-mfg";
            organisations.add(organisation(random, organisations.size(), senderOffset, idPrefix + id, name, Kind.MANUFACTURER, true));
        }
        return new Estate(seed, List.copyOf(organisations));
    }

    public Organisation organisation(String tenantId) {
        return organisations.stream().filter(o -> o.id().equals(tenantId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the simulated estate: " + tenantId));
    }

    private static Organisation organisation(Random random, int index, int senderOffset, String id, String name, Kind kind,
                                             boolean ot) {
        int second = 10 + index; // 10.10.0.0/16, 10.11.0.0/16 ... never 10.20.x, the OT networks' range
        if (second >= 20) {
            second += 20; // skip 10.20-10.39
        }
        String net = "10." + second + ".";
        String domain = id + ".example";
        List<Host> servers = List.of(
                new Host("dc01." + domain, net + "1.10", "SERVER", "IT-core", null),
                new Host("file01." + domain, net + "1.20", "SERVER", "IT-core", null),
                new Host("mail01." + domain, net + "1.25", "SERVER", "IT-core", null));
        int workstationCount = 8 + random.nextInt(8);
        List<Host> workstations = new ArrayList<>();
        for (int w = 1; w <= workstationCount; w++) {
            workstations.add(new Host("ws%03d.%s".formatted(w, domain), net + "10." + (10 + w), "WORKSTATION",
                    "IT-office", null));
        }
        List<String> users = new ArrayList<>();
        int userCount = 12 + random.nextInt(10);
        while (users.size() < userCount) {
            String user = GIVEN[random.nextInt(GIVEN.length)] + "." + FAMILY[random.nextInt(FAMILY.length)];
            if (!users.contains(user)) {
                users.add(user);
            }
        }
        List<Host> otHosts = ot ? List.of(
                new Host("plc-press-1", "10.20.2.10", "PLC", "OT-cell-1", 1),
                new Host("plc-press-2", "10.20.2.11", "PLC", "OT-cell-1", 1),
                new Host("hmi-cell-1", "10.20.1.5", "HMI", "OT-cell-1", 2),
                new Host("ews-01", "10.20.1.50", "ENGINEERING_WORKSTATION", "OT-cell-1", 2),
                new Host("scada-01", "10.20.1.20", "SCADA_SERVER", "OT-control", 2),
                new Host("historian-01", "10.20.1.30", "HISTORIAN", "OT-control", 3),
                new Host("rtu-substation", "10.20.3.5", "RTU", "OT-substation", 1)) : List.of();
        return new Organisation(index, id, name, kind, domain, net + "0.0/16", "127.77." + ((index + senderOffset) % 250) + ".1",
                servers, List.copyOf(workstations), List.copyOf(users), otHosts);
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
