package org.agora.shared.ui;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times in the reader's language and, when the browser has told it, their time zone. */
public final class Dates {
    private Dates() {
    }

    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone()).format(instant);
    }

    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone()).format(instant);
    }

    /** The reader's time zone as their browser reported it, or UTC. */
    public static ZoneId zoneOfReader() {
        return zone();
    }

    static ZoneId zone() {
        try {
            var ui = UI.getCurrent();
            var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
            String id = details == null ? null : details.getTimeZoneId();
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }
}
