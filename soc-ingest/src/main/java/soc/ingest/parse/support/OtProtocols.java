package soc.ingest.parse.support;

/** Recognises OT/ICS protocol names so that any format can set {@code ot.protocol} consistently. */
public final class OtProtocols {
    private static final String[] KNOWN = {"modbus", "dnp3", "s7", "enip", "cip", "bacnet", "opcua", "opc-ua",
            "iec104", "iec-104", "iec61850", "61850", "mms", "goose", "profinet", "ethercat", "hart", "omron", "fins",
            "melsec", "codesys"};

    private OtProtocols() {
    }

    /** The lower-case protocol name when {@code name} is an OT protocol, else null. */
    public static String normalise(String name) {
        if (name == null || name.length() > 64) {
            return null;
        }
        String lower = Text.lower(name);
        for (String known : KNOWN) {
            if (lower.contains(known)) {
                return lower;
            }
        }
        return null;
    }
}
