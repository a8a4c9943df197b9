package org.agora.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real headless Chromium (Debian's, never a downloaded one) against the running app: one browser per test
 * class, a fresh context (cookies, storage) per test.
 */
@IntegrationTest
public abstract class BrowserTest {
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium
                    + " (apt-get install -y chromium, or set CHROMIUM_PATH)");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
    }

    protected BrowserContext newContext() {
        var c = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
        c.setDefaultTimeout(20_000);
        return c;
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a path and waits until Vaadin has rendered the view's heading. */
    protected void open(String path) {
        page.navigate(url(path));
        page.locator("h1").first().waitFor();
    }

    protected void logIn(String username, String password) {
        open("/login");
        page.getByLabel("Username or email").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password").setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*://[^/]+/(\\?continue)?$"));
        page.locator("#user-menu").waitFor();
    }

    /** Logs in an account with two-factor authentication: the password, then a code on the code page. */
    protected void logIn(String username, String password, String code) {
        enterPassword(username, password);
        enterCode(code);
        page.waitForURL(Pattern.compile(".*://[^/]+/(\\?continue)?$"));
        page.locator("#user-menu").waitFor();
    }

    /** The password step of an account with two-factor authentication: it ends on the code page. */
    protected void enterPassword(String username, String password) {
        open("/login");
        page.getByLabel("Username or email").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password").setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/login/code$"));
        page.locator("h1").first().waitFor();
    }

    /** Types a code on the code page and submits it. */
    protected void enterCode(String code) {
        page.getByLabel("Authentication code").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify").setExact(true)).click();
    }

    protected void logOut() {
        page.locator("#user-menu").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Log out")).click();
        page.getByText("Log in", new Page.GetByTextOptions().setExact(true)).first().waitFor();
    }

    protected String heading() {
        return page.locator("h1").first().textContent().strip();
    }

    protected String sessionCookie() {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElse(null);
    }
}
