package dev.ddb.item.index;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table the index tests use, as table-service would describe it: Music (Artist, Song) with a
 * local index ByYear (Artist, Year; KEYS_ONLY), a global index ByGenre (Genre, Year; INCLUDE Album)
 * and a global index ByAlbum (Album; ALL).
 */
final class MusicTable {

    static final String NAME = "Music";

    private MusicTable() {
    }

    static String description(String tableName, boolean withByAlbum) {
        return "{\"TableName\":\"" + tableName + "\",\"TableId\":\"id-" + tableName + "\","
                + "\"KeySchema\":[{\"AttributeName\":\"Artist\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"Song\",\"KeyType\":\"RANGE\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"Artist\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"Song\",\"AttributeType\":\"S\"},{\"AttributeName\":\"Genre\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"Year\",\"AttributeType\":\"N\"},{\"AttributeName\":\"Album\",\"AttributeType\":\"S\"}],"
                + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"ByYear\",\"KeySchema\":[{\"AttributeName\":\"Artist\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"Year\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"ByGenre\",\"KeySchema\":[{\"AttributeName\":\"Genre\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"Year\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"Album\"]}}"
                + (withByAlbum ? ",{\"IndexName\":\"ByAlbum\",\"KeySchema\":[{\"AttributeName\":\"Album\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}" : "")
                + "]}";
    }

    static Map<String, AttributeValue> song(String artist, String song, String genre, Integer year, String album) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("Artist", AttributeValue.fromS(artist));
        item.put("Song", AttributeValue.fromS(song));
        if (genre != null) {
            item.put("Genre", AttributeValue.fromS(genre));
        }
        if (year != null) {
            item.put("Year", AttributeValue.fromN(year.toString()));
        }
        if (album != null) {
            item.put("Album", AttributeValue.fromS(album));
        }
        item.put("Plays", AttributeValue.fromN("0"));
        return item;
    }

    static Map<String, AttributeValue> key(String artist, String song) {
        return Map.of("Artist", AttributeValue.fromS(artist), "Song", AttributeValue.fromS(song));
    }
}
