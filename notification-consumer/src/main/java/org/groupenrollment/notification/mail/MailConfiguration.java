package org.groupenrollment.notification.mail;

import java.time.Clock;

import org.groupenrollment.events.config.HmacKeys;
import org.groupenrollment.events.links.PlaceLinks;
import org.groupenrollment.notification.NotificationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail edge: rendering from templates, and sending over SMTP with reused connections.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean(destroyMethod = "close")
    SmtpEmailSender smtpEmailSender(JavaMailSenderImpl mailSender, NotificationSettings settings) {
        return new SmtpEmailSender(mailSender, settings.from());
    }

    @Bean
    ThymeleafEmailComposer emailComposer(NotificationSettings settings, HmacKeys keys) {
        return new ThymeleafEmailComposer(settings, new PlaceLinks(keys), PlaceLinks.erasures(keys), Clock.systemUTC());
    }

}
