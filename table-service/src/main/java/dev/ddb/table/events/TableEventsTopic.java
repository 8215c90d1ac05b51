package dev.ddb.table.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.ddb.common.event.Topics;

@Configuration(proxyBeanMethods = false)
public class TableEventsTopic {

    /**
     * Compacted so that the topic keeps the latest event of every table: a consumer reading it
     * from the start learns the current set of tables. One partition keeps all table events in order.
     */
    @Bean
    public NewTopic tableEventsNewTopic() {
        return TopicBuilder.name(Topics.TABLE_EVENTS).compact().partitions(1).replicas(1).build();
    }
}
