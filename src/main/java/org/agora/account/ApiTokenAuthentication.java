package org.agora.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API request authenticated with a personal token: the member (so {@link CurrentUser} and method security
 * work as for a browser) with their role's authorities plus the token's scope ({@code SCOPE_READ}, {@code SCOPE_WRITE}).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {
    private final transient ApiCaller caller;

    ApiTokenAuthentication(ApiCaller caller) {
        super(authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(ApiCaller caller) {
        var list = new ArrayList<GrantedAuthority>();
        caller.user().getAuthorities().forEach(list::add);
        caller.scope().authorities().forEach(a -> list.add(new SimpleGrantedAuthority(a)));
        return list;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public AgoraUser getPrincipal() {
        return caller.user();
    }
}
