package org.agora.moderation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.agora.moderation.FlagService;
import org.agora.moderation.MyFlag;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** The signed-in member's flags, newest first, and what moderators made of them. */
@Route(value = "flags", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.flags", order = 75, icon = "vaadin:flag-o")
class MyFlagsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final NativeTableBody rows = new NativeTableBody();
    private final FlagService flags;

    MyFlagsView(FlagService flags) {
        this.flags = flags;
        addClassName("agora-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("flags.title")), new Paragraph(getTranslation("flags.intro",
                flags.autoHideThreshold())));
        var mine = flags.myFlags();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("flags.none")));
            return;
        }
        rows.removeAll();
        var head = new NativeTableRow();
        for (String key : new String[] {"flags.when", "flags.what", "flags.reason", "flags.outcome"}) {
            head.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        rows.add(head);
        for (MyFlag f : mine) {
            String reason = Labels.reason(this, f.reason()) + (f.text() == null ? "" : " — “" + f.text() + "”");
            String outcome = Labels.outcome(this, f.outcome()) + (f.resolvedAt() == null ? ""
                    : " (" + Dates.date(f.resolvedAt(), getLocale()) + ")");
            var row = new NativeTableRow(new NativeTableCell(Dates.dateTime(f.createdAt(), getLocale())),
                    new NativeTableCell(new Anchor(f.path(), Labels.type(this, f.targetType()))),
                    new NativeTableCell(reason), new NativeTableCell(outcome));
            row.addClassName("agora-flag-row");
            rows.add(row);
        }
        var table = new NativeTable(rows);
        table.addClassName("agora-table");
        table.setId("my-flags");
        add(table);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("flags.title") + " · Agora";
    }
}
