package org.agora.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Gauges of this node's Vaadin UIs: {@code agora.ui.active} (open UIs: a tab that has not been closed, nor
 * dropped after missed heartbeats or with its session) and {@code agora.push.connections} (those whose push
 * channel is connected now).
 */
@Component
class UiMeters implements VaadinServiceInitListener {
    private final Set<UI> uis = ConcurrentHashMap.newKeySet();

    UiMeters(MeterRegistry registry) {
        Gauge.builder("agora.ui.active", uis, Set::size).description("Open Vaadin UIs on this node")
                .register(registry);
        Gauge.builder("agora.push.connections", this, UiMeters::pushConnections)
                .description("Vaadin UIs with a connected push channel on this node").register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            uis.add(ui);
            ui.addDetachListener(detach -> uis.remove(ui));
        });
        // a session that ends (timeout, logout, closed as idle) takes its UIs with it
        event.getSource().addSessionDestroyListener(destroy -> uis.removeIf(ui -> ui.getSession() == null || ui.getSession() == destroy.getSession()));
    }

    private double pushConnections() {
        // read without the session lock: a gauge may be a moment stale, never blocks a UI
        return uis.stream().filter(ui -> {
            var push = ui.getInternals().getPushConnection();
            return push != null && push.isConnected();
        }).count();
    }
}
