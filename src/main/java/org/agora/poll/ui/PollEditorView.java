package org.agora.poll.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.poll.Poll;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollDraft;
import org.agora.poll.PollException;
import org.agora.poll.PollKind;
import org.agora.poll.PollOption;
import org.agora.poll.PollService;
import org.agora.poll.ResultsVisibility;
import org.agora.shared.text.Markdown;
import org.agora.shared.ui.MainLayout;

/**
 * Write a poll: its kind, question and answers, the rules it runs by, with a live preview; save it as a draft
 * (only you see it) or publish it. Every problem is shown on its field at once and nothing typed is lost.
 */
@Route(value = "polls/new", layout = MainLayout.class)
@RouteAlias(value = "polls/:id([0-9]{1,18})/edit", layout = MainLayout.class)
@PermitAll
class PollEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    static final String SCALE_5 = "5", SCALE_7 = "7", SCALE_NUMERIC = "numeric";

    final H1 title = new H1();
    final Select<PollKind> kind = new Select<>();
    final TextField question = new TextField();
    final TextArea description = new TextArea();
    final Div optionRows = new Div();
    final List<TextField> options = new ArrayList<>();
    final Button addOption = new Button();
    final Checkbox allowOther = new Checkbox();
    final IntegerField minChoices = new IntegerField();
    final IntegerField maxChoices = new IntegerField();
    final Select<String> scalePreset = new Select<>();
    final IntegerField scaleMin = new IntegerField();
    final IntegerField scaleMax = new IntegerField();
    final IntegerField scaleStep = new IntegerField();
    final TextField scaleLow = new TextField();
    final TextField scaleHigh = new TextField();
    final TextArea criteria = new TextArea();
    final DateTimePicker resolvesAt = new DateTimePicker();
    final DateTimePicker closesAt = new DateTimePicker();
    final Select<ResultsVisibility> visibility = new Select<>();
    final Checkbox publicVoters = new Checkbox();
    final Div preview = new Div();
    final Button saveDraft = new Button();
    final Button publish = new Button();
    final Button delete = new Button();
    private final Div choiceFields = new Div();
    private final Div scaleFields = new Div();
    private final Div forecastFields = new Div();
    private final Div optionFields = new Div();
    private final PollAuthoring authoring;
    private final PollService polls;
    private Poll editing;

    PollEditorView(PollAuthoring authoring, PollService polls) {
        this.authoring = authoring;
        this.polls = polls;
        addClassName("agora-narrow");
        kind.setLabel(getTranslation("editor.kind"));
        kind.setItems(PollKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("poll.kind." + k.name()));
        kind.setValue(PollKind.SINGLE);
        question.setLabel(getTranslation("editor.question"));
        question.setMaxLength(PollDraft.MAX_QUESTION_CHARS);
        question.setRequired(true);
        question.setWidthFull();
        description.setLabel(getTranslation("editor.description"));
        description.setMaxLength(PollDraft.MAX_DESCRIPTION_CHARS);
        description.setWidthFull();
        addOption.setText(getTranslation("editor.addOption"));
        addOption.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addOption.addClickListener(e -> addOptionRow("").focus());
        allowOther.setLabel(getTranslation("editor.allowOther"));
        minChoices.setLabel(getTranslation("editor.minChoices"));
        maxChoices.setLabel(getTranslation("editor.maxChoices"));
        minChoices.setMin(1);
        maxChoices.setMin(1);
        minChoices.setValue(1);
        maxChoices.setValue(2);
        minChoices.setStepButtonsVisible(true);
        maxChoices.setStepButtonsVisible(true);
        scalePreset.setLabel(getTranslation("editor.scalePreset"));
        scalePreset.setItems(SCALE_5, SCALE_7, SCALE_NUMERIC);
        scalePreset.setItemLabelGenerator(p -> getTranslation(switch (p) {
            case SCALE_5 -> "editor.scale5";
            case SCALE_7 -> "editor.scale7";
            default -> "editor.scaleNumeric";
        }));
        scalePreset.setValue(SCALE_5);
        scaleMin.setLabel(getTranslation("editor.scaleMin"));
        scaleMax.setLabel(getTranslation("editor.scaleMax"));
        scaleStep.setLabel(getTranslation("editor.scaleStep"));
        scaleStep.setMin(1);
        scaleLow.setLabel(getTranslation("editor.scaleLow"));
        scaleHigh.setLabel(getTranslation("editor.scaleHigh"));
        scaleLow.setMaxLength(PollDraft.MAX_SCALE_LABEL_CHARS);
        scaleHigh.setMaxLength(PollDraft.MAX_SCALE_LABEL_CHARS);
        criteria.setLabel(getTranslation("editor.criteria"));
        criteria.setMaxLength(PollDraft.MAX_DESCRIPTION_CHARS);
        criteria.setWidthFull();
        resolvesAt.setLabel(getTranslation("editor.resolvesAt"));
        closesAt.setLabel(getTranslation("editor.closesAt"));
        closesAt.setMin(LocalDateTime.now(zone()));
        resolvesAt.setMin(LocalDateTime.now(zone()));
        visibility.setLabel(getTranslation("editor.visibility"));
        visibility.setItems(ResultsVisibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation("editor.visibility." + v.name()));
        visibility.setValue(ResultsVisibility.ALWAYS);
        publicVoters.setLabel(getTranslation("editor.publicVoters"));
        optionRows.addClassName("agora-option-rows");
        optionFields.add(new Paragraph(getTranslation("editor.options")), optionRows, addOption, allowOther);
        choiceFields.add(new HorizontalLayout(minChoices, maxChoices));
        scaleFields.add(scalePreset, new HorizontalLayout(scaleMin, scaleMax, scaleStep), new HorizontalLayout(scaleLow, scaleHigh));
        forecastFields.add(criteria, resolvesAt);
        saveDraft.setText(getTranslation("editor.saveDraft"));
        saveDraft.setDisableOnClick(true);
        saveDraft.addClickListener(e -> save(false));
        publish.setText(getTranslation("editor.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setDisableOnClick(true);
        publish.addClickListener(e -> save(true));
        delete.setText(getTranslation("editor.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setVisible(false);
        delete.addClickListener(e -> deleteDraft());
        preview.addClassName("agora-poll-preview");
        var previewBox = new Section(new H2(getTranslation("editor.preview")), preview);
        previewBox.addClassName("agora-card");
        add(title, kind, question, description, optionFields, choiceFields, scaleFields, forecastFields, closesAt,
                visibility, publicVoters, new HorizontalLayout(publish, saveDraft, delete), previewBox);
        addOptionRow("");
        addOptionRow("");
        List.of(kind, scalePreset).forEach(c -> c.addValueChangeListener(e -> showKindFields()));
        question.setValueChangeMode(ValueChangeMode.LAZY);
        description.setValueChangeMode(ValueChangeMode.LAZY);
        question.addValueChangeListener(e -> showPreview());
        description.addValueChangeListener(e -> showPreview());
        List.of(allowOther, publicVoters).forEach(c -> c.addValueChangeListener(e -> showPreview()));
        visibility.addValueChangeListener(e -> showPreview());
        showKindFields();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id");
        title.setText(getTranslation(id.isPresent() ? "editor.editTitle" : "editor.title"));
        if (id.isEmpty()) {
            return;
        }
        editing = polls.find(id.get()).filter(Poll::isDraft).filter(PollAuthoring::canManage)
                .orElseThrow(NotFoundException::new);
        fill(editing);
        delete.setVisible(true);
    }

    private void fill(Poll poll) {
        kind.setValue(poll.kind());
        question.setValue(poll.question());
        description.setValue(poll.description());
        options.clear();
        optionRows.removeAll();
        poll.options().stream().filter(o -> !o.other()).map(PollOption::label).forEach(this::addOptionRow);
        while (options.size() < 2) {
            addOptionRow("");
        }
        allowOther.setValue(poll.otherOption().isPresent());
        minChoices.setValue(poll.minChoices());
        maxChoices.setValue(poll.maxChoices());
        if (poll.kind() == PollKind.SCALE) {
            boolean agreement = poll.scaleMin() == 1 && poll.scaleStep() == 1 && (poll.scaleMax() == 5 || poll.scaleMax() == 7);
            scalePreset.setValue(agreement ? String.valueOf(poll.scaleMax()) : SCALE_NUMERIC);
            scaleMin.setValue(poll.scaleMin());
            scaleMax.setValue(poll.scaleMax());
            scaleStep.setValue(poll.scaleStep());
            scaleLow.setValue(poll.scaleLowLabel() == null ? "" : poll.scaleLowLabel());
            scaleHigh.setValue(poll.scaleHighLabel() == null ? "" : poll.scaleHighLabel());
        }
        criteria.setValue(poll.resolutionCriteria());
        resolvesAt.setValue(local(poll.resolvesAt()));
        closesAt.setValue(local(poll.closesAt()));
        visibility.setValue(poll.visibility());
        publicVoters.setValue(poll.publicVoters());
        showKindFields();
    }

    TextField addOptionRow(String value) {
        var field = new TextField();
        field.setMaxLength(PollDraft.MAX_OPTION_CHARS);
        field.setValue(value);
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> showPreview());
        var remove = new Button("×");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var row = new HorizontalLayout(field, remove);
        row.setWidthFull();
        row.setAlignItems(Alignment.BASELINE);
        remove.addClickListener(e -> {
            options.remove(field);
            optionRows.remove(row);
            relabelOptions();
            showPreview();
        });
        options.add(field);
        optionRows.add(row);
        relabelOptions();
        return field;
    }

    private void relabelOptions() {
        for (int i = 0; i < options.size(); i++) {
            options.get(i).setLabel(getTranslation("editor.option", i + 1));
            var remove = (Button) options.get(i).getParent().orElseThrow().getChildren().skip(1).findFirst().orElseThrow();
            remove.setAriaLabel(getTranslation("editor.removeOption", i + 1));
            remove.setEnabled(options.size() > PollDraft.MIN_OPTIONS);
        }
        addOption.setEnabled(options.size() < PollDraft.MAX_OPTIONS);
    }

    private void showKindFields() {
        PollKind k = kind.getValue();
        optionFields.setVisible(k == PollKind.SINGLE || k == PollKind.MULTIPLE || k == PollKind.RANKED);
        allowOther.setVisible(k == PollKind.SINGLE || k == PollKind.MULTIPLE);
        choiceFields.setVisible(k == PollKind.MULTIPLE);
        scaleFields.setVisible(k == PollKind.SCALE);
        boolean numeric = SCALE_NUMERIC.equals(scalePreset.getValue());
        scaleMin.setVisible(numeric);
        scaleMax.setVisible(numeric);
        scaleStep.setVisible(numeric);
        forecastFields.setVisible(k == PollKind.FORECAST);
        closesAt.setLabel(getTranslation(k == PollKind.FORECAST ? "editor.closesAtForecast" : "editor.closesAt"));
        closesAt.setRequiredIndicatorVisible(k == PollKind.FORECAST);
        showPreview();
    }

    PollDraft draft() {
        PollKind k = kind.getValue();
        Integer min = null;
        Integer max = null;
        int step = 1;
        String low = null;
        String high = null;
        if (k == PollKind.SCALE) {
            if (SCALE_NUMERIC.equals(scalePreset.getValue())) {
                min = scaleMin.getValue();
                max = scaleMax.getValue();
                step = scaleStep.getValue() == null ? 1 : scaleStep.getValue();
            } else {
                min = 1;
                max = Integer.parseInt(scalePreset.getValue());
            }
            low = scaleLow.getValue();
            high = scaleHigh.getValue();
        }
        return new PollDraft(k, question.getValue(), description.getValue(),
                options.stream().map(TextField::getValue).toList(), allowOther.getValue(),
                minChoices.getValue() == null ? 1 : minChoices.getValue(),
                maxChoices.getValue() == null ? 0 : maxChoices.getValue(), min, max, step, low, high,
                visibility.getValue(), publicVoters.getValue(), instant(closesAt.getValue()), criteria.getValue(),
                instant(resolvesAt.getValue()));
    }

    void save(boolean andPublish) {
        clearErrors();
        try {
            long id;
            if (editing == null) {
                id = authoring.create(draft(), andPublish);
            } else {
                id = editing.id();
                authoring.updateDraft(id, editing.version(), draft());
                if (andPublish) {
                    authoring.publish(id);
                }
            }
            if (andPublish) {
                getUI().ifPresent(ui -> ui.navigate("polls/" + id));
            } else {
                editing = polls.find(id).orElseThrow();
                delete.setVisible(true);
                title.setText(getTranslation("editor.editTitle"));
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "polls/" + id + "/edit"));
                Notification.show(getTranslation("editor.saved"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        } catch (PollException e) {
            showProblems(e);
        } finally {
            saveDraft.setEnabled(true);
            publish.setEnabled(true);
        }
    }

    private void deleteDraft() {
        if (editing == null) {
            return;
        }
        try {
            authoring.deleteDraft(editing.id());
            Notification.show(getTranslation("editor.deleted"), 3000, Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate("polls"));
        } catch (PollException e) {
            showProblems(e);
        }
    }

    private void showProblems(PollException e) {
        var general = new ArrayList<String>();
        for (var problem : e.problems()) {
            String message = getTranslation(problem.key(), problem.args());
            Component field = field(problem.field());
            if (field instanceof HasValidation v) {
                v.setErrorMessage(message);
                v.setInvalid(true);
            } else {
                general.add(message);
            }
        }
        String text = general.isEmpty() ? getTranslation("editor.fixProblems") : String.join(" ", general);
        Notification.show(text, 6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private Component field(String name) {
        if (name.startsWith("option.")) {
            int i = Integer.parseInt(name.substring("option.".length()));
            return nonBlankOption(i);
        }
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("question", question);
        fields.put("description", description);
        fields.put("options", options.isEmpty() ? null : options.getFirst());
        fields.put("choices", maxChoices);
        fields.put("scale", SCALE_NUMERIC.equals(scalePreset.getValue()) ? scaleMax : scalePreset);
        fields.put("scaleLowLabel", scaleLow);
        fields.put("scaleHighLabel", scaleHigh);
        fields.put("resolutionCriteria", criteria);
        fields.put("resolvesAt", resolvesAt);
        fields.put("closesAt", closesAt);
        return fields.get(name);
    }

    /** The i-th option as the service counted it: blank rows are skipped there. */
    private Component nonBlankOption(int index) {
        return index < options.size() ? options.get(index) : null;
    }

    private void clearErrors() {
        List<HasValidation> all = new ArrayList<>(List.of(kind, question, description, minChoices, maxChoices,
                scalePreset, scaleMin, scaleMax, scaleLow, scaleHigh, criteria, resolvesAt, closesAt));
        all.addAll(options);
        all.forEach(v -> v.setInvalid(false));
    }

    private void showPreview() {
        preview.removeAll();
        var draft = draft();
        preview.add(new H2(draft.question() == null || draft.question().isBlank() ? "…" : draft.question()));
        if (draft.description() != null && !draft.description().isBlank()) {
            preview.add(new Html("<div class=\"agora-post-body\">" + Markdown.toHtml(draft.description()) + "</div>"));
        }
        var answers = new UnorderedList();
        switch (draft.kind()) {
            case SINGLE, MULTIPLE, RANKED -> {
                draft.options().stream().filter(o -> o != null && !o.isBlank()).forEach(o -> answers.add(new ListItem(o)));
                if (draft.allowOther() && draft.kind() != PollKind.RANKED) {
                    answers.add(new ListItem(getTranslation("poll.other") + ": …"));
                }
            }
            case SCALE -> {
                if (draft.scaleMin() != null && draft.scaleMax() != null && draft.scaleMax() > draft.scaleMin()) {
                    answers.add(new ListItem(draft.scaleMin() + (isBlank(draft.scaleLowLabel()) ? "" : " · " + draft.scaleLowLabel())
                            + " … " + draft.scaleMax() + (isBlank(draft.scaleHighLabel()) ? "" : " · " + draft.scaleHighLabel())));
                }
            }
            case FORECAST -> answers.add(new ListItem(getTranslation("poll.probability.help")));
        }
        preview.add(answers);
        var rules = new Span(getTranslation("editor.visibility") + ": " + getTranslation("editor.visibility." + draft.visibility().name())
                + " · " + getTranslation(draft.publicVoters() ? "poll.publicVoters" : "poll.secretVoters"));
        rules.addClassName("agora-muted");
        preview.add(rules);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static ZoneId zone() {
        return org.agora.shared.ui.Dates.zoneOfReader();
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(zone()).toInstant();
    }

    private static LocalDateTime local(Instant value) {
        return value == null ? null : LocalDateTime.ofInstant(value, zone());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("editor.title") + " · Agora";
    }
}
