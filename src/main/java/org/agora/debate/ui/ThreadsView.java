package org.agora.debate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.agora.account.CurrentUser;
import org.agora.debate.Category;
import org.agora.debate.DebateCatalog;
import org.agora.debate.Topic;
import org.agora.debate.TopicSort;
import org.agora.shared.ui.MainLayout;

/** All threads by category or tag, by latest activity, newest or most active, a page at a time (keyset). */
@Route(value = "threads", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.threads", order = 10, icon = "vaadin:comments-o")
class ThreadsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final int PAGE = 20;
    final Select<Optional<Category>> categoryTabs = new Select<>();
    final Select<TopicSort> sort = new Select<>();
    final Div list = new Div();
    final Button more = new Button();
    final Button start = new Button();
    private final DebateCatalog catalog;
    private final List<Category> categories;
    private Long categoryId;
    private String tag;
    private Topic last;
    private boolean navigating;

    ThreadsView(DebateCatalog catalog) {
        this.catalog = catalog;
        this.categories = catalog.categories();
        addClassName("agora-page");
        var choices = new java.util.ArrayList<Optional<Category>>();
        choices.add(Optional.empty());
        categories.forEach(c -> choices.add(Optional.of(c)));
        categoryTabs.setLabel(getTranslation("search.category"));
        categoryTabs.setItems(choices);
        categoryTabs.setItemLabelGenerator(c -> c.map(Category::name).orElse(getTranslation("threads.all")));
        categoryTabs.setValue(Optional.empty());
        categoryTabs.addValueChangeListener(e -> update());
        sort.setLabel(getTranslation("threads.sort"));
        sort.setItems(TopicSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("threads.sort." + s.name()));
        sort.setValue(TopicSort.LATEST_ACTIVITY);
        sort.addValueChangeListener(e -> update());
        start.setText(getTranslation("threads.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NewTopicView.class)));
        start.setVisible(CurrentUser.get().isPresent());
        var bar = new HorizontalLayout(categoryTabs, sort, start);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        list.addClassName("agora-cards");
        more.setText(getTranslation("threads.more"));
        more.addClickListener(e -> loadMore());
        add(new H1(getTranslation("threads.title")), bar, list, more);
    }

    private void update() {
        if (navigating) {
            return;
        }
        var params = new HashMap<String, String>();
        categoryTabs.getValue().ifPresent(c -> params.put("category", c.slug()));
        if (sort.getValue() != null && sort.getValue() != TopicSort.LATEST_ACTIVITY) {
            params.put("sort", sort.getValue().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (tag != null) {
            params.put("tag", tag);
        }
        getUI().ifPresent(ui -> ui.navigate(ThreadsView.class, QueryParameters.simple(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        String slug = query.getSingleParameter("category").orElse(null);
        tag = query.getSingleParameter("tag").filter(t -> t.matches("[a-z0-9-]{1,30}")).orElse(null);
        TopicSort order = query.getSingleParameter("sort").map(s -> {
            try {
                return TopicSort.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return TopicSort.LATEST_ACTIVITY;
            }
        }).orElse(TopicSort.LATEST_ACTIVITY);
        Optional<Category> chosen = categories.stream().filter(c -> c.slug().equals(slug)).findFirst();
        categoryId = chosen.map(Category::id).orElse(null);
        navigating = true;
        categoryTabs.setValue(chosen);
        sort.setValue(order);
        navigating = false;
        list.removeAll();
        last = null;
        loadMore();
    }

    void loadMore() {
        var page = catalog.topicsPinnedFirst(sort.getValue(), categoryId, tag, last, PAGE);
        page.forEach(t -> list.add(new TopicCard(t)));
        if (!page.isEmpty()) {
            last = page.getLast();
        }
        more.setVisible(page.size() == PAGE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("threads.title") + " · Agora";
    }
}
