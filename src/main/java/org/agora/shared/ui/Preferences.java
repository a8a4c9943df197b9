package org.agora.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.agora.shared.i18n.Messages;

/**
 * Theme (light/dark) and language: remembered per member in their account, and per browser in a cookie for
 * readers and for the login page. Applied when a UI starts, so a reload keeps them.
 */
public final class Preferences {
    static final String THEME_COOKIE = "agora-theme";
    static final String LANG_COOKIE = "agora-lang";

    private Preferences() {
    }

    static void apply(UI ui, VaadinRequest request, ShellAccount account) {
        var profile = account.current();
        String theme = profile.map(ShellAccount.Profile::theme).orElse(null);
        if (theme == null) {
            theme = cookie(request, THEME_COOKIE).orElse(null);
        }
        ui.getPage().setColorScheme("dark".equals(theme) ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
        String lang = profile.map(ShellAccount.Profile::locale).orElse(null);
        if (lang == null) {
            lang = cookie(request, LANG_COOKIE).orElse(null);
        }
        if (lang != null) {
            Locale locale = Messages.supported(Locale.forLanguageTag(lang));
            ui.setLocale(locale);
            if (ui.getSession() != null) {
                ui.getSession().setLocale(locale);
            }
        }
    }

    public static boolean isDark(UI ui) {
        return ui.getPage().getColorScheme() == ColorScheme.Value.DARK;
    }

    static void setTheme(UI ui, ShellAccount account, boolean dark) {
        String theme = dark ? "dark" : "light";
        ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
        setCookie(ui, THEME_COOKIE, theme);
        if (account.current().isPresent()) {
            account.saveTheme(theme);
        }
    }

    static void setLanguage(UI ui, ShellAccount account, Locale locale) {
        Locale supported = Messages.supported(locale);
        setCookie(ui, LANG_COOKIE, supported.getLanguage());
        if (account.current().isPresent()) {
            account.saveLocale(supported);
        }
        VaadinSession.getCurrent().setLocale(supported);
        ui.setLocale(supported);
        ui.getPage().reload();
    }

    /** Remembers a short lowercase word in this browser for a year (a cookie the server reads on the next visit). */
    public static void rememberInBrowser(UI ui, String name, String value) {
        setCookie(ui, name, value);
    }

    /** A word remembered by {@link #rememberInBrowser}, read from the current request. */
    public static Optional<String> rememberedInBrowser(String name) {
        return cookie(VaadinRequest.getCurrent(), name);
    }

    private static void setCookie(UI ui, String name, String value) {
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax'" +
                " + (location.protocol === 'https:' ? '; Secure' : '')", name, value);
    }

    private static Optional<String> cookie(VaadinRequest request, String name) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v.matches("[a-z]{2,12}")).findFirst();
    }
}
