package de.northwind.legacy;

public final class Config {
    public static final String PASSWORD_PROPERTY = "legacy.db.password";
    public static final String TOKEN_HEADER = "X-Legacy-Token";
    private final String password = System.getProperty(PASSWORD_PROPERTY, "");
    private final String secret = new String(java.util.Base64.getDecoder().decode(System.getenv("LEGACY_SECRET_B64")));
    private final char[] keystorePassword = System.console().readPassword("Keystore password: ");

    public String password() { return password; }
    public String secret() { return secret; }
}
