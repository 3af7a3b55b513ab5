package soc.cases.cases;

/**
 * A request that breaks a case rule (closing without a root cause, mixing tenants...). The code is a message key
 * the web application shows in the user's language; the message is the English fallback.
 */
public class CaseRuleException extends IllegalArgumentException {
    private final String code;
    private final transient Object[] args;

    public CaseRuleException(String code, String message, Object... args) {
        super(message);
        this.code = code;
        this.args = args;
    }

    public String getCode() {
        return code;
    }

    public Object[] getArgs() {
        return args.clone();
    }
}
