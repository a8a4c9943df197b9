package org.agora.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.agora.account.AccountException;
import org.agora.account.TotpEnrolment;
import org.agora.account.TwoFactorService;
import org.agora.account.TwoFactorStatus;
import org.agora.shared.ui.Dates;

/**
 * The "Two-factor authentication" part of the account page. Off: a button to set it up, which shows a QR code and
 * the key, and asks for a first code. Just turned on (or new codes made): the ten recovery codes, once. On: how many
 * recovery codes are left, new recovery codes (with a code), and turning it off (with the password and a code).
 */
class TwoFactorForm extends Section {
    static final String ID = "two-factor";

    final Paragraph state = new Paragraph();
    final Button setUp = new Button();
    final Div setupBox = new Div();
    final Div qrBox = new Div();
    final Code secret = new Code();
    final TextField setupCode = codeField("account.twoFactor.code", true);
    final Button turnOn = new Button();
    final Button cancelSetup = new Button();
    final Div codesBox = new Div();
    final TextArea recoveryCodes = new TextArea();
    final Button codesSaved = new Button();
    final Div onBox = new Div();
    final TextField newCodesCode = codeField("account.twoFactor.codeOrRecovery", false);
    final Button newCodes = new Button();
    final PasswordField offPassword = new PasswordField();
    final TextField offCode = codeField("account.twoFactor.codeOrRecovery", false);
    final Button turnOff = new Button();
    private final TwoFactorService service;

    TwoFactorForm(TwoFactorService service) {
        this.service = service;
        setId(ID);
        addClassName("agora-section");
        state.getElement().setAttribute("role", "status");

        setUp.setText(getTranslation("account.twoFactor.setUp"));
        setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        setUp.addClickListener(e -> startSetup());

        secret.addClassName("agora-totp-secret");
        turnOn.setText(getTranslation("account.twoFactor.turnOn"));
        turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        turnOn.setDisableOnClick(true);
        turnOn.addClickListener(e -> confirmSetup());
        turnOn.addClickShortcut(Key.ENTER).listenOn(setupCode);
        cancelSetup.setText(getTranslation("account.twoFactor.cancel"));
        cancelSetup.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancelSetup.addClickListener(e -> refresh());
        var secretLine = new Paragraph(getTranslation("account.twoFactor.secret") + " ");
        secretLine.add(secret);
        setupBox.add(new Paragraph(getTranslation("account.twoFactor.scan")), qrBox, secretLine,
                row(setupCode, turnOn, cancelSetup));

        recoveryCodes.setLabel(getTranslation("account.twoFactor.recoveryCodes"));
        recoveryCodes.setReadOnly(true);
        recoveryCodes.setWidthFull();
        recoveryCodes.addClassName("agora-recovery-codes");
        codesSaved.setText(getTranslation("account.twoFactor.recoveryCodes.saved"));
        codesSaved.addClickListener(e -> refresh());
        codesBox.add(new Paragraph(getTranslation("account.twoFactor.recoveryCodes.intro")), recoveryCodes, codesSaved);

        newCodes.setText(getTranslation("account.twoFactor.newCodes.create"));
        newCodes.setDisableOnClick(true);
        newCodes.addClickListener(e -> makeNewCodes());
        offPassword.setLabel(getTranslation("account.password.current"));
        offPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        turnOff.setText(getTranslation("account.twoFactor.turnOff"));
        turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        turnOff.setDisableOnClick(true);
        turnOff.addClickListener(e -> disable());
        onBox.add(new H3(getTranslation("account.twoFactor.newCodes")),
                new Paragraph(getTranslation("account.twoFactor.newCodes.intro")), row(newCodesCode, newCodes),
                new H3(getTranslation("account.twoFactor.turnOff")), turnOffIntro(), row(offPassword, offCode, turnOff));

        add(new H2(getTranslation("account.twoFactor")), new Paragraph(getTranslation("account.twoFactor.intro")), state,
                setUp, setupBox, codesBox, onBox);
        refresh();
    }

    private Paragraph turnOffIntro() {
        return new Paragraph(getTranslation("account.twoFactor.turnOff.intro"));
    }

    private static TextField codeField(String labelKey, boolean digitsOnly) {
        var field = new TextField();
        field.setMaxLength(40);
        field.setWidth("16em");
        field.getElement().setAttribute("autocomplete", "one-time-code");
        field.getElement().setAttribute("spellcheck", "false");
        if (digitsOnly) {
            field.getElement().setAttribute("inputmode", "numeric");
            field.setMaxLength(7);
        }
        field.setLabel(field.getTranslation(labelKey));
        return field;
    }

    private static HorizontalLayout row(Component... components) {
        var row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** Shows the part that fits the member's 2FA now. */
    void refresh() {
        TwoFactorStatus status = service.status();
        Forms.clear(setupCode, newCodesCode, offPassword, offCode);
        setupCode.clear();
        newCodesCode.clear();
        offPassword.clear();
        offCode.clear();
        recoveryCodes.clear();
        qrBox.removeAll();
        secret.setText("");
        if (status.enabled()) {
            state.setText(getTranslation("account.twoFactor.on", Dates.date(status.enabledAt(), getLocale()),
                    status.recoveryCodesLeft()));
        } else {
            state.setText(getTranslation("account.twoFactor.off") + (status.requiredForRole()
                    ? " " + getTranslation("account.twoFactor.requiredForStaff") : ""));
        }
        setUp.setVisible(!status.enabled());
        setupBox.setVisible(false);
        codesBox.setVisible(false);
        onBox.setVisible(status.enabled());
    }

    void startSetup() {
        try {
            TotpEnrolment enrolment = service.startEnrolment();
            qrBox.removeAll();
            qrBox.add(QrCodeImage.of(enrolment.otpauthUri(), getTranslation("account.twoFactor.qrAlt")));
            secret.setText(enrolment.secretGrouped());
            setUp.setVisible(false);
            setupBox.setVisible(true);
            setupCode.focus();
        } catch (AccountException e) {
            Forms.show(e, Map.of(), this::getTranslation);
            refresh();
        }
    }

    void confirmSetup() {
        Forms.clear(setupCode);
        try {
            List<String> codes = service.confirmEnrolment(setupCode.getValue());
            refresh();
            showCodes(codes);
            notify(getTranslation("account.twoFactor.turnedOn"));
        } catch (AccountException e) {
            Forms.show(e, Map.of("code", setupCode), this::getTranslation);
        } finally {
            turnOn.setEnabled(true);
        }
    }

    void makeNewCodes() {
        Forms.clear(newCodesCode);
        try {
            List<String> codes = service.regenerateRecoveryCodes(newCodesCode.getValue());
            refresh();
            showCodes(codes);
        } catch (AccountException e) {
            Forms.show(e, Map.of("code", newCodesCode), this::getTranslation);
        } finally {
            newCodes.setEnabled(true);
        }
    }

    void disable() {
        Forms.clear(offPassword, offCode);
        try {
            service.disable(offPassword.getValue(), offCode.getValue());
            refresh();
            notify(getTranslation("account.twoFactor.turnedOff"));
        } catch (AccountException e) {
            Forms.show(e, Map.of("password", offPassword, "code", offCode), this::getTranslation);
        } finally {
            turnOff.setEnabled(true);
        }
    }

    private void showCodes(List<String> codes) {
        recoveryCodes.setValue(String.join("\n", codes));
        codesBox.setVisible(true);
        onBox.setVisible(false);
        codesSaved.focus();
    }

    private static void notify(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
