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

    @Transactional(readOnly = true)
    public List<AlertRow> pageAfter(String tenantFilter, AlertStore.AlertCursor cursor) {
        return store.page(tenantFilter, cursor, DEFAULT_PAGE_SIZE);
    }
}
