package org.agora.moderation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.account.CurrentUser;
import org.agora.shared.filter.ContentFilter.NewAccountLimits;
import org.agora.shared.filter.Links;
import org.agora.shared.text.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings admins change at runtime, falling back to configuration: the number of flags from different members
 * that hides content pending review ({@code agora.moderation.auto-hide-flags}), the new-account limits
 * ({@code agora.moderation.new-account-*}), watched words and blocked link domains. Every change is written to
 * the audit log with its before and after, and empties the filters' cache on every node.
 */
@Service
public class ModerationSettings {
    public static final int AUTO_HIDE_MIN = 1;
    public static final int AUTO_HIDE_MAX = 100;
    public static final int LIMIT_MAX = 10_000;
    public static final int DOMAIN_MAX = 253;
    private static final String ADMIN = "hasRole('ADMIN') and @staffSecurity.twoFactorVerified()";

    private final SettingRepository values;
    private final FilterRepository filters;
    private final ModerationContentFilter cache;
    private final Audit audit;
    private final Clock clock;
    private final int configuredAutoHideFlags;

    ModerationSettings(SettingRepository values, FilterRepository filters, ModerationContentFilter cache, Audit audit,
                       Clock clock, @Value("${agora.moderation.auto-hide-flags:3}") int configuredAutoHideFlags) {
        this.values = values;
        this.filters = filters;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
        this.configuredAutoHideFlags = configuredAutoHideFlags;
    }

    /** The flags from different members that hide content pending review. */
    @Transactional(readOnly = true)
    public int autoHideFlags() {
        return values.value(SettingRepository.AUTO_HIDE_FLAGS).orElse(configuredAutoHideFlags);
    }

    /** An admin sets the auto-hide threshold (1–100); null goes back to the configured default. Audited. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void setAutoHideFlags(Integer flags) {
        if (flags != null && (flags < AUTO_HIDE_MIN || flags > AUTO_HIDE_MAX)) {
            throw new ModerationException("autoHideFlags", "settings.autoHideRange", AUTO_HIDE_MIN, AUTO_HIDE_MAX);
        }
        int before = autoHideFlags();
        change(SettingRepository.AUTO_HIDE_FLAGS, flags);
        audit.setting("auto-hide threshold", Audit.json(Map.of("autoHideFlags", before)),
                Audit.json(Map.of("autoHideFlags", autoHideFlags())));
    }

    public int configuredAutoHideFlags() {
        return configuredAutoHideFlags;
    }

    /** When an account counts as new, and how many links its posts may hold. */
    @Transactional(readOnly = true)
    public NewAccountLimits newAccountLimits() {
        return values.newAccountLimits();
    }

    public NewAccountLimits configuredNewAccountLimits() {
        return values.configuredLimits();
    }

    /** An admin sets the new-account limits (each 0–10,000; null: the configured default). Audited. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void setNewAccountLimits(Integer hours, Integer approvedPosts, Integer links) {
        for (var v : new Integer[] {hours, approvedPosts, links}) {
            if (v != null && (v < 0 || v > LIMIT_MAX)) {
                throw new ModerationException("newAccount", "settings.limitRange", 0, LIMIT_MAX);
            }
        }
        var before = newAccountLimits();
        change(SettingRepository.NEW_ACCOUNT_HOURS, hours);
        change(SettingRepository.NEW_ACCOUNT_POSTS, approvedPosts);
        change(SettingRepository.NEW_ACCOUNT_LINKS, links);
        cache.changed();
        audit.setting("new-account limits", limitsJson(before), limitsJson(newAccountLimits()));
    }

    @Transactional(readOnly = true)
    public List<WatchedWord> watchedWords() {
        return filters.words();
    }

    /**
     * An admin watches a word or phrase (or changes what happens to one already watched, compared after
     * normalisation). REPLACE needs a replacement; it must not contain a watched word itself. Audited.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public WatchedWord watchWord(String rawWord, WatchedWord.Action action, String rawReplacement) {
        String word = TextInput.clean(rawWord);
        String normalized = WordMatcher.normalize(word);
        if (normalized.isEmpty() || TextInput.length(word) > WatchedWord.WORD_MAX) {
            throw new ModerationException("word", "settings.wordLength", WatchedWord.WORD_MAX);
        }
        if (action == null) {
            throw new ModerationException("action", "settings.actionRequired");
        }
        String replacement = null;
        if (action == WatchedWord.Action.REPLACE) {
            replacement = TextInput.clean(rawReplacement);
            if (replacement.isEmpty() || TextInput.length(replacement) > WatchedWord.WORD_MAX) {
                throw new ModerationException("replacement", "settings.replacementLength", WatchedWord.WORD_MAX);
            }
            if (WordMatcher.pattern(word).matcher(Links.normalize(replacement)).find()) {
                throw new ModerationException("replacement", "settings.replacementWatched");
            }
        }
        var before = filters.wordByNormalized(normalized);
        long id = filters.upsertWord(word, normalized, action, replacement, clock.instant(), me());
        cache.changed();
        var after = filters.word(id).orElseThrow();
        audit.setting("watched word", before.map(ModerationSettings::wordJson).orElse(null), wordJson(after));
        return after;
    }

    /** An admin stops watching a word. Audited. @return whether it was watched */
    @PreAuthorize(ADMIN)
    @Transactional
    public boolean unwatchWord(long id) {
        var before = filters.word(id);
        if (before.isEmpty() || !filters.deleteWord(id)) {
            return false;
        }
        cache.changed();
        audit.setting("watched word removed", wordJson(before.get()), null);
        return true;
    }

    @Transactional(readOnly = true)
    public List<String> blockedDomains() {
        return filters.domains();
    }

    /**
     * An admin blocks links to a domain and its subdomains ("example.com", "https://example.com/x" or
     * "*.example.com" all block example.com). Audited. @return the domain as stored
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public String blockDomain(String raw) {
        String domain = domain(raw);
        if (filters.insertDomain(domain, clock.instant(), me())) {
            cache.changed();
            audit.setting("blocked domain", null, Audit.json(Map.of("domain", domain)));
        }
        return domain;
    }

    /** An admin allows links to a domain again. Audited. @return whether it was blocked */
    @PreAuthorize(ADMIN)
    @Transactional
    public boolean unblockDomain(String raw) {
        String domain = Links.ascii(TextInput.clean(raw));
        if (!filters.deleteDomain(domain)) {
            return false;
        }
        cache.changed();
        audit.setting("blocked domain removed", Audit.json(Map.of("domain", domain)), null);
        return true;
    }

    static String domain(String raw) {
        String d = TextInput.clean(raw).strip();
        d = d.replaceFirst("^(?i)[a-z][a-z0-9+.-]*://", "").replaceFirst("^\\*?\\.", "");
        int end = d.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = d.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        d = Links.ascii(d.substring(0, end));
        if (d.length() > DOMAIN_MAX || !d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            throw new ModerationException("domain", "settings.domainInvalid");
        }
        return d;
    }

    private void change(String name, Integer value) {
        if (value == null) {
            values.clear(name);
        } else {
            values.set(name, value, clock.instant(), me());
        }
    }

    private static Long me() {
        return CurrentUser.require().id().value();
    }

    private static String wordJson(WatchedWord w) {
        var m = new LinkedHashMap<String, Object>();
        m.put("word", w.word());
        m.put("action", w.action().name());
        if (w.replacement() != null) {
            m.put("replacement", w.replacement());
        }
        return Audit.json(m);
    }

    private static String limitsJson(NewAccountLimits l) {
        return Audit.json(Map.of("hours", l.hours(), "approvedPosts", l.approvedPosts(), "links", l.links()));
    }
}
