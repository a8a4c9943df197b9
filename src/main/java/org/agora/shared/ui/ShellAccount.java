package org.agora.shared.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * What the app shell needs to know about the signed-in member, provided by the account feature
 * ({@code shared} never imports a feature).
 */
public interface ShellAccount {
    record Profile(String username, String displayName, String theme, String locale) {
    }

    /** The signed-in member, or empty for a reader. */
    Optional<Profile> current();

    void saveTheme(String theme);

    void saveLocale(Locale locale);
}
