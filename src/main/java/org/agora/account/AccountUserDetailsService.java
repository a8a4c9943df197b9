package org.agora.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads a member by username or email for the login form. */
class AccountUserDetailsService implements UserDetailsService {
    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        var account = accounts.findByLogin(login == null ? "" : login.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        String hash = accounts.passwordHash(account.id()).orElseThrow();
        return new AgoraUser(account.id(), account.username(), account.role(), account.emailVerified(), hash);
    }
}
