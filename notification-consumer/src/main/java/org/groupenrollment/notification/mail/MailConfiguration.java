package org.groupenrollment.notification.mail;

import org.groupenrollment.notification.EmailComposer;
import org.groupenrollment.notification.EmailSender;
import org.groupenrollment.notification.NotificationSettings;
import org.groupenrollment.notification.OutcomeNotifier;
import org.groupenrollment.notification.SentLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean(destroyMethod = "close")
    SmtpEmailSender smtpEmailSender(JavaMailSenderImpl mailSender, NotificationSettings settings) {
        return new SmtpEmailSender(mailSender, settings.from());
    }

    @Bean
    EmailComposer emailComposer(NotificationSettings settings) {
        return new EmailComposer(settings);
    }

    @Bean
    OutcomeNotifier outcomeNotifier(EmailComposer composer, EmailSender sender, SentLog sentLog) {
        return new OutcomeNotifier(composer, sender, sentLog);
    }

}
