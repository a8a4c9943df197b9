package org.agora.debate.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import org.agora.debate.Category;
import org.agora.debate.DebateCatalog;
import org.agora.debate.SearchResult;
import org.agora.debate.Stance;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** Full-text search over thread titles and posts, ranked, with highlighted snippets; by category and stance. */
@Route(value = "search", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.search", order = 40, icon = "vaadin:search")
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final TextField query = new TextField();
    final Select<Optional<Category>> category = new Select<>();
    final Select<Optional<Stance>> stance = new Select<>();
    final Div results = new Div();
    final Paragraph summary = new Paragraph();
    private final DebateCatalog catalog;
    private boolean navigating;

    SearchView(DebateCatalog catalog) {
        this.catalog = catalog;
        addClassName("agora-page");
        query.setLabel(getTranslation("search.label"));
        query.setMaxLength(200);
        query.setClearButtonVisible(true);
        query.addKeyDownListener(Key.ENTER, e -> go());
        var categories = new java.util.ArrayList<Optional<Category>>();
        categories.add(Optional.empty());
        catalog.categories().forEach(c -> categories.add(Optional.of(c)));
        category.setLabel(getTranslation("search.category"));
        category.setItems(categories);
        category.setItemLabelGenerator(c -> c.map(Category::name).orElse(getTranslation("search.anyCategory")));
        category.setValue(Optional.empty());
        category.addValueChangeListener(e -> go());
        stance.setLabel(getTranslation("search.stance"));
        stance.setItems(Optional.empty(), Optional.of(Stance.PRO), Optional.of(Stance.CON), Optional.of(Stance.NEUTRAL));
        stance.setItemLabelGenerator(s -> s.map(v -> getTranslation("stance." + v.name())).orElse(getTranslation("search.anyStance")));
        stance.setValue(Optional.empty());
        stance.addValueChangeListener(e -> go());
        var filters = new HorizontalLayout(query, category, stance);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("agora-search-filters");
        summary.getElement().setAttribute("role", "status");
        results.addClassName("agora-results");
        add(new H1(getTranslation("search.title")), filters, summary, results);
    }

    private void go() {
        if (navigating) {
            return;
        }
        var params = new HashMap<String, String>();
        params.put("q", query.getValue().strip());
        category.getValue().ifPresent(c -> params.put("category", c.slug()));
        stance.getValue().ifPresent(s -> params.put("stance", s.name().toLowerCase(Locale.ROOT)));
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, QueryParameters.simple(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        String q = params.getSingleParameter("q").orElse("").strip();
        Optional<Category> cat = params.getSingleParameter("category").flatMap(catalog::categoryBySlug);
        Optional<Stance> st = params.getSingleParameter("stance").flatMap(s -> {
            try {
                return Optional.of(Stance.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        });
        navigating = true;
        query.setValue(q);
        category.setValue(cat);
        stance.setValue(st);
        navigating = false;
        results.removeAll();
        if (q.isEmpty()) {
            summary.setText(getTranslation("search.empty"));
            return;
        }
        var found = catalog.search(q, cat.map(Category::id).orElse(null), st.orElse(null), 50);
        summary.setText(getTranslation("search.count", found.size(), q));
        found.forEach(r -> results.add(result(r)));
    }

    private Div result(SearchResult r) {
        var card = new Div();
        card.addClassName("agora-card");
        var link = new Anchor("/" + r.topicPath() + (r.opening() ? "" : "#post-" + r.postId()), r.topicTitle());
        var meta = new Div(new StanceBadge(r.stance()), new Span(r.opening() ? getTranslation("search.result.opening")
                : r.authorName()), new Span(r.categoryName()), new Span(Dates.date(r.createdAt(), getLocale())));
        meta.addClassName("agora-card-meta");
        // the snippet was escaped before its <mark> tags were added (SearchRepository.highlight)
        card.add(new H3(link), meta, new Html("<p class=\"agora-snippet\">" + r.snippetHtml() + "</p>"));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title") + " · Agora";
    }
}
