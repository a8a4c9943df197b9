package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.agora.moderation.ModerationException;
import org.agora.moderation.ModerationSettings;
import org.agora.moderation.WatchedWord;
import org.agora.shared.ui.MainLayout;

/**
 * Admins change moderation settings at runtime: the auto-hide threshold, the new-account limits, watched words
 * (block, require review, replace) and blocked link domains. The service checks the role and audits each change.
 */
@Route(value = "moderation/settings", layout = MainLayout.class)
@RolesAllowed("ADMIN")
class ModerationSettingsView extends VerticalLayout implements HasDynamicTitle {
    final IntegerField autoHideFlags = new IntegerField();
    final Button save = new Button();
    final Button reset = new Button();

    final IntegerField newAccountHours = new IntegerField();
    final IntegerField newAccountPosts = new IntegerField();
    final IntegerField newAccountLinks = new IntegerField();
    final Button saveLimits = new Button();

    final Grid<WatchedWord> words = new Grid<>(WatchedWord.class, false);
    final TextField word = new TextField();
    final Select<WatchedWord.Action> action = new Select<>();
    final TextField replacement = new TextField();
    final Button addWord = new Button();

    final Grid<String> domains = new Grid<>(String.class, false);
    final TextField domain = new TextField();
    final Button addDomain = new Button();

    private final ModerationSettings settings;

    ModerationSettingsView(ModerationSettings settings) {
        this.settings = settings;
        addClassName("agora-narrow");
        add(new H1(getTranslation("settings.title")), new Paragraph(getTranslation("settings.intro")));
        autoHideSection();
        newAccountSection();
        wordsSection();
        domainsSection();
    }

    private void autoHideSection() {
        autoHideFlags.setLabel(getTranslation("settings.autoHideFlags"));
        autoHideFlags.setHelperText(getTranslation("settings.autoHideHelp", settings.configuredAutoHideFlags()));
        autoHideFlags.setMin(ModerationSettings.AUTO_HIDE_MIN);
        autoHideFlags.setMax(ModerationSettings.AUTO_HIDE_MAX);
        autoHideFlags.setStepButtonsVisible(true);
        autoHideFlags.setValue(settings.autoHideFlags());
        save.setText(getTranslation("settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change(autoHideFlags.getValue()));
        reset.setText(getTranslation("settings.reset"));
        reset.addClickListener(e -> change(null));
        add(autoHideFlags, new HorizontalLayout(save, reset));
    }

    private void newAccountSection() {
        var limits = settings.newAccountLimits();
        newAccountHours.setLabel(getTranslation("settings.newAccountHours"));
        newAccountHours.setValue(limits.hours());
        newAccountPosts.setLabel(getTranslation("settings.newAccountPosts"));
        newAccountPosts.setValue(limits.approvedPosts());
        newAccountLinks.setLabel(getTranslation("settings.newAccountLinks"));
        newAccountLinks.setValue(limits.links());
        for (var f : new IntegerField[] {newAccountHours, newAccountPosts, newAccountLinks}) {
            f.setMin(0);
            f.setMax(ModerationSettings.LIMIT_MAX);
            f.setStepButtonsVisible(true);
        }
        saveLimits.setText(getTranslation("settings.save"));
        saveLimits.addClickListener(e -> {
            try {
                settings.setNewAccountLimits(newAccountHours.getValue(), newAccountPosts.getValue(),
                        newAccountLinks.getValue());
                newAccountHours.setInvalid(false);
                Notices.done(getTranslation("settings.saved"));
            } catch (ModerationException ex) {
                newAccountHours.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                newAccountHours.setInvalid(true);
            }
        });
        var fields = new HorizontalLayout(newAccountHours, newAccountPosts, newAccountLinks, saveLimits);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        add(new H2(getTranslation("settings.newAccount")), new Paragraph(getTranslation("settings.newAccountHelp")),
                fields);
    }

    private void wordsSection() {
        words.addColumn(WatchedWord::word).setHeader(getTranslation("settings.word")).setAutoWidth(true);
        words.addColumn(w -> getTranslation("settings.action." + w.action().name())
                        + (w.replacement() == null ? "" : " \u201c" + w.replacement() + "\u201d"))
                .setHeader(getTranslation("settings.action")).setAutoWidth(true);
        words.addComponentColumn(w -> {
            var remove = new Button(getTranslation("settings.remove"), e -> {
                settings.unwatchWord(w.id());
                refreshWords();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", getTranslation("settings.remove") + " " + w.word());
            return remove;
        }).setFlexGrow(0).setAutoWidth(true);
        words.setAllRowsVisible(true);
        words.setEmptyStateText(getTranslation("settings.noWords"));
        word.setLabel(getTranslation("settings.word"));
        word.setMaxLength(WatchedWord.WORD_MAX);
        action.setLabel(getTranslation("settings.action"));
        action.setItems(WatchedWord.Action.values());
        action.setItemLabelGenerator(a -> getTranslation("settings.action." + a.name()));
        action.setValue(WatchedWord.Action.BLOCK);
        replacement.setLabel(getTranslation("settings.replacement"));
        replacement.setMaxLength(WatchedWord.WORD_MAX);
        replacement.setVisible(false);
        action.addValueChangeListener(e -> replacement.setVisible(e.getValue() == WatchedWord.Action.REPLACE));
        addWord.setText(getTranslation("settings.add"));
        addWord.addClickListener(e -> addWord());
        var form = new HorizontalLayout(word, action, replacement, addWord);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("settings.words")), new Paragraph(getTranslation("settings.wordsHelp")), form, words);
        refreshWords();
    }

    private void addWord() {
        word.setInvalid(false);
        replacement.setInvalid(false);
        try {
            settings.watchWord(word.getValue(), action.getValue(), replacement.getValue());
            word.clear();
            replacement.clear();
            refreshWords();
            Notices.done(getTranslation("settings.saved"));
        } catch (ModerationException ex) {
            var field = "replacement".equals(ex.field()) ? replacement : word;
            field.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            field.setInvalid(true);
        }
    }

    private void domainsSection() {
        domains.addColumn(d -> d).setHeader(getTranslation("settings.domain")).setAutoWidth(true);
        domains.addComponentColumn(d -> {
            var remove = new Button(getTranslation("settings.remove"), e -> {
                settings.unblockDomain(d);
                refreshDomains();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", getTranslation("settings.remove") + " " + d);
            return remove;
        }).setFlexGrow(0).setAutoWidth(true);
        domains.setAllRowsVisible(true);
        domains.setEmptyStateText(getTranslation("settings.noDomains"));
        domain.setLabel(getTranslation("settings.domain"));
        domain.setPlaceholder("example.com");
        addDomain.setText(getTranslation("settings.add"));
        addDomain.addClickListener(e -> {
            domain.setInvalid(false);
            try {
                settings.blockDomain(domain.getValue());
                domain.clear();
                refreshDomains();
                Notices.done(getTranslation("settings.saved"));
            } catch (ModerationException ex) {
                domain.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                domain.setInvalid(true);
            }
        });
        var form = new HorizontalLayout(domain, addDomain);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("settings.domains")), new Paragraph(getTranslation("settings.domainsHelp")), form,
                domains);
        refreshDomains();
    }

    private void refreshWords() {
        words.setItems(settings.watchedWords());
    }

    private void refreshDomains() {
        domains.setItems(settings.blockedDomains());
    }

    private void change(Integer value) {
        try {
            settings.setAutoHideFlags(value);
            autoHideFlags.setInvalid(false);
            autoHideFlags.setValue(settings.autoHideFlags());
            Notices.done(getTranslation("settings.saved"));
        } catch (ModerationException ex) {
            autoHideFlags.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            autoHideFlags.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " · Agora";
    }
}
