package soc.cases.alerts;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The analyst alert queue: newest first, keyset-paged, limited to the caller's tenant scope. */
@Service
public class AlertQueue {
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final AlertStore store;

    AlertQueue(AlertStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public List<AlertRow> firstPage(String tenantFilter) {
        return store.page(tenantFilter, null, DEFAULT_PAGE_SIZE);
    }

    /**
     * A page of the queue for a filter, after the position of a cursor token from the previous page (null or
     * malformed: the first page). The page's {@code next} token continues it; null at the end.
     */
    @Transactional(readOnly = true)
    public QueuePage search(AlertQuery query, String afterToken) {
        QueueCursor after = QueueCursor.parse(afterToken, query.sort());
        List<AlertRow> rows = store.search(query, after, DEFAULT_PAGE_SIZE);
        String next = rows.size() < DEFAULT_PAGE_SIZE ? null
                : QueueCursor.after(rows.get(rows.size() - 1), query.sort()).token();
        return new QueuePage(rows, after == null, next);
    }

    /** One page of the filtered queue; {@code first} when it starts at the top, {@code next} the following page's token. */
    public record QueuePage(List<AlertRow> rows, boolean first, String next) {
    }

    @Transactional(readOnly = true)
    public List<AlertRow> pageAfter(String tenantFilter, AlertStore.AlertCursor cursor) {
        return store.page(tenantFilter, cursor, DEFAULT_PAGE_SIZE);
    }
}
