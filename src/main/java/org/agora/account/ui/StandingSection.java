package org.agora.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import org.agora.account.AccountException;
import org.agora.account.AccountStanding;
import org.agora.account.Sanction;
import org.agora.shared.ui.Dates;

/**
 * The member's standing on their account page: each warning or sanction with its reason and end, and a way to
 * appeal it once (moderators read appeals on /moderation/users). Hidden when there is nothing to show.
 */
class StandingSection extends Section {
    final Div entries = new Div();
    private final AccountStanding standing;
    private final Clock clock;

    StandingSection(AccountStanding standing, Clock clock) {
        this.standing = standing;
        this.clock = clock;
        addClassName("agora-section");
        add(new H2(getTranslation("standing.title")), entries);
        refresh();
    }

    void refresh() {
        entries.removeAll();
        var mine = standing.mine();
        setVisible(!mine.isEmpty());
        mine.forEach(s -> entries.add(entry(s)));
    }

    private Div entry(Sanction s) {
        var box = new Div();
        box.addClassName("agora-standing");
        String state = s.liftedAt() != null ? getTranslation("standing.lifted")
                : s.activeAt(clock.instant()) ? (s.endsAt() == null ? getTranslation("standing.forever")
                : getTranslation("standing.until", Dates.dateTime(s.endsAt(), getLocale())))
                : s.endsAt() != null ? getTranslation("standing.over") : "";
        box.add(new Paragraph(getTranslation("standing.kind." + s.kind()) + " · "
                + Dates.dateTime(s.startsAt(), getLocale()) + (state.isEmpty() ? "" : " · " + state)),
                new Paragraph(getTranslation("standing.reason", s.reason())));
        if (s.appeal() != null) {
            box.add(new Paragraph(getTranslation("standing.appealed", s.appeal())));
        } else if (s.liftedAt() == null) {
            var text = new TextArea(getTranslation("standing.appeal"));
            text.setMaxLength(AccountStanding.APPEAL_MAX);
            text.setHelperText(getTranslation("standing.appealHelp"));
            text.setWidthFull();
            var send = new Button(getTranslation("standing.send"), e -> {
                try {
                    standing.appeal(s.id(), text.getValue());
                    refresh();
                } catch (AccountException ex) {
                    text.setErrorMessage(getTranslation(ex.messageKey()));
                    text.setInvalid(true);
                }
            });
            box.add(text, send);
        }
        return box;
    }
}
