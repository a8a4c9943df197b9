package org.agora.support;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Reads what the app sent to the test SMTP server. */
public final class Mailbox {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Mailbox() {
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailInitializer.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    /** Waits for the n-th mail (1-based) to this address and returns its body. */
    public static String awaitMail(String address, int n) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> to(address).size() >= n);
        try {
            return to(address).get(n - 1).getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(String address, int n) {
        try {
            return to(address).get(n - 1).getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of the first link in a mail body (the host is the configured base URL). */
    public static String linkPath(String body) {
        var m = LINK.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no link in mail: " + body);
        }
        return java.net.URI.create(m.group()).getRawPath() + "?" + java.net.URI.create(m.group()).getRawQuery();
    }
}
