package org.groupenrollment.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingSchemaRegistryClientTests {

    private static final Schema SIGNUP = SchemaBuilder.record("Signup").fields().requiredString("id").endRecord();

    private static final int CALLERS = 4;

    /**
     * A registry that answers only once all callers are asking at the same time, as a
     * slow one does under a burst of requests; callers queued behind one another would
     * never all arrive.
     */
    @Test
    void callersOfAColdCacheAskTheRegistryAtTheSameTimeRatherThanOneAfterAnother() throws Exception {
        CountDownLatch allAsking = new CountDownLatch(CALLERS);
        AtomicInteger calls = new AtomicInteger();
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(new AnsweringOnce(allAsking, calls));
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                ids.add(callers.submit(() -> client.register("signups-value", SIGNUP)));
            }

            for (Future<Integer> id : ids) {
                assertThat(id.get(30, TimeUnit.SECONDS)).isEqualTo(7);
            }
            assertThat(calls).hasValue(CALLERS);
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aWarmCacheDoesNotAskTheRegistryAgain() {
        AtomicInteger calls = new AtomicInteger();
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(
                new AnsweringOnce(new CountDownLatch(0), calls));

        client.register("signups-value", SIGNUP);
        client.register("signups-value", SIGNUP);

        assertThat(calls).hasValue(1);
    }

    private record AnsweringOnce(CountDownLatch allAsking, AtomicInteger calls) implements SchemaRegistryClient {

        @Override
        public int register(String subject, Schema schema) {
            calls.incrementAndGet();
            allAsking.countDown();
            try {
                if (!allAsking.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only some callers reached the registry at once");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
            return 7;
        }

        @Override
        public int lookUpId(String subject, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Schema schemaById(int id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RegisteredSchema latest(String subject) {
            throw new UnsupportedOperationException();
        }
    }

}
