package org.agora.poll.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.LocalDateTime;
import org.agora.account.CurrentUser;
import org.agora.account.Role;
import org.agora.poll.ForecastResolution;
import org.agora.poll.Poll;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollException;
import org.agora.poll.PollKind;
import org.agora.poll.PollModeration;
import com.vaadin.flow.component.textfield.TextField;
import org.agora.poll.PollStatus;
import org.agora.shared.ui.Dates;

/**
 * The poll's controls for its author and moderators: close now, reopen (with a new closing date), and for
 * moderators the resolution of a forecast. Staff acting on someone else's poll give a reason, go through
 * {@link PollModeration} (audited) and may also remove the poll. Shown only to those allowed; the services check
 * again.
 */
class PollManagePanel extends Details {
    final Button close = new Button();
    final Button reopen = new Button();
    final DateTimePicker reopenUntil = new DateTimePicker();
    final RadioButtonGroup<ForecastResolution.Outcome> outcome = new RadioButtonGroup<>();
    final TextArea note = new TextArea();
    final Button resolve = new Button();
    final TextField reason = new TextField();
    final Button remove = new Button();
    private final PollModeration moderation;
    private final PollAuthoring authoring;
    private final ForecastResolution resolution;
    private final Runnable changed;
    private Poll poll;

    PollManagePanel(PollAuthoring authoring, ForecastResolution resolution, PollModeration moderation, Poll poll,
                    Runnable changed) {
        this.moderation = moderation;
        this.authoring = authoring;
        this.resolution = resolution;
        this.poll = poll;
        this.changed = changed;
        setSummaryText(getTranslation("poll.manage"));
        addClassName("agora-poll-manage");
        close.setText(getTranslation("poll.closeNow"));
        close.setDisableOnClick(true);
        close.addClickListener(e -> act(() -> {
            if (staffActing()) {
                moderation.closePoll(this.poll.id(), reason.getValue());
            } else {
                authoring.close(this.poll.id());
            }
        }, "poll.closedDone", close));
        reason.setLabel(getTranslation("poll.staffReason"));
        reason.setMaxLength(PollModeration.REASON_MAX);
        reason.setWidthFull();
        remove.setText(getTranslation("poll.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setDisableOnClick(true);
        remove.addClickListener(e -> act(() -> {
            moderation.deletePoll(this.poll.id(), reason.getValue());
            getUI().ifPresent(ui -> ui.navigate("polls"));
        }, "poll.removedDone", remove));
        reopen.setText(getTranslation("poll.reopen"));
        reopen.setDisableOnClick(true);
        reopenUntil.setLabel(getTranslation("poll.reopenUntil"));
        reopenUntil.setMin(LocalDateTime.now(Dates.zoneOfReader()));
        reopen.addClickListener(e -> act(() -> {
            Instant until = reopenUntil.getValue() == null ? null
                    : reopenUntil.getValue().atZone(Dates.zoneOfReader()).toInstant();
            if (staffActing()) {
                moderation.reopenPoll(this.poll.id(), until, reason.getValue());
            } else {
                authoring.reopen(this.poll.id(), until);
            }
        }, "poll.reopenedDone", reopen));
        outcome.setLabel(getTranslation("poll.resolve.outcome"));
        outcome.setItems(ForecastResolution.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("poll.resolve." + o.name()));
        note.setLabel(getTranslation("poll.resolve.note"));
        note.setMaxLength(ForecastResolution.MAX_NOTE_CHARS);
        note.setWidthFull();
        resolve.setText(getTranslation("poll.resolve.submit"));
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resolve.setDisableOnClick(true);
        resolve.addClickListener(e -> resolveForecast());
        build();
    }

    /** Whether the signed-in member gets any control here. */
    static boolean shownFor(Poll poll) {
        return PollAuthoring.canManage(poll) && poll.status() != PollStatus.RESOLVED && !poll.isDraft();
    }

    void update(Poll newer) {
        this.poll = newer;
        build();
    }

    /** A moderator acting on someone else's poll: with a reason, audited. */
    private boolean staffActing() {
        return CurrentUser.get().map(u -> u.role() != Role.MEMBER && !poll.isAuthor(u.id().value())).orElse(false);
    }

    private void build() {
        var content = new Div();
        var now = Instant.now();
        if (staffActing()) {
            content.add(reason);
        }
        if (poll.acceptsBallotsAt(now)) {
            content.add(close);
        } else if (poll.status() != PollStatus.RESOLVED) {
            content.add(new HorizontalLayout(reopenUntil, reopen));
        }
        boolean staff = CurrentUser.get().map(u -> u.role() != Role.MEMBER).orElse(false);
        if (staff && poll.kind() == PollKind.FORECAST && poll.status() != PollStatus.RESOLVED) {
            var form = new Div(outcome, note, resolve);
            form.addClassName("agora-resolve-form");
            content.add(new com.vaadin.flow.component.html.H3(getTranslation("poll.resolve.title")), form);
        }
        if (staffActing()) {
            content.add(remove);
        }
        removeAll();
        add(content);
    }

    private void resolveForecast() {
        try {
            resolution.resolve(poll.id(), outcome.getValue(), note.getValue());
            Notification.show(getTranslation("poll.resolve.done", getTranslation("poll.resolve." + outcome.getValue().name())),
                    4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (org.springframework.security.access.AccessDeniedException e) {
            denied();
        } catch (PollException e) {
            show(e);
            for (var p : e.problems()) {
                if ("note".equals(p.field())) {
                    note.setErrorMessage(getTranslation(p.key(), p.args()));
                    note.setInvalid(true);
                }
            }
        } finally {
            resolve.setEnabled(true);
        }
    }

    private void act(Runnable action, String doneKey, Button button) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (org.springframework.security.access.AccessDeniedException e) {
            denied();
        } catch (PollException e) {
            show(e);
        } finally {
            button.setEnabled(true);
        }
    }

    private void denied() {
        Notification.show(getTranslation("poll.needTwoFactor"), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void show(PollException e) {
        Notification.show(getTranslation(e.messageKey(), e.args()), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
