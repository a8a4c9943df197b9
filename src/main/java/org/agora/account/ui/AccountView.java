package org.agora.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;
import org.agora.account.Account;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.account.ApiScope;
import org.agora.account.ApiToken;
import org.agora.account.ApiTokenService;
import org.agora.account.PasswordPolicy;
import org.agora.account.SignedInSession;
import org.agora.account.TwoFactorService;
import org.agora.shared.text.TextInput;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;

/**
 * The signed-in member's own page: profile, password, two-factor authentication, the browsers they are signed in
 * with, and API tokens. {@code ?twoFactor=required} (staff sent here from the moderator console) says why.
 */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.account", order = 90, icon = "vaadin:user")
class AccountView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    static final String TWO_FACTOR_PARAM = "twoFactor";
    final Paragraph notice = new Paragraph();
    final TextField displayName = new TextField();
    final Button saveName = new Button();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordStrengthMeter meter = new PasswordStrengthMeter();
    final Button savePassword = new Button();
    final Div sessions = new Div();
    final Button endOthers = new Button();
    final Div apiTokens = new Div();
    final TextField tokenName = new TextField();
    final Select<ApiScope> tokenScope = new Select<>();
    final Button createToken = new Button();
    /** The plain token, shown once right after it was created. */
    final TextField newToken = new TextField();
    final TwoFactorForm twoFactor;
    private final AccountService accounts;
    private final ApiTokenService apiTokenService;
    private Account account;

    final StandingSection standing;

    AccountView(AccountService accounts, ApiTokenService apiTokenService, TwoFactorService twoFactorService,
                org.agora.account.AccountStanding accountStanding, java.time.Clock clock) {
        this.standing = new StandingSection(accountStanding, clock);
        this.accounts = accounts;
        this.apiTokenService = apiTokenService;
        this.account = accounts.me();
        this.twoFactor = new TwoFactorForm(twoFactorService);
        addClassName("agora-narrow");
        notice.setVisible(false);
        notice.setId("account-notice");
        notice.getElement().setAttribute("role", "alert");
        notice.addClassName("agora-notice");
        add(new H1(getTranslation("account.title")), notice, standing, profileSection(), passwordSection(), twoFactor,
                sessionsSection(), apiTokensSection());
        if (!account.emailVerified()) {
            add(new Paragraph(getTranslation("account.unverified")));
        }
    }

    private Section profileSection() {
        var facts = new Paragraph(getTranslation("account.facts", account.username(), account.email(),
                Dates.date(account.createdAt(), getLocale())));
        displayName.setLabel(getTranslation("account.displayName"));
        displayName.setMaxLength(AccountService.DISPLAY_NAME_MAX);
        displayName.setValue(account.displayName());
        displayName.setValueChangeMode(ValueChangeMode.EAGER);
        saveName.setText(getTranslation("account.displayName.save"));
        saveName.setDisableOnClick(true);
        saveName.addClickListener(e -> saveDisplayName());
        var row = new HorizontalLayout(displayName, saveName);
        row.setAlignItems(Alignment.BASELINE);
        return section("account.profile", facts, row);
    }

    private Section passwordSection() {
        currentPassword.setLabel(getTranslation("account.password.current"));
        currentPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        newPassword.setLabel(getTranslation("account.password.new"));
        newPassword.setHelperText(getTranslation("register.password.help", PasswordPolicy.MIN_LENGTH));
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        newPassword.setValueChangeMode(ValueChangeMode.LAZY);
        newPassword.getElement().setAttribute("aria-describedby", "password-strength");
        newPassword.addValueChangeListener(e -> meter.show(e.getValue().isEmpty() ? null
                : accounts.passwordStrength(e.getValue(), getLocale(), account.username(), account.email())));
        savePassword.setText(getTranslation("account.password.save"));
        savePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        savePassword.setDisableOnClick(true);
        savePassword.addClickListener(e -> changePassword());
        return section("account.password", currentPassword, newPassword, meter, savePassword);
    }

    private Section sessionsSection() {
        endOthers.setText(getTranslation("account.sessions.endOthers"));
        endOthers.addThemeVariants(ButtonVariant.LUMO_ERROR);
        endOthers.addClickListener(e -> {
            int n = accounts.endMyOtherSessions(Forms.currentSession());
            notify(getTranslation("account.sessions.ended", n));
            refreshSessions();
        });
        sessions.addClassName("agora-sessions");
        refreshSessions();
        return section("account.sessions", new Paragraph(getTranslation("account.sessions.intro")), sessions, endOthers);
    }

    private Section apiTokensSection() {
        tokenName.setLabel(getTranslation("account.apiTokens.name"));
        tokenName.setHelperText(getTranslation("account.apiTokens.name.help"));
        tokenName.setMaxLength(ApiTokenService.NAME_MAX);
        tokenScope.setLabel(getTranslation("account.apiTokens.scope"));
        tokenScope.setItems(ApiScope.values());
        tokenScope.setItemLabelGenerator(scope -> getTranslation("account.apiTokens.scope." + scope.name()));
        tokenScope.setValue(ApiScope.READ);
        createToken.setText(getTranslation("account.apiTokens.create"));
        createToken.setDisableOnClick(true);
        createToken.addClickListener(e -> createApiToken());
        var form = new HorizontalLayout(tokenName, tokenScope, createToken);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        newToken.setLabel(getTranslation("account.apiTokens.newToken"));
        newToken.setHelperText(getTranslation("account.apiTokens.copyNow"));
        newToken.setReadOnly(true);
        newToken.setWidthFull();
        newToken.setVisible(false);
        apiTokens.addClassName("agora-api-tokens");
        refreshApiTokens();
        return section("account.apiTokens", new Paragraph(getTranslation("account.apiTokens.intro")), apiTokens, form,
                newToken);
    }

    private Section section(String titleKey, com.vaadin.flow.component.Component... content) {
        var s = new Section(new H2(getTranslation(titleKey)));
        s.add(content);
        s.addClassName("agora-section");
        return s;
    }

    void saveDisplayName() {
        Forms.clear(displayName);
        try {
            account = accounts.changeDisplayName(displayName.getValue(), account.version());
            displayName.setValue(account.displayName());
            notify(getTranslation("account.saved"));
        } catch (AccountException e) {
            Forms.show(e, Map.of("displayName", displayName), this::getTranslation);
            if ("account.changedElsewhere".equals(e.messageKey())) {
                account = accounts.me();
            }
        } finally {
            saveName.setEnabled(true);
        }
    }

    void changePassword() {
        Forms.clear(currentPassword, newPassword);
        try {
            accounts.changePassword(currentPassword.getValue(), newPassword.getValue(), getLocale(), Forms.currentSession());
            currentPassword.clear();
            newPassword.clear();
            notify(getTranslation("account.password.changed"));
            refreshSessions();
        } catch (AccountException e) {
            Forms.show(e, Map.of("currentPassword", currentPassword, "password", newPassword), this::getTranslation);
        } finally {
            savePassword.setEnabled(true);
        }
    }

    void refreshSessions() {
        sessions.removeAll();
        UUID current = Forms.currentSession();
        var list = accounts.mySessions(current);
        for (SignedInSession s : list) {
            var row = new HorizontalLayout();
            row.addClassName("agora-session-row");
            var what = new Span(browserName(s.userAgent()) + " · " + (s.ip() == null ? "?" : s.ip()));
            var when = new Span(getTranslation("account.sessions.lastActive", Dates.dateTime(s.lastSeenAt(), getLocale())));
            when.addClassName("agora-muted");
            row.add(new VerticalLayout(what, when));
            if (s.current()) {
                var badge = new Span(getTranslation("account.sessions.thisBrowser"));
                badge.getElement().getThemeList().add("badge success");
                row.add(badge);
            } else {
                var end = new Button(getTranslation("account.sessions.end"), e -> {
                    accounts.endMySession(s.id());
                    refreshSessions();
                });
                end.setAriaLabel(getTranslation("account.sessions.endOne", browserName(s.userAgent())));
                row.add(end);
            }
            sessions.add(row);
        }
        endOthers.setEnabled(list.stream().anyMatch(s -> !s.current()));
    }

    void createApiToken() {
        Forms.clear(tokenName, tokenScope);
        try {
            var created = apiTokenService.create(tokenName.getValue(), tokenScope.getValue());
            newToken.setValue(created.secret());
            newToken.setVisible(true);
            tokenName.clear();
            notify(getTranslation("account.apiTokens.created", created.token().name()));
            refreshApiTokens();
        } catch (AccountException e) {
            Forms.show(e, Map.of("name", tokenName, "scope", tokenScope), this::getTranslation);
        } finally {
            createToken.setEnabled(true);
        }
    }

    void refreshApiTokens() {
        apiTokens.removeAll();
        var list = apiTokenService.list();
        if (list.isEmpty()) {
            var none = new Paragraph(getTranslation("account.apiTokens.none"));
            none.addClassName("agora-muted");
            apiTokens.add(none);
        }
        for (ApiToken token : list) {
            var row = new HorizontalLayout();
            row.addClassName("agora-session-row");
            var name = new Span(token.name());
            var facts = new Span(getTranslation("account.apiTokens.facts",
                    getTranslation("account.apiTokens.scope." + token.scope().name()),
                    Dates.dateTime(token.createdAt(), getLocale()),
                    token.lastUsedAt() == null ? getTranslation("account.apiTokens.neverUsed")
                            : getTranslation("account.apiTokens.lastUsed", Dates.dateTime(token.lastUsedAt(), getLocale()))));
            facts.addClassName("agora-muted");
            var revoke = new Button(getTranslation("account.apiTokens.revoke"), e -> {
                apiTokenService.revoke(token.id());
                notify(getTranslation("account.apiTokens.revoked"));
                refreshApiTokens();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel(getTranslation("account.apiTokens.revokeOne", token.name()));
            row.add(new VerticalLayout(name, facts), revoke);
            apiTokens.add(row);
        }
    }

    static String browserName(String userAgent) {
        if (userAgent == null) {
            return "?";
        }
        String ua = TextInput.clean(userAgent);
        String browser = ua.contains("Firefox/") ? "Firefox" : ua.contains("Edg/") ? "Edge"
                : ua.contains("Chrome/") || ua.contains("Chromium/") ? "Chrome" : ua.contains("Safari/") ? "Safari" : "Browser";
        String os = ua.contains("Windows") ? "Windows" : ua.contains("Android") ? "Android"
                : ua.contains("iPhone") || ua.contains("iPad") ? "iOS" : ua.contains("Mac OS") ? "macOS"
                : ua.contains("Linux") ? "Linux" : "";
        return os.isEmpty() ? browser : browser + " (" + os + ")";
    }

    private static void notify(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var required = event.getLocation().getQueryParameters().getSingleParameter(TWO_FACTOR_PARAM);
        if (required.filter("required"::equals).isPresent()) {
            notice.setText(getTranslation("account.twoFactor.consoleNeedsIt"));
            notice.setVisible(true);
            twoFactor.scrollIntoView();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Agora";
    }
}
