package soc.cases.notifications;

/** A setting that cannot be accepted; the code names a message for the user, the arguments fill it. */
public class NotificationException extends RuntimeException {
    private final String code;
    private final transient Object[] args;

    public NotificationException(String code, String message, Object... args) {
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
