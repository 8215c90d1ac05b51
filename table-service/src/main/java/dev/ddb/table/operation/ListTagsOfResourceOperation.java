package dev.ddb.table.operation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.tags.ResourceArns;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListTagsOfResource: a table's tags in the order they were added, {@value #PAGE_SIZE} a page; a
 * {@code NextToken} (opaque: the position of the next tag) while more follow. A table without tags
 * answers {@code "Tags":[]}.
 */
@Component
public class ListTagsOfResourceOperation implements Operation {

    /** Tags per page. */
    static final int PAGE_SIZE = 10;

    private final TableMetadataStore store;
    private final String accountId;

    public ListTagsOfResourceOperation(TableMetadataStore store, TableServiceProperties properties) {
        this.store = store;
        this.accountId = TaggedTables.accountId(properties);
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String arn = RequestMembers.string(body, "ResourceArn");
        ResourceArns.Resource resource = ResourceArns.find(arn, context, accountId, store);
        int start = position(RequestMembers.string(body, "NextToken"));
        List<Map.Entry<String, String>> tags = new ArrayList<>(resource.table().tags().entrySet());

        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("Tags");
        int end = Math.min(tags.size(), start + PAGE_SIZE);
        for (int i = start; i < end; i++) {
            page.addObject().put("Key", tags.get(i).getKey()).put("Value", tags.get(i).getValue());
        }
        if (end < tags.size()) {
            response.put("NextToken", token(end));
        }
        return response;
    }

    static String token(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("tags:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("tags:")) {
                int position = Integer.parseInt(text.substring("tags:".length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: below
        }
        throw DynamoDbException.validation("Invalid NextToken");
    }
}
