package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.Dependency;
import io.github.pgmigrate.schema.model.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Dependency order: what an object references comes first; ties (and cycles) break by rank, then input order. */
final class Ordering {
    private Ordering() {
    }

    static <T> List<T> referencedFirst(List<T> items, Function<T, ObjectRef> ref, Function<T, Integer> rank,
                                       List<Dependency> dependencies) {
        Map<ObjectRef, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.putIfAbsent(ref.apply(items.get(i)), i);
        }
        Map<Integer, Set<Integer>> needs = new HashMap<>();
        for (Dependency d : dependencies) {
            Integer dependent = index.get(d.dependent());
            Integer referenced = index.get(d.referenced());
            if (dependent != null && referenced != null && !dependent.equals(referenced)) {
                needs.computeIfAbsent(dependent, k -> new HashSet<>()).add(referenced);
            }
        }
        Comparator<Integer> byRank = Comparator.<Integer>comparingInt(i -> rank.apply(items.get(i)))
                .thenComparingInt(i -> i);
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            remaining.add(i);
        }
        remaining.sort(byRank);
        Set<Integer> done = new HashSet<>();
        List<T> result = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Integer next = remaining.stream()
                    .filter(i -> done.containsAll(needs.getOrDefault(i, Set.of())))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            done.add(next);
            result.add(items.get(next));
        }
        return result;
    }

    static <T> List<T> dependentsFirst(List<T> items, Function<T, ObjectRef> ref, List<Dependency> dependencies) {
        List<T> order = new ArrayList<>(referencedFirst(items, ref, t -> 0, dependencies));
        java.util.Collections.reverse(order);
        return order;
    }
}
