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
import java.util.Locale;
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
    private final LinkedHashSet<String> tagItems = new LinkedHashSet<>(List.of("agi", "jobs", "xai", "compute",
            "meaning", "forecast", "regulation", "energy"));

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
        tags.setItems(tagItems);
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            String tag = e.getDetail().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (!tag.isEmpty()) {
                tagItems.add(tag);
                tags.setItems(tagItems);
                var selected = new LinkedHashSet<>(tags.getValue());
                selected.add(tag);
                tags.setValue(selected);
            }
        });
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
