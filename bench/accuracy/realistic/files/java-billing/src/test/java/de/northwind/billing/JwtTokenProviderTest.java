package de.northwind.billing;

import static org.assertj.core.api.Assertions.assertThat;

import de.northwind.billing.security.JwtTokenProvider;
import org.junit.jupiter.api.Test;

class JwtTokenProviderTest {
    private static final String SECRET = "dGVzdC1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaC1mb3ItaHMyNTYtc2lnbmluZw==";

    @Test
    void roundTrip() {
        JwtTokenProvider provider = new JwtTokenProvider(SECRET, 5);
        String token = provider.createToken("invoice-bot");
        assertThat(provider.parse(token).getSubject()).isEqualTo("invoice-bot");
    }

    @Test
    void acceptsTokenFromOldService() {
        String legacy = "{{gen:jwt:java-legacy}}";
        JwtTokenProvider provider = new JwtTokenProvider(SECRET, 5);
        assertThat(provider.parse(legacy).getSubject()).isNotBlank();
    }
}
