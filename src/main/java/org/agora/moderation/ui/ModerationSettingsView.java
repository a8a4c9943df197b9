package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.agora.moderation.ModerationException;
import org.agora.moderation.ModerationSettings;
import org.agora.shared.ui.MainLayout;

/** Admins change moderation settings at runtime: the auto-hide threshold. */
@Route(value = "moderation/settings", layout = MainLayout.class)
@RolesAllowed("ADMIN")
class ModerationSettingsView extends VerticalLayout implements HasDynamicTitle {
    final IntegerField autoHideFlags = new IntegerField();
    final Button save = new Button();
    final Button reset = new Button();
    private final ModerationSettings settings;

    ModerationSettingsView(ModerationSettings settings) {
        this.settings = settings;
        addClassName("agora-narrow");
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
        add(new H1(getTranslation("settings.title")), new Paragraph(getTranslation("settings.intro")), autoHideFlags,
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(save, reset));
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
