package com.promises.projections.history;

import com.promises.core.account.CustomerRegistered;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event serializer remembers type names and readers, and reads and writes exactly as Axon's own. */
class CachingJacksonSerializerTest {

    private final CachingJacksonSerializer serializer = CachingJacksonSerializer.forHistory();

    @Test
    void anEventAndItsMetadataReadBackAsTheyWereWrittenAgainAndAgain() {
        CustomerRegistered event = new CustomerRegistered("hotel-zhonghua", "Hotel Zhonghua", "CNY", Instant.parse("2026-07-01T09:00:00Z"));
        MetaData metaData = MetaData.from(Map.of("actor", "collector", "correlationId", "c-1"));

        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(metaData, byte[].class);

        for (int read = 0; read < 2; read++) { // the second time from the caches
            assertThat((Object) serializer.deserialize(payload)).isEqualTo(event);
            assertThat((Object) serializer.deserialize(meta)).isEqualTo(metaData);
        }
        assertThat(new String(payload.getData())).contains("\"recordedAt\":\"2026-07-01T09:00:00Z\"");
    }

    @Test
    void aTypeNameResolvesToItsClassOrToUnknownEveryTime() {
        SimpleSerializedType known = new SimpleSerializedType(CustomerRegistered.class.getName(), null);
        SimpleSerializedType unknown = new SimpleSerializedType("com.promises.core.account.NoSuchEvent", null);

        assertThat(serializer.classForType(known)).isEqualTo(CustomerRegistered.class);
        assertThat(serializer.classForType(known)).isEqualTo(CustomerRegistered.class);
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void aReaderIsMadeOncePerType() {
        assertThat(serializer.getReader(CustomerRegistered.class)).isSameAs(serializer.getReader(CustomerRegistered.class));
        assertThat(serializer.getReader(MetaData.class)).isNotSameAs(serializer.getReader(CustomerRegistered.class));
    }
}
