package soc.cases.links;

/** How two cases are linked: related, or the first is a duplicate of the second. */
public enum LinkKind {
    RELATED, DUPLICATE_OF
}
