package org.agora.poll.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.agora.poll.EmbedSettings;
import org.agora.poll.Poll;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollException;

/**
 * The poll's "Embed" dialog (author and moderators; {@link PollEmbedding#update} checks again): turn embedding on,
 * list the websites (origins) allowed to show it or allow any, let their readers vote anonymously, copy the web
 * component or iframe snippet, and see a live preview of the framed page.
 */
class EmbedDialog extends Dialog {
    final Checkbox enabled = new Checkbox();
    final Checkbox anyOrigin = new Checkbox();
    final TextArea origins = new TextArea();
    final Checkbox anonymous = new Checkbox();
    final Checkbox resultsAfterVoting = new Checkbox();
    final Button save = new Button();
    final TextArea componentSnippet = new TextArea();
    final TextArea iframeSnippet = new TextArea();
    final Div preview = new Div();
    private final PollEmbedding embedding;
    private final Poll poll;

    EmbedDialog(PollEmbedding embedding, Poll poll) {
        this.embedding = embedding;
        this.poll = poll;
        setHeaderTitle(getTranslation("embed.dialogTitle"));
        setWidth("min(52rem, 96vw)");
        EmbedSettings s = embedding.settings(poll.id());
        enabled.setLabel(getTranslation("embed.enabled"));
        enabled.setValue(s.enabled());
        anyOrigin.setLabel(getTranslation("embed.anyOrigin"));
        anyOrigin.setValue(s.anyOrigin());
        origins.setLabel(getTranslation("embed.origins"));
        origins.setHelperText(getTranslation("embed.originsHelp"));
        origins.setPlaceholder("https://example.org");
        origins.setValue(String.join("\n", s.origins()));
        origins.setWidthFull();
        origins.setEnabled(!s.anyOrigin());
        anyOrigin.addValueChangeListener(e -> origins.setEnabled(!e.getValue()));
        anonymous.setLabel(getTranslation("embed.anonymous"));
        anonymous.setHelperText(getTranslation("embed.anonymousHelp"));
        anonymous.setValue(s.anonymousVoting());
        resultsAfterVoting.setLabel(getTranslation("embed.resultsAfterVoting"));
        resultsAfterVoting.setValue(s.resultsAfterVoting());
        save.setText(getTranslation("embed.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        String base = embedding.baseUrl();
        componentSnippet.setLabel(getTranslation("embed.webComponent"));
        componentSnippet.setValue("<script type=\"module\" src=\"" + base + "/widget/agora-poll.js\"></script>\n"
                + "<agora-poll poll=\"" + poll.id() + "\"" + (poll.topicId() != null ? " show-arguments" : "") + "></agora-poll>");
        iframeSnippet.setLabel(getTranslation("embed.iframe"));
        iframeSnippet.setValue("<iframe src=\"" + base + "/embed/poll/" + poll.id() + "\" data-agora-poll=\"" + poll.id()
                + "\" width=\"100%\" height=\"440\" style=\"border:0;max-width:36rem\" loading=\"lazy\" title=\"Agora poll\"></iframe>\n"
                + "<script>addEventListener(\"message\", e => { if (e.origin === \"" + base + "\" && e.data && e.data.type === \"agora-poll:resize\")"
                + " document.querySelectorAll('iframe[data-agora-poll=\"' + e.data.poll + '\"]').forEach(f => f.style.height = e.data.height + \"px\"); });</script>");
        for (TextArea snippet : new TextArea[] {componentSnippet, iframeSnippet}) {
            snippet.setReadOnly(true);
            snippet.setWidthFull();
            snippet.addClassName("agora-code");
        }
        var settings = new VerticalLayout(enabled, anyOrigin, origins, anonymous, resultsAfterVoting, save);
        settings.setPadding(false);
        var copyComponent = copyButton(componentSnippet);
        var copyIframe = copyButton(iframeSnippet);
        preview.setWidthFull();
        add(settings, componentSnippet, copyComponent, iframeSnippet, copyIframe, new H3(getTranslation("embed.preview")), preview);
        showPreview(s);
        getFooter().add(new Button(getTranslation("embed.close"), e -> close()));
    }

    private Button copyButton(TextArea snippet) {
        var copy = new Button(getTranslation("embed.copy"));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.getElement().setAttribute("aria-label", getTranslation("embed.copy") + ": " + snippet.getLabel());
        copy.addClickListener(e -> {
            UI.getCurrent().getPage().executeJs("return navigator.clipboard && navigator.clipboard.writeText($0)", snippet.getValue());
            Notification.show(getTranslation("embed.copied"), 2000, Notification.Position.BOTTOM_START);
        });
        return copy;
    }

    private void showPreview(EmbedSettings s) {
        preview.removeAll();
        if (!s.embeddable()) {
            preview.add(new Paragraph(getTranslation("embed.previewOff")));
            return;
        }
        var frame = new IFrame("/embed/poll/" + poll.id() + "?t=" + System.nanoTime());
        frame.setWidth("100%");
        frame.setHeight("440px");
        frame.getElement().setAttribute("title", getTranslation("embed.preview"));
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        preview.add(frame);
    }

    void save() {
        try {
            EmbedSettings saved = embedding.update(poll.id(), enabled.getValue(), anyOrigin.getValue(), origins.getValue(),
                    anonymous.getValue(), resultsAfterVoting.getValue());
            origins.setInvalid(false);
            origins.setValue(String.join("\n", saved.origins()));
            Notification.show(getTranslation("embed.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showPreview(saved);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Notification.show(getTranslation("poll.needTwoFactor"), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (PollException e) {
            if (e.messageKey().startsWith("embed.origin") || e.messageKey().equals("embed.tooManyOrigins")) {
                origins.setInvalid(true);
                origins.setErrorMessage(getTranslation(e.messageKey(), e.args()));
            }
            Notification.show(getTranslation(e.messageKey(), e.args()), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
