package de.northwind.billing.service;

import java.util.Properties;
import javax.mail.Authenticator;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;

public final class InvoiceMailer {
    private InvoiceMailer() {}

    static Session legacySession() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "mail.northwind.local");
        props.put("mail.smtp.auth", "true");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("invoices", "Inv0ice-Relay-88".toCharArray());
            }
        });
    }
}
