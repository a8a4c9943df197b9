package org.agora.debate.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.debate.DebateCatalog;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import org.agora.debate.MemberProfile;
import org.agora.poll.ForecastResolution;
import org.agora.poll.ForecastScore;
import org.agora.shared.text.Markdown;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** A member's public page: since when, how many posts, how often others found them convincing, latest posts. */
@Route(value = "u/:username([A-Za-z0-9_]{1,20})", layout = MainLayout.class)
@AnonymousAllowed
class ProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final H1 name = new H1();
    final Paragraph facts = new Paragraph();
    final Div posts = new Div();
    final Div scores = new Div();
    private final DebateCatalog catalog;
    private final ForecastResolution forecasts;
    private MemberProfile profile;

    ProfileView(DebateCatalog catalog, ForecastResolution forecasts) {
        this.catalog = catalog;
        this.forecasts = forecasts;
        addClassName("agora-narrow");
        posts.addClassName("agora-profile-posts");
        scores.addClassName("agora-profile-scores");
        add(name, facts, new H2(getTranslation("profile.scores")), scores, new H2(getTranslation("profile.recent")), posts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String username = event.getRouteParameters().get("username").orElseThrow(NotFoundException::new);
        profile = catalog.profile(username).orElseThrow(NotFoundException::new);
        name.setText(profile.displayName());
        facts.setText(getTranslation("profile.facts", profile.username(), Dates.date(profile.memberSince(), getLocale()),
                profile.posts(), profile.convincingReceived()));
        showScores(profile.username());
        posts.removeAll();
        if (profile.recentPosts().isEmpty()) {
            posts.add(new Paragraph(getTranslation("profile.noPosts")));
        }
        for (MemberProfile.RecentPost p : profile.recentPosts()) {
            var item = new Div();
            item.addClassName("agora-card");
            item.add(new Anchor("/" + p.path(), p.topicTitle()));
            item.add(new StanceBadge(p.stance()), new Paragraph(Markdown.toPlainText(p.body(), 240)));
            posts.add(item);
        }
    }

    private void showScores(String username) {
        scores.removeAll();
        var rows = forecasts.scoresOf(username);
        if (rows.isEmpty()) {
            scores.add(new Paragraph(getTranslation("profile.noScores")));
            return;
        }
        var body = new NativeTableBody(new NativeTableRow(new NativeTableHeaderCell(getTranslation("poll.pageTitle")),
                new NativeTableHeaderCell(getTranslation("poll.resolve.outcome")),
                new NativeTableHeaderCell(getTranslation("poll.scores.brier")),
                new NativeTableHeaderCell(getTranslation("poll.scores.log"))));
        for (ForecastScore s : rows) {
            body.add(new NativeTableRow(new NativeTableCell(new Anchor("/polls/" + s.pollId(), s.question())),
                    new NativeTableCell(getTranslation("poll.resolve." + s.resolution())),
                    new NativeTableCell(String.format(getLocale(), "%.3f", s.brier())),
                    new NativeTableCell(String.format(getLocale(), "%.3f", s.log()))));
        }
        double brier = rows.stream().mapToDouble(ForecastScore::brier).average().orElse(0);
        body.add(new NativeTableRow(new NativeTableCell("⌀ " + rows.size()), new NativeTableCell(""),
                new NativeTableCell(String.format(getLocale(), "%.3f", brier)),
                new NativeTableCell(String.format(getLocale(), "%.3f",
                        rows.stream().mapToDouble(ForecastScore::log).average().orElse(0)))));
        var table = new NativeTable(body);
        table.addClassName("agora-table");
        scores.add(table);
    }

    @Override
    public String getPageTitle() {
        return profile == null ? "Agora" : profile.displayName() + " · Agora";
    }
}
