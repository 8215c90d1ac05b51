package dev.ddb.stream.registry;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream's ARN, {@code arn:aws:dynamodb:<region>:<account>:table/<TableName>/stream/<label>},
 * where the label is the stream's creation time in UTC to the millisecond.
 */
public record StreamArn(String value, String region, String tableName, String label) {

    private static final Pattern FORMAT = Pattern.compile(
            "arn:aws:dynamodb:([a-z0-9-]+):\\d{12}:table/([a-zA-Z0-9_.-]{3,255})/stream/"
                    + "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})");
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /** Empty when the text is not a stream ARN. */
    public static Optional<StreamArn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime.parse(matcher.group(3), LABEL);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new StreamArn(text, matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** When the stream was created: its label as epoch milliseconds. */
    public long creationMillis() {
        return LocalDateTime.parse(label, LABEL).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Override
    public String toString() {
        return value;
    }
}
