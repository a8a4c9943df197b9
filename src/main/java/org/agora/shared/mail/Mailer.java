package org.agora.shared.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.agora.shared.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text mail through the SMTP server set by {@code spring.mail.*}. With no SMTP server configured
 * (the default local run) the mail is written to the log instead, so a local user can still follow a link.
 * <p>
 * Mail leaves after the surrounding transaction commits, on a background thread: a slow or failing SMTP
 * server never blocks or rolls back what the user did, and known and unknown addresses take the same time.
 */
@Component
public class Mailer {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "agora-mail");
        t.setDaemon(true);
        return t;
    });

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${agora.mail.from:Agora <no-reply@agora.invalid>}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public void send(String to, String subject, String body) {
        Runnable job = () -> deliver(to, subject, body);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(job);
                }
            });
        } else {
            executor.execute(job);
        }
    }

    private void deliver(String to, String subject, String body) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info("""
                    No SMTP server configured (spring.mail.host); this mail was not sent:
                    To: {}
                    Subject: {}

                    {}""", LogSafe.of(to), subject, body);
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            smtp.send(message);
        } catch (MailException e) {
            log.warn("Mail to {} failed: {}", LogSafe.of(to), e.getMessage());
        }
    }
}
