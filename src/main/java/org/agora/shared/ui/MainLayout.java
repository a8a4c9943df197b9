package org.agora.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import java.util.Map;
import org.agora.shared.i18n.Messages;

/**
 * The app shell: side navigation built from the routes the current user may open ({@code @Menu} on views,
 * filtered by their access rules), search, light/dark switch, language and the user menu, and a footer
 * with the questions of the article Agora starts from.
 */
@AnonymousAllowed
public class MainLayout extends AppLayout {
    final SideNav nav = new SideNav();
    final Button themeToggle = new Button();
    final TextField search = new TextField();
    final Button bell = new Button();
    final Span bellCount = new Span();
    private final ShellAccount account;
    private final ShellNotifications notifications;
    private Runnable unwatchBell;
    private final AuthenticationContext authentication;
    private final Main main = new Main();

    public MainLayout(ShellAccount account, ShellNotifications notifications, AuthenticationContext authentication) {
        this.account = account;
        this.notifications = notifications;
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(brand(), navigation());
        main.addClassName("agora-main");
        var content = new Div(main, footer());
        content.addClassName("agora-content");
        setContent(content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        main.removeAll();
        if (view != null) {
            main.getElement().appendChild(view.getElement());
        }
    }

    private Component brand() {
        var logo = new Anchor("/", "Agora");
        logo.addClassName("agora-brand");
        var tagline = new Span(getTranslation("shell.tagline"));
        tagline.addClassName("agora-tagline");
        var box = new Div(logo, tagline);
        box.addClassName("agora-brand-box");
        return box;
    }

    private Component navigation() {
        nav.setLabel(getTranslation("shell.navigation"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path() : "/" + entry.path();
            var item = new SideNavItem(getTranslation(entry.title()), path);
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
        var wrapper = new Nav(nav);
        wrapper.addClassName("agora-nav");
        return wrapper;
    }

    private Component header() {
        search.setPlaceholder(getTranslation("shell.search.placeholder"));
        search.setAriaLabel(getTranslation("shell.search.label"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(200);
        search.addKeyDownListener(Key.ENTER, e -> UI.getCurrent().navigate("search",
                QueryParameters.simple(Map.of("q", search.getValue().strip()))));
        search.addClassName("agora-search");

        updateThemeToggle(false);
        themeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeToggle.addClickListener(e -> {
            boolean dark = !Preferences.isDark(UI.getCurrent());
            Preferences.setTheme(UI.getCurrent(), account, dark);
            updateThemeToggle(dark);
        });
        addAttachListener(e -> updateThemeToggle(Preferences.isDark(e.getUI())));

        bell.setIcon(VaadinIcon.BELL_O.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setId("bell");
        bellCount.addClassName("agora-bell-count");
        bellCount.getElement().setAttribute("aria-hidden", "true");
        bell.setSuffixComponent(bellCount);
        bell.addClickListener(e -> UI.getCurrent().navigate("notifications"));
        bell.setVisible(false);
        updateBell();

        var bar = new HorizontalLayout(search, bell, themeToggle, languageMenu(), userMenu());
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("agora-header");
        return bar;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        var ui = event.getUI();
        unwatchBell = notifications.watch(() -> ui.access(this::updateBell));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        super.onDetach(event);
        if (unwatchBell != null) {
            unwatchBell.run();
            unwatchBell = null;
        }
    }

    /** The bell shows the signed-in member's unread notifications, updated live. */
    void updateBell() {
        var unread = notifications.unread();
        bell.setVisible(unread.isPresent());
        long n = unread.orElse(0L);
        bellCount.setText(n == 0 ? "" : n > 99 ? "99+" : String.valueOf(n));
        bellCount.setVisible(n > 0);
        String label = getTranslation("shell.notifications", n);
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }

    private void updateThemeToggle(boolean dark) {
        themeToggle.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        String label = getTranslation(dark ? "shell.theme.toLight" : "shell.theme.toDark");
        themeToggle.setAriaLabel(label);
        themeToggle.setTooltipText(label);
        themeToggle.getElement().setAttribute("aria-pressed", String.valueOf(dark));
    }

    private Component languageMenu() {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        menu.getElement().setAttribute("aria-label", getTranslation("shell.language"));
        var root = menu.addItem(new Span(getLocale().getLanguage().toUpperCase(Locale.ROOT)));
        root.setAriaLabel(getTranslation("shell.language"));
        for (Locale locale : Messages.SUPPORTED) {
            var item = root.getSubMenu().addItem(locale.getDisplayLanguage(locale),
                    e -> Preferences.setLanguage(UI.getCurrent(), account, locale));
            item.setCheckable(true);
            item.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
        }
        return menu;
    }

    private Component userMenu() {
        var profile = account.current();
        if (profile.isEmpty()) {
            var login = new Anchor("/login", getTranslation("shell.login"));
            login.addClassName("agora-login-link");
            var register = new Anchor("/register", getTranslation("shell.register"));
            register.addClassName("agora-register-link");
            var box = new HorizontalLayout(login, register);
            box.setAlignItems(FlexComponent.Alignment.CENTER);
            return box;
        }
        var p = profile.get();
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        menu.getElement().setAttribute("aria-label", getTranslation("shell.userMenu"));
        var avatar = new Avatar(p.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        var name = new Span(p.displayName());
        var root = menu.addItem(new HorizontalLayout(avatar, name));
        root.setId("user-menu");
        root.getSubMenu().addItem(getTranslation("shell.account"), e -> UI.getCurrent().navigate("account"));
        root.getSubMenu().addItem(getTranslation("shell.logout"), e -> authentication.logout());
        return menu;
    }

    private Component footer() {
        var footer = new Footer();
        footer.addClassName("agora-footer");
        var intro = new Paragraph(getTranslation("footer.article"));
        var links = new Div();
        links.addClassName("agora-footer-links");
        for (int i = 1; i <= 5; i++) {
            links.add(new Anchor("/threads/" + footerTopic(i), getTranslation("footer.claim" + i)));
        }
        footer.add(intro, links, new Paragraph(getTranslation("footer.licence")));
        return footer;
    }

    /** The seeded threads behind the article's claims (ids are stable, see V002). */
    private static int footerTopic(int claim) {
        return switch (claim) {
            case 1 -> 4;
            case 2 -> 5;
            case 3 -> 1;
            case 4 -> 2;
            default -> 3;
        };
    }
}
