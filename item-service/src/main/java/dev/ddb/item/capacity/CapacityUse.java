package dev.ddb.item.capacity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity units one request consumed on one table: on the table itself and on each of its
 * global and local secondary indexes it touched.
 */
public record CapacityUse(String tableName, double tableUnits, Map<String, Double> globalIndexes,
                          Map<String, Double> localIndexes) {

    public CapacityUse {
        globalIndexes = Map.copyOf(globalIndexes);
        localIndexes = Map.copyOf(localIndexes);
    }

    public static CapacityUse ofTable(String tableName, double units) {
        return new CapacityUse(tableName, units, Map.of(), Map.of());
    }

    public static CapacityUse ofIndex(String tableName, String indexName, boolean global, double indexUnits, double tableUnits) {
        Map<String, Double> index = Map.of(indexName, indexUnits);
        return new CapacityUse(tableName, tableUnits, global ? index : Map.of(), global ? Map.of() : index);
    }

    public double total() {
        return tableUnits + sum(globalIndexes) + sum(localIndexes);
    }

    /** Two uses of the same table added up (a batch's writes). */
    public CapacityUse plus(CapacityUse other) {
        return new CapacityUse(tableName, tableUnits + other.tableUnits, merge(globalIndexes, other.globalIndexes),
                merge(localIndexes, other.localIndexes));
    }

    /** The same use scaled: a transactional read or write costs twice the units of a plain one. */
    public CapacityUse times(double factor) {
        return new CapacityUse(tableName, tableUnits * factor, scale(globalIndexes, factor), scale(localIndexes, factor));
    }

    private static Map<String, Double> scale(Map<String, Double> units, double factor) {
        Map<String, Double> scaled = new LinkedHashMap<>();
        units.forEach((name, value) -> scaled.put(name, value * factor));
        return scaled;
    }

    private static Map<String, Double> merge(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> merged = new LinkedHashMap<>(a);
        b.forEach((name, units) -> merged.merge(name, units, Double::sum));
        return merged;
    }

    private static double sum(Map<String, Double> units) {
        return units.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
