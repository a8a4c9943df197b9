package org.agora.account;

/** A token just created: {@code secret} is the plain token, shown to its owner this once and stored nowhere. */
public record NewApiToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "NewApiToken[" + token + "]";
    }
}
