package org.agora.debate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.agora.debate.Category;
import org.agora.debate.DebateCatalog;
import org.agora.debate.Topic;
import org.agora.shared.ui.MainLayout;

/** All threads, newest first, by category, loaded a page at a time (keyset paging). */
@Route(value = "threads", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.threads", order = 10, icon = "vaadin:comments-o")
class ThreadsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final int PAGE = 20;
    final Tabs categoryTabs = new Tabs();
    final Div list = new Div();
    final Button more = new Button();
    private final DebateCatalog catalog;
    private final List<Category> categories;
    private Long categoryId;
    private Topic last;

    ThreadsView(DebateCatalog catalog) {
        this.catalog = catalog;
        this.categories = catalog.categories();
        addClassName("agora-page");
        categoryTabs.add(new Tab(getTranslation("threads.all")));
        categories.forEach(c -> categoryTabs.add(new Tab(c.name())));
        categoryTabs.addSelectedChangeListener(e -> {
            int i = categoryTabs.getSelectedIndex();
            getUI().ifPresent(ui -> ui.navigate(ThreadsView.class,
                    i == 0 ? QueryParameters.empty() : QueryParameters.of("category", categories.get(i - 1).slug())));
        });
        list.addClassName("agora-cards");
        more.setText(getTranslation("threads.more"));
        more.addClickListener(e -> loadMore());
        add(new H1(getTranslation("threads.title")), categoryTabs, list, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getLocation().getQueryParameters().getSingleParameter("category").orElse(null);
        categoryId = null;
        int index = 0;
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).slug().equals(slug)) {
                categoryId = categories.get(i).id();
                index = i + 1;
            }
        }
        categoryTabs.setSelectedIndex(index);
        list.removeAll();
        last = null;
        loadMore();
    }

    void loadMore() {
        var page = catalog.latest(categoryId, last, PAGE);
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
