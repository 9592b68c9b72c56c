package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3SmokeTest {

    @Test
    void keyCreatedThroughTheApiWritesAndReadsItsBucket() {
        long t0 = System.nanoTime();
        try (var sim = FlashBladeSimulator.start(SimulatorSettings.inMemory())) {
            System.out.println("start ms " + (System.nanoTime() - t0) / 1_000_000);
            var api = new SimulatorClient(sim).login(sim.apiToken());
            assertThat(api.post("/object-store-accounts?names=acct-a", null).status()).isEqualTo(200);
            assertThat(api.post("/object-store-users?names=acct-a/spark&full_access=true", null).status()).isEqualTo(200);
            var key = api.post("/object-store-access-keys", "{\"user\":{\"name\":\"acct-a/spark\"}}");
            System.out.println(key.json());
            var bucket = api.post("/buckets?names=spark-working", "{\"account\":{\"name\":\"acct-a\"}}");
            System.out.println(bucket.json());
            String id = key.items().path(0).path("name").asString();
            String secret = key.items().path(0).path("secret_access_key").asString();
            try (S3Client s3 = S3Clients.forKey(sim.s3Endpoint(), id, secret)) {
                s3.putObject(b -> b.bucket("spark-working").key("dir/hello.txt"), RequestBody.fromString("hello"));
                assertThat(s3.getObjectAsBytes(b -> b.bucket("spark-working").key("dir/hello.txt")).asUtf8String())
                        .isEqualTo("hello");
                assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("spark-working");
            }
        }
    }
}
