package soc.cases.cases;

/** No such case or alert for the caller: it does not exist or belongs to a tenant the caller may not see. */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String what) {
        super(what + " not found");
    }
}
