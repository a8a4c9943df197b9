package org.agora.shared.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Agora's strings, from the same bundles Vaadin's I18NProvider reads ({@code vaadin-i18n/translations*.properties}),
 * for places outside the UI (mail). English is complete; German covers the shell, home and account pages.
 */
public final class Messages {
    public static final String BUNDLE = "vaadin-i18n/translations";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported(locale), ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The closest supported locale: German for any German, otherwise English. */
    public static Locale supported(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }
}
