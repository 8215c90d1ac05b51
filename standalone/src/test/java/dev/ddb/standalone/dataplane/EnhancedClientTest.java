package dev.ddb.standalone.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The AWS SDK's DynamoDbEnhancedClient on a bean-mapped table: put, get, update, query, scan. */
class EnhancedClientTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @DynamoDbBean
    public static class Song {
        private String artist;
        private Integer track;
        private String title;
        private Long plays;
        private List<String> tags;

        @DynamoDbPartitionKey
        public String getArtist() {
            return artist;
        }

        public void setArtist(String artist) {
            this.artist = artist;
        }

        @DynamoDbSortKey
        public Integer getTrack() {
            return track;
        }

        public void setTrack(Integer track) {
            this.track = track;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public Long getPlays() {
            return plays;
        }

        public void setPlays(Long plays) {
            this.plays = plays;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }
    }

    static Song song(String artist, int track, String title) {
        Song song = new Song();
        song.setArtist(artist);
        song.setTrack(track);
        song.setTitle(title);
        song.setPlays(0L);
        song.setTags(List.of("new"));
        return song;
    }

    @Test
    void beanMappedTableSupportsPutGetUpdateQueryAndScan() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<Song> songs = enhanced.table("Songs", TableSchema.fromBean(Song.class));
        songs.createTable();

        songs.putItem(song("Nina", 1, "Intro"));
        songs.putItem(song("Nina", 2, "Second"));
        songs.putItem(song("Nina", 3, "Third"));
        songs.putItem(song("Otis", 1, "Other"));

        Song got = songs.getItem(Key.builder().partitionValue("Nina").sortValue(2).build());
        assertThat(got.getTitle()).isEqualTo("Second");
        assertThat(got.getTags()).containsExactly("new");

        got.setPlays(42L);
        got.setTitle("Second (remastered)");
        Song updated = songs.updateItem(got);
        assertThat(updated.getPlays()).isEqualTo(42L);
        assertThat(songs.getItem(Key.builder().partitionValue("Nina").sortValue(2).build()).getTitle())
                .isEqualTo("Second (remastered)");

        List<Song> nina = songs.query(QueryConditional.sortGreaterThanOrEqualTo(
                Key.builder().partitionValue("Nina").sortValue(2).build())).items().stream().toList();
        assertThat(nina).extracting(Song::getTrack).containsExactly(2, 3);

        assertThat(songs.scan().items().stream().count()).isEqualTo(4);

        songs.deleteItem(Key.builder().partitionValue("Otis").sortValue(1).build());
        assertThat(songs.scan().items().stream().map(Song::getArtist)).containsOnly("Nina");
    }
}
