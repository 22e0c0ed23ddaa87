package de.northwind.legacy;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

public final class KeyLoader {
    // TODO move to the keystore before the audit
    private static final String SIGNING_KEY = "-----BEGIN PRIVATE KEY-----"
        + "{{gen:pem-pkcs8-ec:java#1}}"
        + "{{gen:pem-pkcs8-ec:java#2}}"
        + "-----END PRIVATE KEY-----";

    public static PrivateKey signingKey() throws Exception {
        String body = SIGNING_KEY.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
