package org.agora.debate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.agora.debate.QuestionKind;
import org.agora.debate.Topic;
import org.agora.shared.ui.Dates;

/** A thread as a card: category, kind of answer, title (the link), summary, stance balance and activity. */
class TopicCard extends Div {
    TopicCard(Topic topic) {
        addClassName("agora-card");
        var meta = new Div();
        meta.addClassName("agora-card-meta");
        var category = new Span(topic.category().name());
        category.getElement().getThemeList().add("badge");
        meta.add(category);
        if (topic.kind() != QuestionKind.OPEN) {
            var kind = new Span(getTranslation("kind." + topic.kind().name()));
            kind.getElement().getThemeList().add("badge contrast");
            meta.add(kind);
        }
        topic.tags().forEach(t -> {
            var tag = new Span("#" + t);
            tag.addClassName("agora-tag");
            meta.add(tag);
        });
        var link = new RouterLink();
        link.setRoute(TopicView.class, TopicView.parameters(topic));
        link.setText(topic.title());
        var title = new H3(link);
        var summary = new Paragraph(topic.summary());
        summary.addClassName("agora-muted");
        summary.addClassName("agora-card-summary");
        var activity = new Span(getTranslation("topic.counts", topic.replies(),
                Dates.date(topic.lastActivityAt(), getLocale())));
        activity.addClassName("agora-muted");
        add(meta, title, summary, new StanceBar(topic.pro(), topic.con(), topic.neutral()), activity);
    }
}
