package org.agora.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts one real SMTP server (GreenMail) for the test JVM and points spring.mail.* at it. */
public class GreenMailInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static GreenMail greenMail;

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var smtp = greenMail().getSmtp().getServerSetup();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("greenmail", Map.of(
                "spring.mail.host", smtp.getBindAddress(),
                "spring.mail.port", smtp.getPort())));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
