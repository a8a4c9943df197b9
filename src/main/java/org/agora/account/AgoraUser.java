package org.agora.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal kept in the session: ids and role only, no profile data that could go stale. */
public final class AgoraUser implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountId id;
    private final String username;
    private final Role role;
    private final boolean emailVerified;
    private String passwordHash;

    AgoraUser(AccountId id, String username, Role role, boolean emailVerified, String passwordHash) {
        this.id = id;
        this.username = username;
        this.role = role;
        this.emailVerified = emailVerified;
        this.passwordHash = passwordHash;
    }

    public AccountId id() {
        return id;
    }

    public Role role() {
        return role;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> list = role.authorities().stream().map(SimpleGrantedAuthority::new).toList();
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgoraUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AgoraUser[" + id.value() + ", " + username + "]";
    }
}
