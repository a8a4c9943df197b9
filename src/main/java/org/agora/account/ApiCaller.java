package org.agora.account;

/** Who is behind an API request made with a personal token, and what the token allows. */
public record ApiCaller(AgoraUser user, ApiScope scope, long tokenId) {
}
