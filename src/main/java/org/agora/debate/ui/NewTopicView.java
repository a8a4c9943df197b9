package org.agora.debate.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.debate.Category;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.shared.text.Markdown;
import org.agora.shared.ui.MainLayout;

/** Start a thread: a question, a category, up to five tags and an opening post that takes a side. */
@Route(value = "threads/new", layout = MainLayout.class)
@PermitAll
class NewTopicView extends VerticalLayout implements HasDynamicTitle {
    final TextField title = new TextField();
    final Select<Category> category = new Select<>();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    final RadioButtonGroup<Stance> stance = new RadioButtonGroup<>();
    final TextArea body = new TextArea();
    final Div preview = new Div();
    final Button submit = new Button();
    private final DebateService debates;
    private final UUID draftKey = UUID.randomUUID();
    /** Suggested tags; the list offered is these plus the member's own chosen ones (bounded: no more than the cap). */
    private static final List<String> SUGGESTED_TAGS = List.of("agi", "jobs", "xai", "compute", "meaning", "forecast",
            "regulation", "energy");

    /**
     * A tag the member typed: checked at once (the same rule as on submit) and refused beyond the cap, so that the
     * list never grows past the suggestions and the member's own few, whatever a client sends.
     */
    void addTypedTag(String typed) {
        var selected = new LinkedHashSet<>(tags.getValue());
        try {
            var tag = DebateService.tag(typed).filter(t -> !selected.contains(t)).orElse(null);
            if (tag == null) {
                return;
            }
            if (selected.size() >= DebateService.TAGS_MAX) {
                throw new DebateException("tags", "topic.tooManyTags", DebateService.TAGS_MAX);
            }
            selected.add(tag);
        } catch (DebateException ex) {
            tags.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            tags.setInvalid(true);
            return;
        }
        var items = new LinkedHashSet<>(SUGGESTED_TAGS);
        items.addAll(selected);
        tags.setItems(items);
        tags.setValue(selected);
        tags.setInvalid(false);
    }

    NewTopicView(DebateCatalog catalog, DebateService debates) {
        this.debates = debates;
        addClassName("agora-narrow");
        title.setLabel(getTranslation("newTopic.question"));
        title.setHelperText(getTranslation("newTopic.question.help", DebateService.TITLE_MAX));
        title.setMaxLength(DebateService.TITLE_MAX);
        title.setRequired(true);
        title.setWidthFull();
        title.setValueChangeMode(ValueChangeMode.EAGER);
        category.setLabel(getTranslation("newTopic.category"));
        category.setItems(catalog.categories());
        category.setItemLabelGenerator(Category::name);
        category.setRequiredIndicatorVisible(true);
        tags.setLabel(getTranslation("newTopic.tags"));
        tags.setHelperText(getTranslation("newTopic.tags.help", DebateService.TAGS_MAX));
        tags.setItems(SUGGESTED_TAGS);
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> addTypedTag(e.getDetail()));
        tags.setWidthFull();
        stance.setLabel(getTranslation("newTopic.stance"));
        stance.setItems(Stance.PRO, Stance.CON, Stance.NEUTRAL);
        stance.setItemLabelGenerator(s -> getTranslation("composer.stance." + s.name()));
        stance.setValue(Stance.NEUTRAL);
        body.setLabel(getTranslation("newTopic.body"));
        body.setHelperText(getTranslation("composer.body.help", DebateService.BODY_MAX));
        body.setMaxLength(DebateService.BODY_MAX);
        body.setMinRows(6);
        body.setWidthFull();
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> renderPreview());
        preview.addClassName("agora-preview");
        preview.setVisible(false);
        submit.setText(getTranslation("newTopic.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> create());
        add(new H1(getTranslation("newTopic.title")), title, category, tags, stance, body, preview, submit);
    }

    private void renderPreview() {
        preview.removeAll();
        String text = body.getValue();
        preview.setVisible(!text.isBlank() && text.length() <= DebateService.BODY_MAX);
        if (preview.isVisible()) {
            preview.add(new Html("<div class=\"agora-post-body\">" + Markdown.toHtml(text) + "</div>"));
        }
    }

    void create() {
        title.setInvalid(false);
        category.setInvalid(false);
        tags.setInvalid(false);
        body.setInvalid(false);
        try {
            if (category.isEmpty()) {
                throw new DebateException("category", "topic.categoryRequired");
            }
            var topic = debates.startTopic(title.getValue(), category.getValue().id(), new ArrayList<>(tags.getValue()),
                    stance.getValue(), body.getValue(), draftKey);
            getUI().ifPresent(ui -> ui.navigate(TopicView.class, TopicView.parameters(topic)));
        } catch (DebateException e) {
            DebateErrors.show(this, e, Map.of("title", title, "category", category, "tags", tags, "body", body));
        } finally {
            submit.setEnabled(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("newTopic.title") + " · Agora";
    }
}
