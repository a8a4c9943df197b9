package org.agora.debate.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Post;
import org.agora.debate.Revision;
import org.agora.shared.text.Markdown;
import org.agora.shared.ui.Dates;

/** One post: who, which side, what it answers, the body, and what the reader may do with it. */
class PostCard extends Article {
    /** What the page around a card does when its buttons are used. */
    interface Actions {
        boolean signedIn();

        long me();

        boolean convinced(long postId);

        void reply(Post post);

        void quote(Post post);

        void toggleConvincing(Post post);

        void changed(Post post);

        java.util.List<Revision> revisions(long postId);

        DebateService debates();

        /** Whether the signed-in member can flag posts here at all (a flagging service is present). */
        default boolean canFlag() {
            return false;
        }

        /** Opens the flag dialog for this post. */
        default void flag(Post post) {
        }
    }

    final Button convincing = new Button();
    final Button edit = new Button();
    final Button delete = new Button();
    final Button flag = new Button();
    final Div body = new Div();
    private final Post post;
    private final Actions actions;
    private boolean editing;

    PostCard(Post post, Actions actions) {
        this.post = post;
        this.actions = actions;
        addClassName("agora-post");
        addClassName("agora-post-" + post.stance().name().toLowerCase(java.util.Locale.ROOT));
        setId("post-" + post.id());
        add(header(), body, footer());
        showBody();
    }

    Post post() {
        return post;
    }

    /** Whether its author is editing it right now (a live update must not replace it then). */
    boolean editing() {
        return editing;
    }

    private Div header() {
        var header = new Div();
        header.addClassName("agora-post-header");
        if (post.author().isSystem()) {
            header.add(new Span(post.author().displayName()));
        } else {
            header.add(new Anchor("/u/" + post.author().username(), post.author().displayName()));
        }
        header.add(new StanceBadge(post.stance()));
        if (post.relation() != null && post.parentId() != null) {
            var rel = new Anchor("#post-" + post.parentId(), getTranslation("post.relation." + post.relation().name()));
            rel.addClassName("agora-relation");
            header.add(rel);
        }
        var when = new Span(Dates.dateTime(post.createdAt(), getLocale()));
        when.addClassName("agora-muted");
        header.add(when);
        if (post.edited() && !post.deleted() && !post.withheld()) {
            var history = new Button(getTranslation("post.edited"), e -> showHistory());
            history.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            history.setTooltipText(getTranslation("post.history"));
            header.add(history);
        }
        return header;
    }

    private void showBody() {
        editing = false;
        body.removeAll();
        body.addClassName("agora-post-content");
        if (post.deleted()) {
            var gone = new Paragraph(getTranslation(post.removedByModerators() ? "post.removedByModerators"
                    : "post.deletedByAuthor"));
            gone.addClassName("agora-muted");
            body.add(gone);
        } else if (post.withheld()) {
            // the text never left the server: the catalog withheld it from this reader
            var hidden = new Paragraph(getTranslation("post.hiddenByModerators"));
            hidden.addClassName("agora-muted");
            hidden.addClassName("agora-post-hidden");
            body.add(hidden);
        } else {
            if (post.hidden()) {
                var notice = new Paragraph(getTranslation("post.hiddenNotice", post.hiddenReason()));
                notice.addClassName("agora-post-hidden-notice");
                body.add(notice);
            }
            body.add(new Html("<div class=\"agora-post-body\">" + post.html() + "</div>"));
        }
    }

    private HorizontalLayout footer() {
        var footer = new HorizontalLayout();
        footer.addClassName("agora-post-actions");
        boolean mine = actions.signedIn() && post.author().id() == actions.me();
        boolean convinced = actions.convinced(post.id());
        convincing.setText(getTranslation("post.convincing", post.convincing()));
        convincing.setIcon(convinced ? VaadinIcon.THUMBS_UP.create() : VaadinIcon.THUMBS_UP_O.create());
        convincing.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        convincing.getElement().setAttribute("aria-pressed", String.valueOf(convinced));
        convincing.setEnabled(actions.signedIn() && !mine && !post.deleted() && !post.withheld());
        convincing.setTooltipText(getTranslation(mine ? "post.convincing.own" : "post.convincing.help"));
        convincing.addClickListener(e -> actions.toggleConvincing(post));
        footer.add(convincing);
        if (post.deleted() || post.withheld() || !actions.signedIn()) {
            return footer;
        }
        var reply = new Button(getTranslation("post.reply"), VaadinIcon.REPLY.create(), e -> actions.reply(post));
        var quote = new Button(getTranslation("post.quote"), VaadinIcon.QUOTE_LEFT.create(), e -> actions.quote(post));
        reply.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        quote.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (!post.hidden()) {
            footer.add(reply, quote);
        }
        if (!mine && actions.canFlag()) {
            flag.setText(getTranslation("post.flag"));
            flag.setIcon(VaadinIcon.FLAG_O.create());
            flag.setAriaLabel(getTranslation("post.flag.label", post.author().displayName()));
            flag.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            flag.addClickListener(e -> actions.flag(post));
            footer.add(flag);
        }
        if (mine) {
            edit.setText(getTranslation("post.edit"));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.addClickListener(e -> startEdit());
            footer.add(edit);
            if (!post.opening()) {
                delete.setText(getTranslation("post.delete"));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                delete.addClickListener(e -> confirmDelete());
                footer.add(delete);
            }
        }
        return footer;
    }

    void startEdit() {
        editing = true;
        body.removeAll();
        var text = new TextArea(getTranslation("post.edit.label"));
        text.setValue(post.body());
        text.setWidthFull();
        text.setMaxLength(DebateService.BODY_MAX);
        var save = new Button(getTranslation("post.edit.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                actions.changed(actions.debates().edit(post.id(), post.version(), text.getValue()));
            } catch (DebateException ex) {
                DebateErrors.show(this, ex, Map.of("body", text));
            } finally {
                save.setEnabled(true);
            }
        });
        var cancel = new Button(getTranslation("composer.cancel"), e -> showBody());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        body.add(text, new HorizontalLayout(save, cancel));
        text.focus();
    }

    private void confirmDelete() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("post.delete.title"));
        dialog.add(new Paragraph(getTranslation("post.delete.text")));
        var yes = new Button(getTranslation("post.delete.confirm"), e -> {
            dialog.close();
            try {
                actions.debates().delete(post.id());
                actions.changed(null);
            } catch (DebateException ex) {
                DebateErrors.show(this, ex, Map.of());
            }
        });
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var no = new Button(getTranslation("composer.cancel"), e -> dialog.close());
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void showHistory() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("post.history"));
        dialog.setWidth("min(48rem, 95vw)");
        boolean byStaff = false; // whether the version shown next was written by moderators
        for (Revision r : actions.revisions(post.id())) {
            var title = new H2(getTranslation("post.history.version", r.version() + 1,
                    Dates.dateTime(r.createdAt(), getLocale()))
                    + (byStaff ? " \u00b7 " + getTranslation("post.history.byStaff") : ""));
            title.addClassName("agora-history-title");
            dialog.add(title, new Html("<div class=\"agora-post-body\">" + Markdown.toHtml(r.body()) + "</div>"));
            byStaff = r.replacedByStaff();
        }
        var current = new H2(getTranslation("post.history.current", Dates.dateTime(post.editedAt(), getLocale()))
                + (byStaff ? " \u00b7 " + getTranslation("post.history.byStaff") : ""));
        current.addClassName("agora-history-title");
        dialog.add(current, new Html("<div class=\"agora-post-body\">" + post.html() + "</div>"));
        dialog.getFooter().add(new Button(getTranslation("post.history.close"), e -> dialog.close()));
        dialog.open();
    }
}
