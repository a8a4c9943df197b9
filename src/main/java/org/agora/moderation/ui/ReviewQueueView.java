package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.agora.account.CurrentUser;
import org.agora.moderation.FlagReason;
import org.agora.moderation.ModerationAction;
import org.agora.moderation.ModerationException;
import org.agora.moderation.QueueFilter;
import org.agora.moderation.QueueItem;
import org.agora.moderation.ReviewQueue;
import org.agora.moderation.TargetType;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/**
 * The review queue: flagged items, the longest waiting first, each with all its flags. A moderator claims an
 * item (the others see who), then dismisses the flags, hides, restores or removes, giving a reason each time.
 */
@Route(value = "moderation/queue", layout = MainLayout.class)
@RolesAllowed({"MODERATOR", "ADMIN"})
class ReviewQueueView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final Select<FlagReason> reason = new Select<>();
    final TextField flagger = new TextField();
    final Select<QueueFilter.Age> age = new Select<>();
    final Div items = new Div();
    private final ReviewQueue queue;

    private final org.agora.debate.DebateCatalog catalog;

    ReviewQueueView(ReviewQueue queue, org.agora.debate.DebateCatalog catalog) {
        this.catalog = catalog;
        this.queue = queue;
        addClassName("agora-page");
        reason.setLabel(getTranslation("moderation.queue.reason"));
        reason.setItems(FlagReason.values());
        reason.setEmptySelectionAllowed(true);
        reason.setEmptySelectionCaption(getTranslation("moderation.queue.anyReason"));
        reason.setItemLabelGenerator(r -> r == null ? getTranslation("moderation.queue.anyReason") : Labels.reason(this, r));
        reason.addValueChangeListener(e -> reload());
        flagger.setLabel(getTranslation("moderation.queue.flagger"));
        flagger.setClearButtonVisible(true);
        flagger.setMaxLength(100);
        flagger.addValueChangeListener(e -> reload());
        age.setLabel(getTranslation("moderation.queue.age"));
        age.setItems(QueueFilter.Age.values());
        age.setItemLabelGenerator(a -> getTranslation("moderation.queue.age." + a.name()));
        age.setValue(QueueFilter.Age.ANY);
        age.addValueChangeListener(e -> reload());
        var filters = new HorizontalLayout(reason, flagger, age);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("agora-queue-filters");
        items.setWidthFull();
        items.addClassName("agora-queue");
        add(new H1(getTranslation("moderation.queue.title")),
                new Anchor("/moderation", getTranslation("moderation.backToConsole")), filters, items);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    void reload() {
        items.removeAll();
        List<QueueItem> open = queue.open(new QueueFilter(reason.getValue(), flagger.getValue(), age.getValue()));
        if (open.isEmpty()) {
            items.add(new Paragraph(getTranslation("moderation.queue.empty")));
        }
        open.forEach(i -> items.add(card(i)));
    }

    private Article card(QueueItem item) {
        var card = new Article();
        card.addClassName("agora-card");
        card.addClassName("agora-queue-item");
        card.setId("item-" + item.id());
        var content = item.content();
        var heading = new H2();
        heading.addClassName("agora-queue-title");
        heading.add(new Span(Labels.type(this, item.target().type()) + ": "),
                new Anchor(content.path(), content.title().isEmpty() ? "#" + item.target().id() : content.title()));
        card.add(heading);

        var state = new Div();
        state.addClassName("agora-card-meta");
        if (content.gone()) {
            state.add(badge("moderation.state.gone", "contrast"));
        }
        if (content.removed()) {
            state.add(badge("moderation.state.removed", "error"));
        } else if (content.hidden()) {
            state.add(badge(item.autoHiddenAt() != null ? "moderation.state.autoHidden" : "moderation.state.hidden",
                    "error"));
        }
        if (item.claimedBy() != null) {
            var claimed = new Span(getTranslation("moderation.state.claimedBy", item.claimedBy()));
            claimed.getElement().getThemeList().add("badge");
            claimed.addClassName("agora-claim");
            state.add(claimed);
        }
        card.add(state);
        if (!content.authorName().isEmpty()) {
            var author = ModerationView.muted(getTranslation("moderation.queue.author", content.authorName()));
            if (!content.authorUsername().isEmpty()) {
                // warn, silence or suspend the author: their file on /moderation/users, one click away
                author.add(" · ");
                author.add(new Anchor("/moderation/users?u=" + content.authorUsername(),
                        getTranslation("moderation.queue.authorFile")));
            }
            card.add(author);
        }
        var excerpt = new Paragraph(content.excerpt());
        excerpt.addClassName("agora-queue-excerpt");
        card.add(excerpt);

        String counts = item.countsByReason().entrySet().stream()
                .map(e -> Labels.reason(this, e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        if (item.heldReason() != null) {
            card.add(new Paragraph(getTranslation("moderation.queue.held", item.heldReason())));
        }
        if (!item.flags().isEmpty()) {
            card.add(new Paragraph(getTranslation("moderation.queue.flags", item.flags().size(), counts,
                    Dates.dateTime(item.firstFlaggedAt(), getLocale()),
                    Dates.dateTime(item.lastFlaggedAt(), getLocale()))));
        }
        var flags = new UnorderedList();
        flags.addClassName("agora-queue-flags");
        for (QueueItem.Flag f : item.flags()) {
            String text = f.text() == null ? "" : " — “" + f.text() + "”";
            flags.add(new ListItem(Labels.reason(this, f.reason()) + text + " · " + getTranslation("moderation.queue.by",
                    f.flagger(), Dates.dateTime(f.at(), getLocale()))));
        }
        card.add(flags, actions(item));
        return card;
    }

    private HorizontalLayout actions(QueueItem item) {
        long me = CurrentUser.get().map(u -> u.id().value()).orElse(-1L);
        boolean mine = item.claimedById() != null && item.claimedById() == me;
        boolean othersClaim = item.claimedById() != null && !mine;
        var bar = new HorizontalLayout();
        bar.addClassName("agora-queue-actions");
        if (mine) {
            bar.add(button("moderation.release", false, () -> {
                queue.release(item.id());
                reload();
            }));
        } else if (!othersClaim) {
            bar.add(button("moderation.claim", true, () -> {
                queue.claim(item.id());
                reload();
            }));
        }
        FlagReason suggested = item.countsByReason().keySet().stream().findFirst().orElse(null);
        var content = item.content();
        bar.add(decision(item, ModerationAction.DISMISS, suggested, othersClaim));
        if (!content.hidden() && !content.removed() && !content.gone()) {
            bar.add(decision(item, ModerationAction.HIDE, suggested, othersClaim));
        }
        if ((content.hidden() || content.removed()) && !content.gone()) {
            bar.add(decision(item, ModerationAction.RESTORE, suggested, othersClaim));
        }
        if (!content.removed() && !content.gone() && item.target().type() != TargetType.POLL_OPTION) {
            bar.add(decision(item, ModerationAction.EDIT, suggested, othersClaim));
            bar.add(decision(item, ModerationAction.SOFT_DELETE, suggested, othersClaim));
        }
        if (item.target().type() == TargetType.TOPIC && !content.removed() && !content.gone()) {
            bar.add(decision(item, ModerationAction.MOVE, suggested, othersClaim));
        }
        return bar;
    }

    private Button decision(QueueItem item, ModerationAction action, FlagReason suggested, boolean blocked) {
        var button = new Button(getTranslation("moderation.action." + action.name()));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (action == ModerationAction.SOFT_DELETE) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        button.setEnabled(!blocked);
        if (blocked) {
            button.setTooltipText(getTranslation("moderation.claimedByOther", item.claimedBy()));
        }
        button.addClickListener(e -> new ActionDialog(action, suggested,
                action == ModerationAction.EDIT ? queue.editableText(item.id()).orElse("") : null,
                action == ModerationAction.MOVE ? catalog.categories() : java.util.List.of(),
                (category, reason, notify, body, destination) -> {
            switch (action) {
                case DISMISS -> queue.dismiss(item.id(), category, reason, notify);
                case HIDE -> queue.hide(item.id(), category, reason, notify);
                case RESTORE -> queue.restore(item.id(), category, reason, notify);
                case SOFT_DELETE -> queue.softDelete(item.id(), category, reason, notify);
                case EDIT -> queue.edit(item.id(), category, reason, body, notify);
                case MOVE -> queue.move(item.id(), category, reason, destination, notify);
                default -> throw new IllegalStateException(action.name());
            }
        }, () -> {
            Notices.done(getTranslation("moderation.done." + action.name()));
            reload();
        }).open());
        return button;
    }

    private Button button(String key, boolean primary, Runnable run) {
        var button = new Button(getTranslation(key), e -> {
            try {
                run.run();
            } catch (ModerationException ex) {
                Notices.error(getTranslation(ex.messageKey(), ex.args()));
                reload();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    private Span badge(String key, String theme) {
        var badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.queue.title") + " · Agora";
    }
}
