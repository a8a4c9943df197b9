package org.agora.account;

import java.util.Locale;
import java.util.Optional;
import org.agora.shared.ui.ShellAccount;
import org.springframework.stereotype.Component;

/** Tells the app shell who is signed in and stores their theme and language. */
@Component
class AccountShellSupport implements ShellAccount {
    private final AccountService accounts;

    AccountShellSupport(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Profile> current() {
        return accounts.current().map(a -> new Profile(a.username(), a.displayName(), a.theme(), a.locale()));
    }

    @Override
    public void saveTheme(String theme) {
        accounts.setTheme(theme);
    }

    @Override
    public void saveLocale(Locale locale) {
        accounts.setLocale(locale);
    }
}
