package org.agora.debate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.agora.debate.Topic;

/** A question as a card: category, kind of answer, title (the link) and summary. */
class TopicCard extends Div {
    TopicCard(Topic topic) {
        addClassName("agora-card");
        var meta = new Div();
        meta.addClassName("agora-card-meta");
        var category = new Span(topic.category().name());
        category.getElement().getThemeList().add("badge");
        var kind = new Span(getTranslation("kind." + topic.kind().name()));
        kind.getElement().getThemeList().add("badge contrast");
        meta.add(category, kind);
        var link = new RouterLink();
        link.setRoute(TopicView.class, TopicView.parameters(topic));
        link.setText(topic.title());
        var title = new H3(link);
        var summary = new Paragraph(topic.summary());
        summary.addClassName("agora-muted");
        add(meta, title, summary);
    }
}
