package org.agora.account;

import java.util.List;

/** What a personal API token may do: read only, or read and write (start threads, post, vote). */
public enum ApiScope {
    READ, WRITE;

    /** The authority that says the request may write. */
    public static final String WRITE_AUTHORITY = "SCOPE_WRITE";

    /** Spring Security authorities a request made with a token of this scope has; WRITE includes READ. */
    public List<String> authorities() {
        return this == WRITE ? List.of("SCOPE_READ", "SCOPE_WRITE") : List.of("SCOPE_READ");
    }
}
