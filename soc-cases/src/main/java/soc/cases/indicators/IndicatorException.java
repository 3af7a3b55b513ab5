package soc.cases.indicators;

/** An indicator request that cannot be done; the message says why (shown to the user). */
public class IndicatorException extends RuntimeException {
    public IndicatorException(String message) {
        super(message);
    }
}
