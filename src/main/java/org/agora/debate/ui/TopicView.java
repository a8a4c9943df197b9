package org.agora.debate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.debate.DebateCatalog;
import org.agora.debate.Topic;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** A thread: its question and opening summary (posts and the argument map come with the Debates feature). */
@Route(value = "threads/:id([0-9]{1,18})/:slug?", layout = MainLayout.class)
@AnonymousAllowed
class TopicView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final H1 title = new H1();
    final Paragraph summary = new Paragraph();
    final Div meta = new Div();
    private final DebateCatalog catalog;
    private Topic topic;

    TopicView(DebateCatalog catalog) {
        this.catalog = catalog;
        addClassName("agora-page");
        meta.addClassName("agora-card-meta");
        add(meta, title, summary, new Paragraph(getTranslation("topic.comingUp")));
    }

    static RouteParameters parameters(Topic topic) {
        String[] parts = topic.path().split("/");
        return new RouteParameters(java.util.Map.of("id", parts[1], "slug", parts[2]));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        topic = catalog.find(id).orElseThrow(NotFoundException::new);
        title.setText(topic.title());
        summary.setText(topic.summary());
        meta.removeAll();
        var category = new Span(topic.category().name());
        category.getElement().getThemeList().add("badge");
        meta.add(category, new Span(" · " + Dates.date(topic.createdAt(), getLocale())));
    }

    @Override
    public String getPageTitle() {
        return topic == null ? "Agora" : topic.title() + " · Agora";
    }
}
