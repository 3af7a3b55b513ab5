package soc.tenants.apitokens;

/** A newly created token together with its secret, which exists only in this object and is shown once. */
public record IssuedApiToken(ApiToken token, String secret) {
}
