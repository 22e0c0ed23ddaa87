package de.northwind.billing.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class JwtTokenProvider {

    private static final String FALLBACK_SECRET = "c2VjcmV0LWtleS1mb3ItYmlsbGluZy1zZXJ2aWNlLTIwMjItMTEtMDM=";

    private final Key key;
    private final long validityMs;

    public JwtTokenProvider(@Value("${security.jwt.secret:}") String secret,
                            @Value("${security.jwt.expiration-minutes:60}") long minutes) {
        String material = secret.isBlank() ? FALLBACK_SECRET : secret;
        this.key = Keys.hmacShaKeyFor(Decoders.BASE64.decode(material));
        this.validityMs = minutes * 60_000;
    }

    public String createToken(String subject) {
        Date now = new Date();
        return Jwts.builder().setSubject(subject).setIssuedAt(now)
            .setExpiration(new Date(now.getTime() + validityMs)).signWith(key).compact();
    }

    public Claims parse(String token) {
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
    }
}
