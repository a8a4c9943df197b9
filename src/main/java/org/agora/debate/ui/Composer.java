package org.agora.debate.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.UUID;
import java.util.function.Consumer;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Post;
import org.agora.debate.Relation;
import org.agora.debate.Stance;
import org.agora.shared.text.Markdown;

/**
 * Writes a post or a reply: a stance on the thread's question, for replies whether it supports or challenges
 * its parent, and a Markdown body with a live preview. A double click posts once (one client key per draft);
 * on any refusal the text stays where it is.
 */
class Composer extends Div {
    final RadioButtonGroup<Stance> stance = new RadioButtonGroup<>();
    final RadioButtonGroup<Relation> relation = new RadioButtonGroup<>();
    final TextArea body = new TextArea();
    final Div preview = new Div();
    final Button submit = new Button();
    final Button cancel = new Button();
    private final DebateService debates;
    private final long topicId;
    private final Post parent;
    private final Consumer<Post> onPosted;
    private UUID draftKey = UUID.randomUUID();

    Composer(DebateService debates, long topicId, Post parent, Consumer<Post> onPosted, Runnable onCancel) {
        this.debates = debates;
        this.topicId = topicId;
        this.parent = parent;
        this.onPosted = onPosted;
        addClassName("agora-composer");
        var title = new H3(getTranslation(parent == null ? "composer.title" : "composer.replyTitle",
                parent == null ? "" : parent.author().displayName()));

        stance.setLabel(getTranslation("composer.stance"));
        stance.setItems(Stance.PRO, Stance.CON, Stance.NEUTRAL);
        stance.setItemLabelGenerator(s -> getTranslation("composer.stance." + s.name()));
        stance.setRequired(true);

        relation.setLabel(getTranslation("composer.relation"));
        relation.setItems(Relation.SUPPORTS, Relation.CHALLENGES);
        relation.setItemLabelGenerator(r -> getTranslation("composer.relation." + r.name()));
        relation.setVisible(parent != null && !parent.opening());
        relation.addValueChangeListener(e -> {
            if (e.getValue() != null && parent != null && stance.isEmpty()) {
                stance.setValue(defaultStance(parent.stance(), e.getValue()));
            }
        });

        body.setLabel(getTranslation("composer.body"));
        body.setHelperText(getTranslation("composer.body.help", DebateService.BODY_MAX));
        body.setMaxLength(DebateService.BODY_MAX);
        body.setMinRows(4);
        body.setWidthFull();
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setValueChangeTimeout(400);
        body.addValueChangeListener(e -> renderPreview());
        preview.addClassName("agora-preview");
        preview.getElement().setAttribute("aria-label", getTranslation("composer.preview"));
        preview.setVisible(false);

        submit.setText(getTranslation(parent == null ? "composer.post" : "composer.reply"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> send());
        cancel.setText(getTranslation("composer.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> onCancel.run());
        cancel.setVisible(onCancel != null);
        add(title, relation, stance, body, preview, new HorizontalLayout(submit, cancel));
    }

    static Stance defaultStance(Stance parentStance, Relation relation) {
        if (relation == Relation.SUPPORTS || parentStance == Stance.NEUTRAL) {
            return parentStance;
        }
        return parentStance == Stance.PRO ? Stance.CON : Stance.PRO;
    }

    /** Starts the draft with a quotation of another post. */
    void quote(Post post) {
        String quoted = post.body().lines().map(l -> "> " + l).reduce((a, b) -> a + "\n" + b).orElse("");
        String prefix = "> **@" + post.author().username() + "** wrote:\n" + quoted + "\n\n";
        body.setValue(prefix + body.getValue());
        body.focus();
    }

    private void renderPreview() {
        String text = body.getValue();
        preview.removeAll();
        if (text.isBlank() || text.length() > DebateService.BODY_MAX) {
            preview.setVisible(false);
            return;
        }
        preview.add(new Html("<div class=\"agora-post-body\">" + Markdown.toHtml(text) + "</div>"));
        preview.setVisible(true);
    }

    void send() {
        body.setInvalid(false);
        stance.setInvalid(false);
        relation.setInvalid(false);
        try {
            if (relation.isVisible() && relation.isEmpty()) {
                throw new DebateException("relation", "post.relationRequired");
            }
            Post post = debates.post(topicId, parent == null ? null : parent.id(), stance.getValue(),
                    relation.isVisible() ? relation.getValue() : null, body.getValue(), draftKey);
            draftKey = UUID.randomUUID();
            body.clear();
            stance.clear();
            relation.clear();
            preview.setVisible(false);
            onPosted.accept(post);
        } catch (DebateException e) {
            DebateErrors.show(this, e, java.util.Map.of("body", body, "stance", stance, "relation", relation));
        } finally {
            submit.setEnabled(true);
        }
    }
}
