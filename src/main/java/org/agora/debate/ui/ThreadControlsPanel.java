package org.agora.debate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import com.vaadin.flow.component.select.Select;
import org.agora.debate.Category;
import org.agora.debate.DebateException;
import org.agora.debate.ThreadControls;
import org.agora.shared.ui.Dates;

/** Staff's controls on a thread page: lock, pin, slow mode, move to another category; each with a reason. */
class ThreadControlsPanel extends Details {
    final TextField reason = new TextField();
    final Button lock = new Button();
    final Button pin = new Button();
    final IntegerField minutes = new IntegerField();
    final IntegerField hours = new IntegerField();
    final Button slowMode = new Button();
    final Button endSlowMode = new Button();
    final Paragraph state = new Paragraph();
    final Select<Category> category = new Select<>();
    final Button move = new Button();
    private final ThreadControls controls;
    private final long topicId;
    private final Clock clock;
    private final Runnable changed;

    ThreadControlsPanel(ThreadControls controls, long topicId, Clock clock, Runnable changed) {
        this(controls, topicId, clock, changed, java.util.List.of(), null);
    }

    ThreadControlsPanel(ThreadControls controls, long topicId, Clock clock, Runnable changed,
                        java.util.List<Category> categories, Category current) {
        this.controls = controls;
        this.topicId = topicId;
        this.clock = clock;
        this.changed = changed;
        setSummaryText(getTranslation("topic.controls.title"));
        addClassName("agora-thread-controls");
        reason.setLabel(getTranslation("topic.controls.reason"));
        reason.setMaxLength(ThreadControls.REASON_MAX);
        reason.setWidthFull();
        minutes.setLabel(getTranslation("topic.controls.minutes"));
        minutes.setMin(1);
        minutes.setMax(ThreadControls.SLOW_MODE_MAX_MINUTES);
        minutes.setValue(5);
        hours.setLabel(getTranslation("topic.controls.hours"));
        hours.setMin(1);
        hours.setMax(24 * 30);
        hours.setValue(24);
        lock.addClickListener(e -> act(() -> controls.setLocked(topicId, !controls.state(topicId).locked(),
                reason.getValue())));
        pin.addClickListener(e -> act(() -> controls.setPinned(topicId, !controls.state(topicId).pinned(),
                reason.getValue())));
        slowMode.setText(getTranslation("topic.controls.slowMode"));
        slowMode.addClickListener(e -> act(() -> controls.slowMode(topicId,
                minutes.getValue() == null ? 0 : minutes.getValue(),
                Duration.ofHours(hours.getValue() == null ? 0 : hours.getValue()), reason.getValue())));
        endSlowMode.setText(getTranslation("topic.controls.endSlowMode"));
        endSlowMode.addClickListener(e -> act(() -> controls.endSlowMode(topicId, reason.getValue())));
        var slow = new FlexLayout(minutes, hours, slowMode, endSlowMode);
        slow.setAlignItems(FlexComponent.Alignment.BASELINE);
        slow.getStyle().set("gap", "var(--lumo-space-s)");
        slow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        var buttons = new FlexLayout(lock, pin);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");
        category.setLabel(getTranslation("topic.moveTo"));
        category.setItems(categories);
        category.setItemLabelGenerator(Category::name);
        categories.stream().filter(c -> current != null && c.id() == current.id()).findFirst()
                .ifPresent(category::setValue);
        move.setText(getTranslation("topic.move"));
        move.addClickListener(e -> act(() -> {
            if (category.getValue() != null) {
                controls.move(topicId, category.getValue().id(), reason.getValue());
            }
        }));
        var moving = new FlexLayout(category, move);
        moving.setAlignItems(FlexComponent.Alignment.BASELINE);
        moving.getStyle().set("gap", "var(--lumo-space-s)");
        moving.setVisible(!categories.isEmpty());
        add(state, reason, buttons, slow, moving);
        show();
    }

    private void show() {
        var now = controls.state(topicId);
        lock.setText(getTranslation(now.locked() ? "topic.controls.unlock" : "topic.controls.lock"));
        pin.setText(getTranslation(now.pinned() ? "topic.controls.unpin" : "topic.controls.pin"));
        boolean slow = now.slowModeAt(clock.instant());
        state.setText(slow ? getTranslation("topic.controls.slowModeOn", now.slowModeMinutes(),
                Dates.dateTime(now.slowModeUntil(), getLocale())) : "");
        state.setVisible(slow);
        endSlowMode.setEnabled(slow);
    }

    private void act(Runnable change) {
        try {
            change.run();
            reason.clear();
            reason.setInvalid(false);
            Notification.show(getTranslation("topic.controls.done"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
            changed.run();
        } catch (DebateException ex) {
            String message = getTranslation(ex.messageKey(), ex.args());
            if ("reason".equals(ex.field())) {
                reason.setErrorMessage(message);
                reason.setInvalid(true);
            } else {
                Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
