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
import org.agora.debate.MemberProfile;
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
    private final DebateCatalog catalog;
    private MemberProfile profile;

    ProfileView(DebateCatalog catalog) {
        this.catalog = catalog;
        addClassName("agora-narrow");
        posts.addClassName("agora-profile-posts");
        add(name, facts, new H2(getTranslation("profile.recent")), posts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String username = event.getRouteParameters().get("username").orElseThrow(NotFoundException::new);
        profile = catalog.profile(username).orElseThrow(NotFoundException::new);
        name.setText(profile.displayName());
        facts.setText(getTranslation("profile.facts", profile.username(), Dates.date(profile.memberSince(), getLocale()),
                profile.posts(), profile.convincingReceived()));
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

    @Override
    public String getPageTitle() {
        return profile == null ? "Agora" : profile.displayName() + " · Agora";
    }
}
