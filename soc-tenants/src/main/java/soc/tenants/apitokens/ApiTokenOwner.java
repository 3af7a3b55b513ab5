package soc.tenants.apitokens;

import java.util.UUID;

/** Who a presented API token belongs to: the request then runs as this user. */
public record ApiTokenOwner(UUID tokenId, String username) {
}
