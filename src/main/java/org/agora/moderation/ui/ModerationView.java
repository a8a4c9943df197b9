package org.agora.moderation.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.agora.shared.ui.MainLayout;

/** The moderator console's entry (review queue, sanctions and log come with the Moderation feature). */
@Route(value = "moderation", layout = MainLayout.class)
@RolesAllowed({"MODERATOR", "ADMIN"})
@Menu(title = "nav.moderation", order = 80, icon = "vaadin:gavel")
class ModerationView extends VerticalLayout implements HasDynamicTitle {
    ModerationView() {
        addClassName("agora-page");
        add(new H1(getTranslation("moderation.title")), new Paragraph(getTranslation("moderation.comingUp")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title") + " · Agora";
    }
}
