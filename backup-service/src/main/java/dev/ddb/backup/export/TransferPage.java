package dev.ddb.backup.export;

import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.region.Regions;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of ListExports or ListImports: the records of the request's region (of one table with
 * TableArn), oldest first, after the record whose ARN is {@code next}; the next token is the last
 * ARN answered when more follow.
 */
public record TransferPage(List<ObjectNode> records, String nextToken) {

    /** @throws DynamoDbException ValidationException for a NextToken that names no record */
    public static TransferPage of(List<ObjectNode> all, String region, String tableArn, String next, int max) {
        List<ObjectNode> listed = all.stream()
                .filter(record -> Regions.ofArn(record.get("Arn").stringValue()).equals(region))
                .filter(record -> tableArn == null || tableArn.equals(record.get("Description").get("TableArn").stringValue()))
                .toList();
        int start = 0;
        if (next != null) {
            start = -1;
            for (int i = 0; i < listed.size(); i++) {
                if (listed.get(i).get("Arn").stringValue().equals(next)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw DynamoDbException.validation("Invalid NextToken");
            }
        }
        int end = Math.min(listed.size(), start + max);
        return new TransferPage(listed.subList(start, end),
                end < listed.size() ? listed.get(end - 1).get("Arn").stringValue() : null);
    }
}
