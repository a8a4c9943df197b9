package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.agora.moderation.AuditEntry;
import org.agora.moderation.ModerationAction;
import org.agora.moderation.ModerationLog;
import org.agora.moderation.TargetType;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/** The audit log for staff: every action and refused attempt, newest first, searchable, exportable as CSV. */
@Route(value = "moderation/log", layout = MainLayout.class)
@RolesAllowed({"MODERATOR", "ADMIN"})
class ModerationLogView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final TextField actor = new TextField();
    final Select<ModerationAction> action = new Select<>();
    final Select<TargetType> targetType = new Select<>();
    final TextField targetId = new TextField();
    final TextField text = new TextField();
    final Select<String> outcome = new Select<>();
    final Button search = new Button();
    final NativeTableBody rows = new NativeTableBody();
    final Button more = new Button();
    private final ModerationLog log;
    private ModerationLog.Cursor next;

    ModerationLogView(ModerationLog log) {
        this.log = log;
        addClassName("agora-page");
        actor.setLabel(getTranslation("moderation.log.actor"));
        actor.setMaxLength(100);
        action.setLabel(getTranslation("moderation.log.action"));
        action.setItems(ModerationAction.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("moderation.log.any"));
        action.setItemLabelGenerator(a -> a == null ? getTranslation("moderation.log.any") : Labels.action(this, a));
        targetType.setLabel(getTranslation("moderation.log.targetType"));
        targetType.setItems(TargetType.values());
        targetType.setEmptySelectionAllowed(true);
        targetType.setEmptySelectionCaption(getTranslation("moderation.log.any"));
        targetType.setItemLabelGenerator(t -> t == null ? getTranslation("moderation.log.any") : Labels.type(this, t));
        targetId.setLabel(getTranslation("moderation.log.targetId"));
        targetId.setPattern("[0-9]{0,18}");
        targetId.setAllowedCharPattern("[0-9]");
        targetId.setMaxLength(18);
        text.setLabel(getTranslation("moderation.log.text"));
        text.setMaxLength(200);
        outcome.setLabel(getTranslation("moderation.log.outcome"));
        outcome.setItems("OK", "DENIED");
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("moderation.log.any"));
        outcome.setItemLabelGenerator(o -> o == null ? getTranslation("moderation.log.any")
                : getTranslation("moderation.log.outcome." + o));
        search.setText(getTranslation("moderation.log.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> reload());
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        var filters = new FlexLayout(actor, action, targetType, targetId, text, outcome, search);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("agora-log-filters");
        more.setText(getTranslation("moderation.log.more"));
        more.addClickListener(e -> loadMore());
        var table = new NativeTable(rows);
        table.addClassName("agora-table");
        table.setId("moderation-log");
        add(new H1(getTranslation("moderation.log.title")),
                new Anchor("/moderation", getTranslation("moderation.backToConsole")), filters,
                Csvs.link(getTranslation("moderation.log.csv"), "moderation-log.csv", () -> log.csv(filter())),
                table, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    ModerationLog.Filter filter() {
        Long id = targetId.getValue().matches("[0-9]{1,18}") ? Long.parseLong(targetId.getValue()) : null;
        return new ModerationLog.Filter(actor.getValue(), action.getValue(), targetType.getValue(), id,
                text.getValue(), outcome.getValue());
    }

    void reload() {
        rows.removeAll();
        var head = new NativeTableRow();
        for (String key : new String[] {"moderation.log.at", "moderation.log.actor", "moderation.log.action",
                "moderation.log.target", "moderation.log.category", "moderation.log.reason", "moderation.log.change",
                "moderation.log.outcome"}) {
            head.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        rows.add(head);
        next = null;
        loadMore();
        if (rows.getComponentCount() == 1) {
            rows.add(new NativeTableRow(new NativeTableCell(getTranslation("moderation.log.empty"))));
        }
    }

    void loadMore() {
        var page = log.search(filter(), next);
        for (AuditEntry e : page.entries()) {
            var row = new NativeTableRow(
                    new NativeTableCell(Dates.dateTime(e.at(), getLocale())),
                    new NativeTableCell(Labels.actor(this, e)),
                    new NativeTableCell(Labels.action(this, e.action())),
                    new NativeTableCell(Labels.target(this, e.targetType(), e.targetId())),
                    new NativeTableCell(Labels.reason(this, e.reasonCategory())),
                    new NativeTableCell(e.reason() == null ? "" : e.reason()),
                    new NativeTableCell(change(e)),
                    new NativeTableCell(getTranslation("moderation.log.outcome." + e.outcome())));
            row.addClassName("agora-log-row");
            if ("DENIED".equals(e.outcome())) {
                row.addClassName("agora-log-denied");
            }
            rows.add(row);
        }
        next = page.next();
        more.setVisible(next != null);
    }

    private static String change(AuditEntry e) {
        if (e.before() == null && e.after() == null) {
            return "";
        }
        return (e.before() == null ? "–" : e.before()) + " → " + (e.after() == null ? "–" : e.after());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.log.title") + " · Agora";
    }
}
