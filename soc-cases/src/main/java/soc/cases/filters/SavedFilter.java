package soc.cases.filters;

/** A user's named alert queue filter: {@code query} is the queue's query string (see AlertQuery). */
public record SavedFilter(long filterId, String name, String query) {
}
