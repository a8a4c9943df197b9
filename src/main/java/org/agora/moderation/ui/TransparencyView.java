package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
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
import org.agora.moderation.ModerationLog;
import org.agora.moderation.MonthlyCount;
import org.agora.moderation.PublicAction;
import org.agora.moderation.Transparency;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/**
 * The public moderation report, in the spirit of the EU Digital Services Act's transparency reports: each
 * decision's kind, reason category, date and kind of content, and monthly counts; both as CSV. Never the
 * content, who flagged it, who decided or the moderator's words.
 */
@Route(value = "transparency", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.transparency", order = 90, icon = "vaadin:scale")
class TransparencyView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final NativeTableBody monthly = new NativeTableBody();
    final NativeTableBody actions = new NativeTableBody();
    final Button more = new Button();
    private final Transparency transparency;
    private ModerationLog.Cursor next;

    TransparencyView(Transparency transparency) {
        this.transparency = transparency;
        addClassName("agora-narrow");
        more.setText(getTranslation("transparency.more"));
        more.addClickListener(e -> loadMore());
        var monthlyTable = new NativeTable(monthly);
        monthlyTable.addClassName("agora-table");
        monthlyTable.setId("transparency-monthly");
        var actionsTable = new NativeTable(actions);
        actionsTable.addClassName("agora-table");
        actionsTable.setId("transparency-actions");
        var downloads = new Div(
                Csvs.link(getTranslation("transparency.csv.actions"), "agora-moderation-decisions.csv",
                        transparency::actionsCsv),
                Csvs.link(getTranslation("transparency.csv.monthly"), "agora-moderation-monthly.csv",
                        transparency::monthlyCsv));
        downloads.addClassName("agora-console-links");
        var perMonth = new Section(new H2(getTranslation("transparency.monthly")), monthlyTable);
        var decisions = new Section(new H2(getTranslation("transparency.decisions")), actionsTable, more);
        add(new H1(getTranslation("transparency.title")), new Paragraph(getTranslation("transparency.intro")),
                downloads, perMonth, decisions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        monthly.removeAll();
        monthly.add(header("transparency.month", "transparency.action", "transparency.category", "transparency.count"));
        var counts = transparency.monthly();
        for (MonthlyCount m : counts) {
            monthly.add(new NativeTableRow(new NativeTableCell(m.month().toString()),
                    new NativeTableCell(Labels.action(this, m.action())),
                    new NativeTableCell(category(m.reasonCategory())),
                    new NativeTableCell(String.valueOf(m.count()))));
        }
        if (counts.isEmpty()) {
            monthly.add(new NativeTableRow(new NativeTableCell(getTranslation("transparency.none"))));
        }
        actions.removeAll();
        actions.add(header("transparency.date", "transparency.action", "transparency.category", "transparency.content"));
        next = null;
        loadMore();
        if (actions.getComponentCount() == 1) {
            actions.add(new NativeTableRow(new NativeTableCell(getTranslation("transparency.none"))));
        }
    }

    void loadMore() {
        var page = transparency.actions(next);
        for (PublicAction a : page.actions()) {
            var row = new NativeTableRow(new NativeTableCell(Dates.date(a.at(), getLocale())),
                    new NativeTableCell(Labels.action(this, a.action())),
                    new NativeTableCell(category(a.reasonCategory())),
                    new NativeTableCell(Labels.type(this, a.targetType())));
            row.addClassName("agora-transparency-row");
            actions.add(row);
        }
        next = page.next();
        more.setVisible(next != null);
    }

    private String category(org.agora.moderation.FlagReason reason) {
        return reason == null ? getTranslation("transparency.noCategory") : Labels.reason(this, reason);
    }

    private NativeTableRow header(String... keys) {
        var row = new NativeTableRow();
        for (String key : keys) {
            row.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("transparency.title") + " · Agora";
    }
}
