package de.northwind.ops;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

public final class Storage {
    private Storage() {}

    public static S3Client client() {
        AwsBasicCredentials creds = AwsBasicCredentials.create(
            "{{gen:aws-key-id:java}}",
            "{{gen:aws-secret:java}}");
        return S3Client.builder().region(Region.EU_CENTRAL_1).credentialsProvider(StaticCredentialsProvider.create(creds)).build();
    }
}
