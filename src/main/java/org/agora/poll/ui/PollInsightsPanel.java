package org.agora.poll.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import org.agora.poll.CommunityForecastHistory;
import org.agora.poll.CrossTab;
import org.agora.poll.ForecastResolution;
import org.agora.poll.MindsMoved;
import org.agora.poll.Poll;
import org.agora.poll.PollInsights;
import org.agora.poll.PollKind;
import org.agora.poll.PollOption;
import org.agora.poll.PollStatus;
import org.agora.poll.StanceSplit;
import org.agora.shared.ui.Dates;

/**
 * What a poll's page shows below the ballot: the community forecast over time, scores of a resolved forecast,
 * results by debate side, how minds moved, and a cross-tab with another poll — each with a text table.
 */
class PollInsightsPanel extends Div {
    final Div history = new Div();
    final Div scores = new Div();
    final Div split = new Div();
    final Div moved = new Div();
    final Div cross = new Div();
    final Select<Poll> crossWith = new Select<>();
    final Div crossTable = new Div();
    private final PollInsights insights;
    private final ForecastResolution resolution;
    private final Poll poll;

    PollInsightsPanel(PollInsights insights, ForecastResolution resolution, Poll poll) {
        this.insights = insights;
        this.resolution = resolution;
        this.poll = poll;
        addClassName("agora-poll-insights");
        add(history, scores, split, moved, cross);
        if (poll.kind() == PollKind.FORECAST) {
            showHistory();
        }
        if (poll.status() == PollStatus.RESOLVED) {
            showScores();
        }
        showSplit();
        showMoved();
        showCross();
    }

    private void showHistory() {
        var points = insights.forecastHistory(poll.id(), 120);
        var section = section(getTranslation("poll.historyTitle"));
        if (points.size() < 2) {
            section.add(new Paragraph(getTranslation("poll.noHistory")));
        } else {
            var first = points.getFirst();
            var last = points.getLast();
            String alt = getTranslation("poll.historyAlt", pct(first.percent()), pct(last.percent()),
                    Dates.date(first.at(), getLocale()), Dates.date(last.at(), getLocale()));
            section.add(new Html("<div class=\"agora-chart-box\">" + LineChart.svg(alt,
                    points.stream().map(p -> new LineChart.Point(p.at(), p.percent())).toList()) + "</div>"));
            var table = table(List.of(getTranslation("poll.moved.month"), "%", getTranslation("poll.split.voters")));
            for (CommunityForecastHistory.Point p : points) {
                row(table, Dates.dateTime(p.at(), getLocale()), pct(p.percent()), String.valueOf(p.forecasters()));
            }
            section.add(new Details(getTranslation("poll.showTable"), wrap(table)));
        }
        history.add(section);
    }

    private void showScores() {
        var rows = resolution.scoresOfPoll(poll.id());
        if (rows.isEmpty()) {
            return;
        }
        var section = section(getTranslation("poll.scores.title"));
        var table = table(List.of(getTranslation("leaderboard.member"), getTranslation("poll.scores.brier"),
                getTranslation("poll.scores.log")));
        double brier = rows.stream().mapToDouble(r -> r.brier()).average().orElse(Double.NaN);
        double log = rows.stream().mapToDouble(r -> r.log()).average().orElse(Double.NaN);
        if (poll.publicVoters()) {
            rows.forEach(r -> row(table, "@" + r.username(), fmt(r.brier()), fmt(r.log())));
        }
        row(table, getTranslation("leaderboard.member") + " ⌀ (" + rows.size() + ")", fmt(brier), fmt(log));
        section.add(wrap(table));
        scores.add(section);
    }

    private void showSplit() {
        insights.stanceSplit(poll.id()).ifPresent(s -> {
            var section = section(getTranslation("poll.split.title"));
            section.add(new Paragraph(getTranslation("poll.split.help", s.minGroupSize())));
            boolean values = poll.kind() == PollKind.SCALE || poll.kind() == PollKind.FORECAST;
            var headers = new java.util.ArrayList<String>(List.of(getTranslation("poll.split.side"),
                    getTranslation("poll.split.voters")));
            if (values) {
                headers.add(getTranslation("poll.split.median"));
            }
            s.answers().forEach(a -> headers.add(label(a.label())));
            var table = table(headers);
            for (StanceSplit.Group g : s.groups()) {
                var cells = new java.util.ArrayList<String>(List.of(getTranslation("poll.split.side." + g.side().name()),
                        String.valueOf(g.voters())));
                if (!g.shown()) {
                    cells.add(getTranslation("poll.split.withheld", s.minGroupSize()));
                } else {
                    if (values) {
                        cells.add(g.median() == null ? "–" : fmt1(g.median()));
                    }
                    s.answers().forEach(a -> cells.add(String.valueOf(g.count(a.key()))));
                }
                row(table, cells.toArray(String[]::new));
            }
            section.add(wrap(table));
            split.add(section);
        });
    }

    private void showMoved() {
        insights.mindsMoved(poll.id()).ifPresent(m -> {
            var section = section(getTranslation("poll.moved.title"));
            section.add(new Paragraph(getTranslation("poll.moved.summary", m.members(), m.changes(), m.retractions())));
            if (!m.flows().isEmpty()) {
                var table = table(List.of(getTranslation("poll.moved.from"), getTranslation("poll.moved.to"),
                        getTranslation("poll.moved.members")));
                for (MindsMoved.Flow f : m.flows()) {
                    row(table, f.from() == null ? getTranslation("poll.moved.none") : label(f.from()),
                            f.to() == null ? getTranslation("poll.moved.none") : label(f.to()), String.valueOf(f.members()));
                }
                section.add(wrap(table));
                var perMonth = table(List.of(getTranslation("poll.moved.month"), getTranslation("poll.moved.changes")));
                m.perMonth().forEach((month, n) -> row(perMonth, month, String.valueOf(n)));
                section.add(wrap(perMonth));
            }
            moved.add(section);
        });
    }

    private void showCross() {
        var candidates = insights.crossTabCandidates(poll.id());
        var section = section(getTranslation("poll.cross.title"));
        if (candidates.isEmpty()) {
            section.add(new Paragraph(getTranslation("poll.cross.none", insights.minGroupSize())));
        } else {
            crossWith.setLabel(getTranslation("poll.cross.pick"));
            crossWith.setItems(candidates);
            crossWith.setItemLabelGenerator(Poll::question);
            crossWith.setWidthFull();
            crossWith.addValueChangeListener(e -> showCrossTable(e.getValue()));
            section.add(crossWith, crossTable);
        }
        cross.add(section);
    }

    void showCrossTable(Poll other) {
        crossTable.removeAll();
        if (other == null) {
            return;
        }
        insights.crossTab(poll.id(), other.id()).ifPresent((CrossTab t) -> {
            crossTable.add(new Paragraph(getTranslation("poll.cross.respondents", t.respondents(), t.minCellSize())));
            var headers = new java.util.ArrayList<String>();
            headers.add(poll.question() + " \\ " + other.question());
            t.columnAnswers().forEach(a -> headers.add(label(a.label())));
            var table = table(headers);
            for (var r : t.rowAnswers()) {
                var cells = new java.util.ArrayList<String>();
                cells.add(label(r.label()));
                for (var c : t.columnAnswers()) {
                    Long n = t.cell(r.key(), c.key());
                    cells.add(n == null ? "–" : String.valueOf(n));
                }
                row(table, cells.toArray(String[]::new));
            }
            crossTable.add(wrap(table));
        });
    }

    private String label(String raw) {
        return PollOption.OTHER_LABEL.equals(raw) ? getTranslation("poll.other") : raw;
    }

    private Section section(String title) {
        var section = new Section(new H2(title));
        section.addClassName("agora-card");
        return section;
    }

    private static NativeTableBody table(List<String> headers) {
        var body = new NativeTableBody();
        var head = new NativeTableRow();
        headers.forEach(h -> head.add(new NativeTableHeaderCell(h)));
        body.add(head);
        return body;
    }

    private static void row(NativeTableBody body, String... cells) {
        var row = new NativeTableRow();
        for (String c : cells) {
            row.add(new NativeTableCell(c));
        }
        body.add(row);
    }

    private static Component wrap(NativeTableBody body) {
        var table = new NativeTable(body);
        table.addClassName("agora-table");
        var box = new Div(table);
        box.addClassName("agora-table-box");
        return box;
    }

    private String pct(double percent) {
        return String.format(getLocale(), "%.0f", percent);
    }

    private String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(getLocale(), "%.3f", v);
    }

    private String fmt1(double v) {
        return String.format(getLocale() == null ? Locale.ROOT : getLocale(), "%.1f", v);
    }
}
