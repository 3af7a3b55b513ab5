package soc.ingest.parse.support;

import java.util.HashMap;
import java.util.Map;

/** Function-code tables for OT protocols, so that {@code ot.function_code} and {@code ot.function_name} agree. */
public final class OtCodes {
    private static final String[] DNP3 = new String[256];
    private static final String[] MODBUS = new String[128];
    private static final Map<String, Integer> DNP3_BY_NAME = new HashMap<>();
    private static final Map<String, Integer> MODBUS_BY_NAME = new HashMap<>();

    static {
        String[] dnp3 = {"CONFIRM", "READ", "WRITE", "SELECT", "OPERATE", "DIRECT_OPERATE", "DIRECT_OPERATE_NR",
                "IMMED_FREEZE", "IMMED_FREEZE_NR", "FREEZE_CLEAR", "FREEZE_CLEAR_NR", "FREEZE_AT_TIME",
                "FREEZE_AT_TIME_NR", "COLD_RESTART", "WARM_RESTART", "INITIALIZE_DATA", "INITIALIZE_APPL", "START_APPL",
                "STOP_APPL", "SAVE_CONFIG", "ENABLE_UNSOLICITED", "DISABLE_UNSOLICITED", "ASSIGN_CLASS", "DELAY_MEASURE",
                "RECORD_CURRENT_TIME", "OPEN_FILE", "CLOSE_FILE", "DELETE_FILE", "GET_FILE_INFO", "AUTHENTICATE_FILE",
                "ABORT_FILE", "ACTIVATE_CONFIG", "AUTHENTICATE_REQ", "AUTHENTICATE_ERR"};
        for (int i = 0; i < dnp3.length; i++) {
            DNP3[i] = dnp3[i];
        }
        DNP3[129] = "RESPONSE";
        DNP3[130] = "UNSOLICITED_RESPONSE";
        DNP3[131] = "AUTHENTICATE_RESP";
        for (int i = 0; i < DNP3.length; i++) {
            if (DNP3[i] != null) {
                DNP3_BY_NAME.put(DNP3[i], i);
            }
        }
        Object[][] modbus = {{1, "READ_COILS"}, {2, "READ_DISCRETE_INPUTS"}, {3, "READ_HOLDING_REGISTERS"},
                {4, "READ_INPUT_REGISTERS"}, {5, "WRITE_SINGLE_COIL"}, {6, "WRITE_SINGLE_REGISTER"},
                {7, "READ_EXCEPTION_STATUS"}, {8, "DIAGNOSTICS"}, {11, "GET_COMM_EVENT_COUNTER"},
                {12, "GET_COMM_EVENT_LOG"}, {15, "WRITE_MULTIPLE_COILS"}, {16, "WRITE_MULTIPLE_REGISTERS"},
                {17, "REPORT_SLAVE_ID"}, {20, "READ_FILE_RECORD"}, {21, "WRITE_FILE_RECORD"},
                {22, "MASK_WRITE_REGISTER"}, {23, "READ_WRITE_MULTIPLE_REGISTERS"}, {24, "READ_FIFO_QUEUE"},
                {43, "ENCAP_INTERFACE_TRANSPORT"}};
        for (Object[] entry : modbus) {
            MODBUS[(Integer) entry[0]] = (String) entry[1];
            MODBUS_BY_NAME.put((String) entry[1], (Integer) entry[0]);
        }
    }

    private OtCodes() {
    }

    public static String dnp3Name(long code) {
        return code >= 0 && code < DNP3.length ? DNP3[(int) code] : null;
    }

    public static Integer dnp3Code(String name) {
        return name == null ? null : DNP3_BY_NAME.get(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** Modbus name for a code; codes with the exception bit (0x80) get an {@code _EXCEPTION} suffix. */
    public static String modbusName(long code) {
        if (code >= 128 && code < 256) {
            String base = modbusName(code - 128);
            return base == null ? null : base + "_EXCEPTION";
        }
        return code >= 0 && code < MODBUS.length ? MODBUS[(int) code] : null;
    }

    /** Code for a Zeek-style Modbus name ({@code READ_COILS}, {@code unknown-100}, {@code X_EXCEPTION}), else null. */
    public static Integer modbusCode(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("UNKNOWN-")) {
            Long code = Text.parseLong(upper.substring(8));
            return code != null && code >= 0 && code < 256 ? code.intValue() : null;
        }
        if (upper.endsWith("_EXCEPTION")) {
            Integer base = MODBUS_BY_NAME.get(upper.substring(0, upper.length() - 10));
            return base == null ? null : base + 128;
        }
        return MODBUS_BY_NAME.get(upper);
    }
}
