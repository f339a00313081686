package dev.wharf.adapters.in.rest.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.application.port.in.usage.TotalRowsStats;
import dev.wharf.domain.project.ProjectId;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code total_rows_stats} answers as JSON, once per distinct answer of a project: the breakdown has one entry
 * per source (a thousand sources are about 45 KB), and while a project's rows do not change its answer is equal to
 * the last one, so the bytes written for that one are sent again. At most {@link #MAX} projects' answers are kept;
 * past that, one is dropped per new one.
 */
final class TotalRowsStatsJson {
    static final int MAX = 256;

    private final ObjectMapper mapper;
    private final ConcurrentHashMap<ProjectId, Written> last = new ConcurrentHashMap<>();

    TotalRowsStatsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] write(ProjectId project, TotalRowsStats stats) {
        Written written = last.get(project);
        if (written != null && written.stats().equals(stats)) {
            return written.json();
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(TotalRowsStatsResponse.of(stats));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (last.size() >= MAX && !last.containsKey(project)) {
            Iterator<ProjectId> any = last.keySet().iterator();
            if (any.hasNext()) {
                last.remove(any.next());
            }
        }
        last.put(project, new Written(stats, json));
        return json;
    }

    int size() {
        return last.size();
    }

    private record Written(TotalRowsStats stats, byte[] json) {}
}
