package dev.ddb.common.table;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of a Kinesis data stream, {@code arn:aws:kinesis:<region>:<account>:stream/<name>}, with
 * Kinesis's rules for stream names (1 to 128 of {@code [a-zA-Z0-9_.-]}).
 */
public record KinesisStreamArn(String value, String region, String accountId, String streamName) {

    /** What a StreamArn must look like; named in the error for one that does not. */
    public static final String PATTERN_TEXT = "arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}";
    private static final Pattern PATTERN =
            Pattern.compile("arn:aws[a-z-]*:kinesis:([a-z0-9-]+):([0-9]{12}):stream/([a-zA-Z0-9_.-]{1,128})");

    public static Optional<KinesisStreamArn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(text);
        return matcher.matches()
                ? Optional.of(new KinesisStreamArn(text, matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }
}
