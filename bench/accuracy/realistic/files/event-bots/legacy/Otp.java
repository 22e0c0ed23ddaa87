package de.northwind.legacy;

import com.warrenstrange.googleauth.GoogleAuthenticator;

public final class Otp {
    private static final GoogleAuthenticator GA = new GoogleAuthenticator();

    public static int current() {
        return GA.getTotpPassword("{{gen:b32-16:java-otp}}");
    }
}
