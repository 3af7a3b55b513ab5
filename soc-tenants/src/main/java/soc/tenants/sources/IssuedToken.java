package soc.tenants.sources;

/** A freshly issued token. {@link #token()} is the only time the secret is available: show it once. */
public record IssuedToken(IngestToken record, String token) {
}
