package soc.cases.playbooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import soc.events.EventJson;

/**
 * The playbook templates, read once from {@code soc/cases/playbooks/playbooks.json} on the class path. Plain Java.
 * Format: an object keyed by case type, each {@code {"title": "...", "tasks": [{"phase": "...", "title": "..."}]}};
 * every case type must have a playbook with at least one task, or loading fails.
 */
public final class PlaybookCatalog {
    public static final String RESOURCE = "soc/cases/playbooks/playbooks.json";

    private final Map<CaseType, Playbook> playbooks;

    private PlaybookCatalog(Map<CaseType, Playbook> playbooks) {
        this.playbooks = playbooks;
    }

    public static PlaybookCatalog load() {
        try (InputStream in = PlaybookCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static PlaybookCatalog parse(String json) {
        Map<String, Object> root = EventJson.readObject(json);
        Map<CaseType, Playbook> playbooks = new EnumMap<>(CaseType.class);
        for (CaseType type : CaseType.values()) {
            Object value = root.get(type.name());
            if (!(value instanceof Map<?, ?> entry)) {
                throw new IllegalStateException("No playbook for " + type + " in " + RESOURCE);
            }
            Object tasks = entry.get("tasks");
            if (!(tasks instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalStateException("Playbook " + type + " has no tasks");
            }
            List<Playbook.Step> steps = new ArrayList<>();
            for (Object task : list) {
                Map<String, Object> t = (Map<String, Object>) task;
                String title = String.valueOf(t.get("title"));
                if (t.get("title") == null || title.isBlank()) {
                    throw new IllegalStateException("Playbook " + type + " has a task without a title");
                }
                steps.add(new Playbook.Step(t.get("phase") == null ? "" : String.valueOf(t.get("phase")), title));
            }
            playbooks.put(type, new Playbook(type, String.valueOf(entry.get("title")), steps));
        }
        return new PlaybookCatalog(playbooks);
    }

    public Playbook playbook(CaseType type) {
        return playbooks.get(type);
    }
}
