package org.agora.account;

/**
 * A started 2FA setup: the secret to add to an authenticator app (by hand, in base32) and the same as an
 * {@code otpauth://} URI, which the page shows as a QR code. It is only turned on once a code from the app is typed.
 */
public record TotpEnrolment(String secret, String otpauthUri) {
    /** The secret in groups of four, easier to type into an app. */
    public String secretGrouped() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "TotpEnrolment[secret hidden]";
    }
}
