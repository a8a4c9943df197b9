package org.agora.shared.filter;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The links in a text, as Markdown turns them into links: URLs with a scheme ({@code https://…}), bare
 * {@code www.…} addresses, and Markdown link targets. Hosts come back lower-case, in ASCII (punycode),
 * after NFKC (so full-width letters and dots count as their plain forms) and without zero-width characters.
 */
public final class Links {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b[a-z][a-z0-9+.-]{0,20}://|(?<![\\p{L}\\p{N}.@-])www\\.)([^\\s/?#<>()\\[\\]\"'`|\\\\]+)");

    private Links() {
    }

    /** The hosts of the links in the text, one per link, in order. */
    public static List<String> hosts(String text) {
        var hosts = new ArrayList<String>();
        if (text == null || text.isEmpty()) {
            return hosts;
        }
        var m = URL.matcher(normalize(text));
        while (m.find()) {
            String host = m.group(1);
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                host = host.substring(at + 1);
            }
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
            host = host.replaceAll("[.,;:!]+$", "");
            if (m.group().regionMatches(true, 0, "www.", 0, 4)) {
                host = "www." + host;
            }
            hosts.add(ascii(host));
        }
        return hosts;
    }

    /** How many links the text holds. */
    public static int count(String text) {
        return hosts(text).size();
    }

    /** A host or domain in the form {@link #hosts} gives: lower-case ASCII, no trailing dot. */
    public static String ascii(String host) {
        String h = normalize(host).toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        try {
            return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return h;
        }
    }

    /** Whether the host is the domain or one of its subdomains. */
    public static boolean within(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** NFKC without format characters (zero-width spaces and joiners, soft hyphens, BOM). */
    public static String normalize(String text) {
        String stripped = text.replaceAll("\\p{Cf}", "");
        return Normalizer.normalize(stripped, Normalizer.Form.NFKC).replaceAll("\\p{Cf}", "");
    }
}
