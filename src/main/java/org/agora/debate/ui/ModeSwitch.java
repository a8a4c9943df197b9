package org.agora.debate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;

/**
 * A small segmented control: toggle buttons in a labelled group, the chosen one aria-pressed. Used instead of
 * Vaadin Tabs for switching views of the same content (axe flags tabs without tab panels as critical).
 */
class ModeSwitch extends Div {
    private final List<Button> buttons = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private Button selected;

    ModeSwitch(String label) {
        addClassName("agora-mode-switch");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", label);
    }

    Button addMode(String text) {
        var button = new Button(text, e -> setSelectedTab((Button) e.getSource()));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        buttons.add(button);
        add(button);
        if (selected == null) {
            mark(button);
        }
        return button;
    }

    Button getSelectedTab() {
        return selected;
    }

    void setSelectedTab(Button button) {
        if (button == selected) {
            return;
        }
        mark(button);
        listeners.forEach(Runnable::run);
    }

    /** Selects without notifying (restoring a remembered choice). */
    void select(Button button) {
        mark(button);
    }

    void addSelectedChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void mark(Button button) {
        selected = button;
        for (Button b : buttons) {
            boolean on = b == button;
            b.getElement().setAttribute("aria-pressed", String.valueOf(on));
            if (on) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }
    }
}
