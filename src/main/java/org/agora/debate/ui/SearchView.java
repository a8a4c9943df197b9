package org.agora.debate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.debate.DebateCatalog;
import org.agora.shared.ui.MainLayout;

/** Search threads (full-text over titles and summaries). */
@Route(value = "search", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.search", order = 40, icon = "vaadin:search")
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final TextField query = new TextField();
    final Div results = new Div();
    final Paragraph summary = new Paragraph();
    private final DebateCatalog catalog;

    SearchView(DebateCatalog catalog) {
        this.catalog = catalog;
        addClassName("agora-page");
        query.setLabel(getTranslation("search.label"));
        query.setMaxLength(200);
        query.setClearButtonVisible(true);
        query.addKeyDownListener(Key.ENTER, e -> getUI().ifPresent(ui ->
                ui.navigate(SearchView.class, QueryParameters.of("q", query.getValue().strip()))));
        summary.getElement().setAttribute("role", "status");
        results.addClassName("agora-cards");
        add(new H1(getTranslation("search.title")), query, summary, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("").strip();
        query.setValue(q);
        results.removeAll();
        if (q.isEmpty()) {
            summary.setText(getTranslation("search.empty"));
            return;
        }
        var found = catalog.search(q, 50);
        summary.setText(getTranslation("search.count", found.size(), q));
        found.forEach(t -> results.add(new TopicCard(t)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title") + " · Agora";
    }
}
