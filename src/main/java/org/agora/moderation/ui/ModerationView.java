package org.agora.moderation.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.agora.moderation.AuditEntry;
import org.agora.moderation.ModerationStats;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** The moderator console's dashboard: what waits, what Agora hid on its own, what was done lately. */
@Route(value = "moderation", layout = MainLayout.class)
@RolesAllowed({"MODERATOR", "ADMIN"})
@Menu(title = "nav.moderation", order = 80, icon = "vaadin:gavel")
class ModerationView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final Span pendingFlags = new Span();
    final Span openItems = new Span();
    final Span autoHidden = new Span();
    final Div chart = new Div();
    final UnorderedList recent = new UnorderedList();
    private final ModerationStats stats;

    ModerationView(ModerationStats stats) {
        this.stats = stats;
        addClassName("agora-page");
        var links = new Div(new Anchor("/moderation/queue", getTranslation("moderation.queue.title")),
                new Anchor("/moderation/log", getTranslation("moderation.log.title")),
                new Anchor("/moderation/users", getTranslation("members.title")),
                new Anchor("/transparency", getTranslation("transparency.title")));
        if (org.agora.account.CurrentUser.get().map(u -> u.role() == org.agora.account.Role.ADMIN).orElse(false)) {
            links.add(new Anchor("/moderation/settings", getTranslation("settings.title")));
        }
        links.addClassName("agora-console-links");
        var figures = new Div(figure(pendingFlags, "moderation.stats.pendingFlags"),
                figure(openItems, "moderation.stats.openItems"), figure(autoHidden, "moderation.stats.autoHidden"));
        figures.addClassName("agora-stats");
        var activity = new Section(new H2(getTranslation("moderation.stats.activity")), chart);
        activity.addClassName("agora-card");
        var latest = new Section(new H2(getTranslation("moderation.stats.recent")), recent);
        latest.addClassName("agora-card");
        add(new H1(getTranslation("moderation.title")), links, figures, activity, latest);
    }

    private Div figure(Span value, String labelKey) {
        value.addClassName("agora-stat-value");
        var label = new Span(getTranslation(labelKey));
        label.addClassName("agora-muted");
        var box = new Div(value, label);
        box.addClassName("agora-stat");
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var d = stats.dashboard();
        pendingFlags.setText(String.valueOf(d.pendingFlags()));
        openItems.setText(String.valueOf(d.openItems()));
        autoHidden.setText(String.valueOf(d.autoHidden()));
        chart.removeAll();
        chart.add(new Html("<div class=\"agora-chart-box\">"
                + ActivityChart.svg(getTranslation("moderation.stats.activityChart", ModerationStats.DAYS), d.perDay(),
                getLocale()) + "</div>"));
        recent.removeAll();
        for (AuditEntry e : d.recent()) {
            recent.add(new ListItem(Dates.dateTime(e.at(), getLocale()) + " · " + Labels.actor(this, e) + " · "
                    + Labels.action(this, e.action()) + " · " + Labels.target(this, e.targetType(), e.targetId())));
        }
        if (d.recent().isEmpty()) {
            recent.add(new ListItem(getTranslation("moderation.stats.nothingYet")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title") + " · Agora";
    }

    static Paragraph muted(String text) {
        var p = new Paragraph(text);
        p.addClassName("agora-muted");
        return p;
    }
}
