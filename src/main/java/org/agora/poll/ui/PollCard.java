package org.agora.poll.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.agora.account.CurrentUser;
import org.agora.poll.Ballot;
import org.agora.poll.Poll;
import org.agora.poll.PollException;
import org.agora.poll.PollKind;
import org.agora.poll.PollOption;
import org.agora.poll.PollResults;
import org.agora.poll.PollService;
import org.agora.poll.PollStatus;
import org.agora.shared.text.Markdown;
import org.agora.shared.ui.Dates;

/**
 * A poll with its ballot form (or a sign-in prompt, or why it is closed) and its results as an SVG chart with a
 * table alternative, updated live when anyone votes.
 */
public class PollCard extends Section {
    final RadioButtonGroup<PollOption> single = new RadioButtonGroup<>();
    final CheckboxGroup<PollOption> multiple = new CheckboxGroup<>();
    final RadioButtonGroup<Integer> scale = new RadioButtonGroup<>();
    final IntegerField probability = new IntegerField();
    final List<Select<PollOption>> ranking = new ArrayList<>();
    final Button vote = new Button();
    final Button retract = new Button();
    final Div results = new Div();
    final TextField otherText = new TextField();
    final Div otherAnswers = new Div();
    private final PollService polls;
    private Poll poll;
    private Runnable unwatch;

    public PollCard(PollService polls, Poll poll) {
        this.polls = polls;
        this.poll = poll;
        addClassName("agora-poll");
        setId("poll-" + poll.id());
        results.addClassName("agora-poll-results");
        results.getElement().setAttribute("aria-live", "polite");
        otherAnswers.addClassName("agora-other-answers");
        otherText.setLabel(getTranslation("poll.otherYours"));
        otherText.setMaxLength(200);
        otherText.setWidthFull();
        single.addValueChangeListener(e -> showOtherText());
        multiple.addValueChangeListener(e -> showOtherText());
        // listeners once, here: form() runs again after every vote and would otherwise stack them (one click cast
        // 1, 2, 4, ... ballots until the member's vote rate limit refused the last one)
        vote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        vote.setDisableOnClick(true);
        vote.addClickListener(e -> castVote());
        retract.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        retract.addClickListener(e -> retractBallot());
        add(header(), form(), results, otherAnswers);
        showResults();
    }

    private Div header() {
        var box = new Div();
        box.addClassName("agora-poll-header");
        var heading = new H2(poll.question());
        heading.addClassName("agora-poll-question");
        var now = Instant.now();
        String statusText = switch (poll.status()) {
            case DRAFT -> getTranslation("poll.status.draft");
            case RESOLVED -> getTranslation("poll.status.resolved", getTranslation("poll.resolve." + poll.resolution()));
            default -> getTranslation(poll.closedAt(now) ? "poll.status.closed" : "poll.status.open");
        };
        var status = new Span(statusText);
        status.addClassName("agora-poll-status");
        status.getElement().getThemeList().add(poll.acceptsBallotsAt(now) ? "badge success" : "badge contrast");
        box.add(new HorizontalLayout(heading, status));
        if (!poll.description().isBlank()) {
            box.add(new Html("<div class=\"agora-post-body\">" + Markdown.toHtml(poll.description()) + "</div>"));
        }
        var facts = new ArrayList<String>();
        poll.endedAt(now).ifPresentOrElse(at -> facts.add(getTranslation("poll.closedOn", Dates.dateTime(at, getLocale()))),
                () -> {
                    if (poll.closesAt() != null) {
                        facts.add(getTranslation("poll.closesAt", Dates.dateTime(poll.closesAt(), getLocale())));
                    }
                });
        if (poll.kind() == PollKind.FORECAST && poll.resolvesAt() != null && poll.status() != PollStatus.RESOLVED) {
            facts.add(getTranslation("poll.resolvesAt", Dates.date(poll.resolvesAt(), getLocale())));
        }
        facts.add(getTranslation(poll.publicVoters() ? "poll.publicVoters" : "poll.secretVoters"));
        var meta = new Paragraph(String.join(" · ", facts));
        meta.addClassName("agora-muted");
        box.add(meta);
        if (poll.kind() == PollKind.FORECAST && !poll.resolutionCriteria().isBlank()) {
            box.add(new Details(getTranslation("poll.criteria"), new Paragraph(poll.resolutionCriteria())));
        }
        if (poll.status() == PollStatus.RESOLVED && poll.resolutionNote() != null) {
            var note = new Paragraph(getTranslation("poll.resolutionNote") + ": " + poll.resolutionNote());
            note.addClassName("agora-resolution-note");
            box.add(note);
        }
        return box;
    }

    private Div form() {
        var form = new Div();
        form.addClassName("agora-poll-form");
        var now = Instant.now();
        if (!poll.acceptsBallotsAt(now)) {
            form.add(new Paragraph(getTranslation(poll.resolution() == null ? "poll.closedNotice" : "poll.resolvedNotice",
                    poll.resolution() == null ? "" : poll.resolution())));
            return form;
        }
        if (CurrentUser.get().isEmpty()) {
            var prompt = new Paragraph(getTranslation("poll.signInPrompt") + " ");
            prompt.add(new Anchor("/login", getTranslation("shell.login")));
            form.add(prompt);
            return form;
        }
        var mine = polls.myBallot(poll.id()).orElse(null);
        switch (poll.kind()) {
            case SINGLE -> {
                single.setLabel(getTranslation("poll.chooseOne"));
                single.setItems(poll.options());
                single.setItemLabelGenerator(this::optionLabel);
                if (mine != null) {
                    poll.options().stream().filter(o -> o.id() == mine.options().getFirst()).findFirst().ifPresent(single::setValue);
                }
                form.add(single);
            }
            case MULTIPLE -> {
                multiple.setLabel(getTranslation("poll.chooseUpTo", poll.maxChoices()));
                multiple.setItems(poll.options());
                multiple.setItemLabelGenerator(this::optionLabel);
                if (mine != null) {
                    multiple.setValue(new java.util.HashSet<>(poll.options().stream()
                            .filter(o -> mine.options().contains(o.id())).toList()));
                }
                form.add(multiple);
            }
            case SCALE -> {
                scale.setLabel(getTranslation("poll.scale", poll.scaleLowLabel() == null ? poll.scaleMin() : poll.scaleLowLabel(),
                        poll.scaleHighLabel() == null ? poll.scaleMax() : poll.scaleHighLabel()));
                scale.setItems(IntStream.rangeClosed(poll.scaleMin(), poll.scaleMax()).boxed().toList());
                scale.setItemLabelGenerator(v -> scaleLabel(v));
                if (mine != null) {
                    scale.setValue(mine.value());
                }
                form.add(scale);
            }
            case FORECAST -> {
                probability.setLabel(getTranslation("poll.probability"));
                probability.setMin(1);
                probability.setMax(99);
                probability.setStepButtonsVisible(true);
                probability.setSuffixComponent(new Span("%"));
                probability.setHelperText(getTranslation("poll.probability.help"));
                if (mine != null) {
                    probability.setValue(mine.value());
                }
                form.add(probability);
            }
            case RANKED -> {
                ranking.clear();
                for (int i = 0; i < poll.options().size(); i++) {
                    var select = new Select<PollOption>();
                    select.setLabel(getTranslation("poll.rank", i + 1));
                    select.setItems(poll.options());
                    select.setItemLabelGenerator(PollOption::label);
                    select.setEmptySelectionAllowed(true);
                    if (mine != null && i < mine.options().size()) {
                        long id = mine.options().get(i);
                        poll.options().stream().filter(o -> o.id() == id).findFirst().ifPresent(select::setValue);
                    }
                    ranking.add(select);
                }
                var row = new Div();
                row.addClassName("agora-poll-ranking");
                ranking.forEach(row::add);
                form.add(row);
            }
        }
        if (poll.otherOption().isPresent()) {
            otherText.setValue(polls.myOtherAnswer(poll.id()).orElse(""));
            form.add(otherText);
            showOtherText();
        }
        vote.setText(getTranslation(mine == null ? "poll.vote" : "poll.change"));
        retract.setText(getTranslation("poll.retract"));
        retract.setVisible(mine != null);
        form.add(new HorizontalLayout(vote, retract));
        return form;
    }

    void retractBallot() {
        try {
            polls.retract(poll.id());
        } catch (PollException ex) {
            error(ex);
        }
        replaceForm();
    }

    private String scaleLabel(int v) {
        return org.agora.poll.Answers.scaleLabel(poll, v);
    }

    void castVote() {
        try {
            Ballot ballot = switch (poll.kind()) {
                case SINGLE -> Ballot.ofOptions(single.isEmpty() ? List.of() : List.of(single.getValue().id()));
                case MULTIPLE -> Ballot.ofOptions(poll.options().stream().filter(multiple.getValue()::contains)
                        .map(PollOption::id).toList());
                case SCALE -> new Ballot(null, scale.getValue());
                case FORECAST -> new Ballot(null, probability.isInvalid() ? null : probability.getValue());
                case RANKED -> Ballot.ofOptions(ranking.stream().filter(s -> !s.isEmpty())
                        .map(s -> s.getValue().id()).toList());
            };
            polls.vote(poll.id(), ballot, otherText.isVisible() ? otherText.getValue() : null);
            replaceForm();
            Notification.show(getTranslation("poll.thanks"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PollException e) {
            if ("ballot.otherText".equals(e.messageKey())) {
                otherText.setErrorMessage(getTranslation(e.messageKey(), e.args()));
                otherText.setInvalid(true);
            }
            error(e);
            if ("poll.closed".equals(e.messageKey()) || "poll.notFound".equals(e.messageKey())) {
                refresh();
            }
        } finally {
            vote.setEnabled(true);
        }
    }

    private void error(PollException e) {
        Notification.show(getTranslation(e.messageKey(), e.args()), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private String optionLabel(PollOption option) {
        return option.hidden() ? getTranslation("poll.optionHidden")
                : option.other() ? getTranslation("poll.other") : option.label();
    }

    private void showOtherText() {
        var other = poll.otherOption().orElse(null);
        boolean chosen = other != null && switch (poll.kind()) {
            case SINGLE -> other.equals(single.getValue());
            case MULTIPLE -> multiple.getValue().contains(other);
            default -> false;
        };
        otherText.setVisible(chosen);
        otherText.setRequiredIndicatorVisible(chosen);
    }

    /** Reads the poll again and rebuilds header, form and results (after it closed, reopened or resolved). */
    void refresh() {
        poll = polls.find(poll.id()).orElse(poll);
        getElement().setChild(0, header().getElement());
        replaceForm();
    }

    private void replaceForm() {
        getChildren().filter(c -> c.hasClassName("agora-poll-form")).findFirst()
                .ifPresent(old -> getElement().setChild(getElement().indexOfChild(old.getElement()), form().getElement()));
        showResults();
    }

    void showResults() {
        results.removeAll();
        otherAnswers.removeAll();
        var shown = polls.results(poll.id());
        if (shown.isEmpty()) {
            results.add(new Paragraph(getTranslation("poll.resultsHidden")));
            return;
        }
        showOtherAnswers();
        PollResults r = shown.get();
        List<BarChart.Bar> bars = switch (poll.kind()) {
            case SINGLE, MULTIPLE, RANKED -> poll.options().stream()
                    .map(o -> new BarChart.Bar(optionLabel(o), r.count(o.id()))).toList();
            case SCALE -> IntStream.rangeClosed(poll.scaleMin(), poll.scaleMax())
                    .mapToObj(v -> new BarChart.Bar(scaleLabel(v), r.count(v))).toList();
            case FORECAST -> IntStream.range(0, 10).mapToObj(b -> new BarChart.Bar((b * 10 + (b == 0 ? 1 : 0)) + "–"
                    + (b * 10 + 9) + " %", r.counts().entrySet().stream()
                    .filter(e -> e.getKey() >= b * 10 && e.getKey() <= b * 10 + 9).mapToLong(java.util.Map.Entry::getValue).sum()))
                    .toList();
        };
        long total = poll.kind() == PollKind.MULTIPLE ? r.voters() : bars.stream().mapToLong(BarChart.Bar::count).sum();
        var summary = new Paragraph(getTranslation(poll.kind() == PollKind.RANKED ? "poll.votersRanked" : "poll.voters", r.voters()));
        if (poll.kind() == PollKind.FORECAST && r.communityForecast() != null) {
            summary.setText(summary.getText() + " · " + getTranslation("poll.communityForecast",
                    String.format(getLocale(), "%.0f", r.communityForecast()), r.median()));
        } else if (poll.kind() == PollKind.SCALE && r.median() != null) {
            summary.setText(summary.getText() + " · " + getTranslation("poll.median", r.median(),
                    String.format(getLocale(), "%.1f", r.mean())));
        }
        summary.addClassName("agora-poll-summary");
        results.add(summary, new Html("<div class=\"agora-chart-box\">" + BarChart.svg(poll.question(), bars, total) + "</div>"));
        var table = new NativeTable();
        var body = new NativeTableBody();
        var head = new NativeTableRow(new NativeTableHeaderCell(getTranslation("poll.table.answer")),
                new NativeTableHeaderCell(getTranslation("poll.table.count")), new NativeTableHeaderCell("%"));
        body.add(head);
        bars.forEach(b -> body.add(new NativeTableRow(new NativeTableCell(b.label()),
                new NativeTableCell(String.valueOf(b.count())), new NativeTableCell(BarChart.percent(b.count(), total)))));
        table.add(body);
        results.add(new Details(getTranslation("poll.showTable"), table));
        if (r.runoff() != null && !r.runoff().rounds().isEmpty()) {
            results.add(runoffRounds(r.runoff()));
        }
    }

    private Div runoffRounds(org.agora.poll.InstantRunoff.Result runoff) {
        var box = new Div();
        box.addClassName("agora-runoff");
        var label = new java.util.HashMap<Long, String>();
        poll.options().forEach(o -> label.put(o.id(), o.label()));
        var list = new com.vaadin.flow.component.html.OrderedList();
        for (var round : runoff.rounds()) {
            String votes = round.votes().entrySet().stream().map(e -> label.get(e.getKey()) + " " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "));
            String outcome = round.winner() != null ? getTranslation("poll.runoff.wins", label.get(round.winner()))
                    : round.eliminated() != null ? getTranslation("poll.runoff.out", label.get(round.eliminated())) : "";
            list.add(new com.vaadin.flow.component.html.ListItem(votes + (round.exhausted() > 0
                    ? " · " + getTranslation("poll.runoff.exhausted", round.exhausted()) : "") + " — " + outcome));
        }
        box.add(new Paragraph(getTranslation("poll.runoff.title")), list);
        return box;
    }

    private void showOtherAnswers() {
        if (poll.otherOption().isEmpty()) {
            return;
        }
        var answers = polls.otherAnswers(poll.id(), 50);
        if (answers.isEmpty()) {
            return;
        }
        var list = new com.vaadin.flow.component.html.UnorderedList();
        boolean staff = CurrentUser.get().map(u -> u.role() != org.agora.account.Role.MEMBER).orElse(false);
        for (var a : answers) {
            var item = new com.vaadin.flow.component.html.ListItem();
            item.add(new Span(a.text()));
            if (a.username() != null) {
                item.add(new Span(" — "), new Anchor("/u/" + a.username(), "@" + a.username()));
            }
            if (a.hidden()) {
                var badge = new Span(getTranslation("poll.otherHidden"));
                badge.getElement().getThemeList().add("badge error");
                item.add(new Span(" "), badge);
            }
            if (staff) {
                var toggle = new Button(getTranslation(a.hidden() ? "poll.show" : "poll.hide"), e -> {
                    polls.hideOtherAnswer(poll.id(), a.voterId(), !a.hidden());
                    showResults();
                });
                toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(toggle);
            }
            list.add(item);
        }
        otherAnswers.add(new Details(getTranslation("poll.otherAnswers") + " (" + answers.size() + ")", list));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        unwatch = polls.watch(poll.id(), () -> ui.access(() -> {
            var now = polls.find(poll.id()).orElse(poll);
            if (now.status() != poll.status() || !java.util.Objects.equals(now.closesAt(), poll.closesAt())) {
                refresh();
            } else {
                showResults();
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unwatch != null) {
            unwatch.run();
            unwatch = null;
        }
    }
}
