package org.agora.debate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.agora.debate.Notification;
import org.agora.debate.NotificationService;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** The signed-in member's notifications, newest first; opening one marks it read. */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle {
    final Div list = new Div();
    final Button markAll = new Button();
    final Button more = new Button();
    private final NotificationService notifications;
    private Notification last;

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("agora-narrow");
        markAll.setText(getTranslation("notifications.markAll"));
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(e -> {
            notifications.markAllRead();
            reload();
        });
        more.setText(getTranslation("notifications.more"));
        more.addClickListener(e -> loadMore());
        list.setWidthFull();
        add(new H1(getTranslation("notifications.title")), markAll, list, more);
        reload();
    }

    private void reload() {
        list.removeAll();
        last = null;
        loadMore();
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph(getTranslation("notifications.empty")));
        }
    }

    private void loadMore() {
        List<Notification> page = notifications.inbox(last);
        page.forEach(n -> list.add(item(n)));
        if (!page.isEmpty()) {
            last = page.getLast();
        }
        more.setVisible(page.size() == NotificationService.PAGE);
    }

    private Anchor item(Notification n) {
        var link = new Anchor("/" + n.postPath(), "");
        link.addClassName("agora-notification");
        if (!n.read()) {
            link.addClassName("agora-notification-unread");
        }
        String title = n.topicTitle().isEmpty() ? getTranslation("topic.hiddenByModerators") : n.topicTitle();
        var what = new Span(getTranslation("notifications." + n.kind().name(), n.actorName(), title));
        what.getStyle().set("font-weight", n.read() ? "400" : "600");
        var when = new Span(Dates.dateTime(n.createdAt(), getLocale()) + (n.read() ? "" : " · " + getTranslation("notifications.unread")));
        when.addClassName("agora-muted");
        link.add(what);
        if (!n.excerpt().isEmpty()) {
            link.add(new Span(n.excerpt()));
        }
        link.add(when);
        link.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · Agora";
    }
}
