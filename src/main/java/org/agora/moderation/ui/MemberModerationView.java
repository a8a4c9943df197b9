package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.agora.account.CurrentUser;
import org.agora.account.Role;
import org.agora.account.Sanction;
import org.agora.account.SanctionKind;
import org.agora.moderation.MemberModeration;
import org.agora.moderation.MyFlag;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/**
 * Moderating members: search by name, open a member's file (recent posts, flags raised and received, sanctions)
 * and warn, silence, suspend or lift; admins also ban and change roles. Open appeals are listed first.
 */
@Route(value = "moderation/users", layout = MainLayout.class)
@RolesAllowed({"MODERATOR", "ADMIN"})
class MemberModerationView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    final TextField query = new TextField();
    final Button search = new Button();
    final UnorderedList results = new UnorderedList();
    final Div file = new Div();
    final UnorderedList appeals = new UnorderedList();
    final Button warn = new Button();
    final Button silence = new Button();
    final Button suspend = new Button();
    final Button ban = new Button();
    final Select<Role> role = new Select<>();
    private final MemberModeration members;
    private final Clock clock;
    private MemberModeration.MemberFile current;

    MemberModerationView(MemberModeration members, Clock clock) {
        this.members = members;
        this.clock = clock;
        addClassName("agora-page");
        query.setLabel(getTranslation("members.search"));
        query.setMaxLength(60);
        search.setText(getTranslation("members.searchButton"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> search());
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        var bar = new FlexLayout(query, search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        warn.setText(getTranslation("moderation.action.WARN"));
        warn.addClickListener(e -> sanction(SanctionKind.WARN));
        silence.setText(getTranslation("moderation.action.SILENCE"));
        silence.addClickListener(e -> sanction(SanctionKind.SILENCE));
        suspend.setText(getTranslation("moderation.action.SUSPEND"));
        suspend.addClickListener(e -> sanction(SanctionKind.SUSPEND));
        ban.setText(getTranslation("moderation.action.BAN"));
        ban.addThemeVariants(ButtonVariant.LUMO_ERROR);
        ban.addClickListener(e -> sanction(SanctionKind.BAN));
        role.setLabel(getTranslation("members.role"));
        role.setItems(Role.values());
        role.addValueChangeListener(e -> {
            if (e.isFromClient() && current != null && e.getValue() != null) {
                changeRole(e.getValue(), e.getOldValue());
            }
        });
        add(new H1(getTranslation("members.title")), new Section(new H2(getTranslation("members.appeals")), appeals),
                bar, results, file);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        showAppeals();
        event.getLocation().getQueryParameters().getSingleParameter("u").ifPresentOrElse(this::open,
                () -> file.removeAll());
    }

    void search() {
        results.removeAll();
        var found = members.search(query.getValue());
        if (found.isEmpty()) {
            results.add(new ListItem(getTranslation("members.none")));
        }
        found.forEach(a -> {
            var open = new Button(a.username() + " · " + a.displayName() + " · " + a.role(), e -> navigateTo(a.username()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            results.add(new ListItem(open));
        });
    }

    private void navigateTo(String username) {
        getUI().ifPresent(ui -> ui.navigate("moderation/users", QueryParameters.of("u", username)));
    }

    void open(String username) {
        file.removeAll();
        current = members.file(username).orElse(null);
        if (current == null) {
            file.add(new Paragraph(getTranslation("members.notFound")));
            return;
        }
        var a = current.account();
        var me = CurrentUser.require();
        boolean outranks = me.role().ordinal() > a.role().ordinal() && !me.id().equals(a.id());
        boolean admin = me.role() == Role.ADMIN;
        var actions = new FlexLayout();
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (outranks) {
            actions.add(warn, silence, suspend);
            if (admin) {
                actions.add(ban);
            }
        } else {
            actions.add(new Paragraph(getTranslation("sanction.outranked")));
        }
        if (admin && !me.id().equals(a.id())) {
            role.setValue(a.role());
            actions.add(role);
            if (members.hasTwoFactor(a.id())) {
                actions.add(new Button(getTranslation("moderation.action.RESET_TWO_FACTOR"), e -> new ReasonDialog(
                        getTranslation("moderation.action.RESET_TWO_FACTOR") + " @" + a.username(),
                        getTranslation("moderation.action.RESET_TWO_FACTOR"), null,
                        (reason, d) -> members.resetTwoFactor(a.id(), reason), this::reopen).open()));
            }
        }
        file.add(new H2(a.displayName() + " (@" + a.username() + ", " + a.role() + ")"),
                new Paragraph(getTranslation("members.since", Dates.date(a.createdAt(), getLocale()))), actions,
                new H2(getTranslation("members.sanctions")), sanctions(current.sanctions(), outranks, admin),
                new H2(getTranslation("members.posts")), posts(), new H2(getTranslation("members.flagsReceived")),
                flags(current.flagsReceived()), new H2(getTranslation("members.flagsRaised")),
                flags(current.flagsRaised()));
    }

    private UnorderedList sanctions(List<Sanction> list, boolean outranks, boolean admin) {
        var ul = new UnorderedList();
        if (list.isEmpty()) {
            ul.add(new ListItem(getTranslation("members.none")));
        }
        var now = clock.instant();
        for (var s : list) {
            var item = new ListItem(describe(s));
            if (s.activeAt(now) && outranks && (admin || s.kind() != SanctionKind.BAN)) {
                var lift = new Button(getTranslation("moderation.action.LIFT"), e -> new ReasonDialog(
                        getTranslation("moderation.action.LIFT"), getTranslation("moderation.action.LIFT"), null,
                        (reason, days) -> members.lift(s.id(), reason), this::reopen).open());
                lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
                item.add(lift);
            }
            ul.add(item);
        }
        return ul;
    }

    private String describe(Sanction s) {
        String text = getTranslation("moderation.action." + s.kind()) + " · " + Dates.dateTime(s.startsAt(), getLocale())
                + (s.endsAt() == null ? "" : " → " + Dates.dateTime(s.endsAt(), getLocale())) + " · " + s.reason()
                + (s.createdBy() == null ? "" : " (" + s.createdBy() + ")");
        if (s.liftedAt() != null) {
            text += " · " + getTranslation("members.lifted", Dates.dateTime(s.liftedAt(), getLocale()), s.liftReason());
        }
        if (s.appeal() != null) {
            text += " · " + getTranslation("members.appeal", s.appeal());
        }
        return text + " ";
    }

    private UnorderedList posts() {
        var ul = new UnorderedList();
        if (current.recentPosts().isEmpty()) {
            ul.add(new ListItem(getTranslation("members.none")));
        }
        current.recentPosts().forEach(p -> ul.add(new ListItem(new Anchor(p.path(), p.topicTitle()),
                new Paragraph(p.body().length() > 200 ? p.body().substring(0, 200) + "…" : p.body()))));
        return ul;
    }

    private UnorderedList flags(List<MyFlag> list) {
        var ul = new UnorderedList();
        if (list.isEmpty()) {
            ul.add(new ListItem(getTranslation("members.none")));
        }
        list.forEach(f -> ul.add(new ListItem(new Anchor(f.path(), Labels.type(this, f.targetType())),
                new com.vaadin.flow.component.html.Span(" · " + Labels.reason(this, f.reason()) + " · "
                        + Labels.outcome(this, f.outcome()) + " · " + Dates.dateTime(f.createdAt(), getLocale())))));
        return ul;
    }

    private void showAppeals() {
        appeals.removeAll();
        var open = members.openAppeals();
        if (open.isEmpty()) {
            appeals.add(new ListItem(getTranslation("members.noAppeals")));
        }
        open.forEach(s -> {
            var link = new Button("@" + s.username(), e -> navigateTo(s.username()));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            appeals.add(new ListItem(link, new com.vaadin.flow.component.html.Span(describe(s))));
        });
    }

    private void sanction(SanctionKind kind) {
        var member = current.account();
        Integer days = kind.timed() ? (int) members.defaultDuration(member.id()).toDays() : null;
        new ReasonDialog(getTranslation("moderation.action." + kind) + " @" + member.username(),
                getTranslation("moderation.action." + kind), days,
                (reason, d) -> members.sanction(member.id(), kind, reason, d == null ? null : Duration.ofDays(d)),
                this::reopen).open();
    }

    private void changeRole(Role to, Role from) {
        var member = current.account();
        var dialog = new ReasonDialog(getTranslation("moderation.action.ROLE_CHANGE") + " @" + member.username()
                + " → " + to, getTranslation("moderation.action.ROLE_CHANGE"), null,
                (reason, d) -> members.changeRole(member.id(), to, reason), this::reopen);
        dialog.addDialogCloseActionListener(e -> {
            role.setValue(from);
            dialog.close();
        });
        dialog.open();
    }

    private void reopen() {
        Notices.done(getTranslation("members.done"));
        showAppeals();
        open(current.account().username());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.title") + " · Agora";
    }
}
