package org.agora.poll.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.shared.ui.MainLayout;

/** Forecasters' scores and the community's calibration, once forecasts are resolved. */
@Route(value = "leaderboard", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.leaderboard", order = 30, icon = "vaadin:trophy")
class LeaderboardView extends VerticalLayout implements HasDynamicTitle {
    LeaderboardView() {
        addClassName("agora-page");
        add(new H1(getTranslation("leaderboard.title")), new Paragraph(getTranslation("leaderboard.comingUp")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("leaderboard.title") + " · Agora";
    }
}
