package org.agora.debate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.debate.DebateCatalog;
import org.agora.shared.ui.MainLayout;

/** Home: what Agora is, the featured questions from the article, and the categories. */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {
    final Div questions = new Div();
    final Div categories = new Div();

    HomeView(DebateCatalog catalog) {
        addClassName("agora-page");
        var intro = new Paragraph(getTranslation("home.intro"));
        intro.addClassName("agora-lead");
        questions.addClassName("agora-cards");
        catalog.featured().forEach(t -> questions.add(new TopicCard(t)));
        categories.addClassName("agora-categories");
        catalog.categories().forEach(c -> {
            var link = new RouterLink(c.name(), ThreadsView.class);
            link.setQueryParameters(QueryParameters.of("category", c.slug()));
            link.getElement().setAttribute("title", c.description());
            categories.add(link);
        });
        add(new H1(getTranslation("home.title")), intro,
                new Section(new H2(getTranslation("home.featured")), questions),
                new Section(new H2(getTranslation("home.categories")), categories));
    }

    @Override
    public String getPageTitle() {
        return "Agora · " + getTranslation("home.title");
    }
}
