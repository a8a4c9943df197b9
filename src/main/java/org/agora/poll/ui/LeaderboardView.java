package org.agora.poll.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.poll.Calibration;
import org.agora.poll.ForecastResolution;
import org.agora.poll.ForecasterRanking;
import org.agora.shared.ui.MainLayout;

/** Forecasters ranked by their mean Brier score on resolved forecasts, and the community's calibration. */
@Route(value = "leaderboard", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.leaderboard", order = 30, icon = "vaadin:trophy")
class LeaderboardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final NativeTableBody ranking = new NativeTableBody();
    final Div calibration = new Div();
    private final ForecastResolution resolution;

    LeaderboardView(ForecastResolution resolution) {
        this.resolution = resolution;
        addClassName("agora-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ranking.removeAll();
        calibration.removeAll();
        add(new H1(getTranslation("leaderboard.title")),
                new Paragraph(getTranslation("leaderboard.intro", resolution.minimumResolved())));
        var rows = resolution.leaderboard(100);
        if (rows.isEmpty()) {
            add(new Paragraph(getTranslation("leaderboard.empty")));
        } else {
            var head = new NativeTableRow();
            for (String key : new String[] {"leaderboard.rank", "leaderboard.member", "leaderboard.questions",
                    "leaderboard.brier", "leaderboard.log"}) {
                head.add(new NativeTableHeaderCell(getTranslation(key)));
            }
            ranking.add(head);
            for (ForecasterRanking r : rows) {
                ranking.add(new NativeTableRow(new NativeTableCell(String.valueOf(r.rank())),
                        new NativeTableCell(new Anchor("/u/" + r.username(), r.displayName() + " (@" + r.username() + ")")),
                        new NativeTableCell(String.valueOf(r.questions())),
                        new NativeTableCell(String.format(getLocale(), "%.3f", r.brier())),
                        new NativeTableCell(String.format(getLocale(), "%.3f", r.log()))));
            }
            var table = new NativeTable(ranking);
            table.addClassName("agora-table");
            table.setId("leaderboard");
            add(table);
        }
        var buckets = resolution.calibration();
        var section = new Section(new H2(getTranslation("leaderboard.calibration")),
                new Paragraph(getTranslation("leaderboard.calibrationHelp")));
        section.addClassName("agora-card");
        if (buckets.stream().anyMatch(b -> b.count() > 0)) {
            section.add(new Html("<div class=\"agora-chart-box\">"
                    + CalibrationChart.svg(getTranslation("leaderboard.calibration"), buckets) + "</div>"));
            var body = new NativeTableBody(new NativeTableRow(new NativeTableHeaderCell(getTranslation("leaderboard.bucket")),
                    new NativeTableHeaderCell(getTranslation("leaderboard.observed")),
                    new NativeTableHeaderCell(getTranslation("leaderboard.count"))));
            for (Calibration.Bucket b : buckets) {
                if (b.count() > 0) {
                    body.add(new NativeTableRow(new NativeTableCell(b.fromPercent() + "–" + b.toPercent() + " %"),
                            new NativeTableCell(String.format(getLocale(), "%.0f %%", b.observed() * 100)),
                            new NativeTableCell(String.valueOf(b.count()))));
                }
            }
            var table = new NativeTable(body);
            table.addClassName("agora-table");
            section.add(new Details(getTranslation("poll.showTable"), table));
        } else {
            section.add(new Paragraph(getTranslation("leaderboard.empty")));
        }
        calibration.add(section);
        add(calibration);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("leaderboard.title") + " · Agora";
    }
}
