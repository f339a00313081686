package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link SourceRepository} over an {@link InMemoryStore}; a source needs its project. */
public final class InMemorySourceRepository implements SourceRepository {
    /** The JDBI store's order: {@code ORDER BY created_at DESC, id DESC}. */
    private static final Comparator<Source> NEWEST_FIRST = Comparator.comparing(Source::createdAt)
            .thenComparing(s -> s.id().value(), InMemoryStore.UUID_ORDER)
            .reversed();

    private final InMemoryStore store;

    public InMemorySourceRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(Source source) {
        store.change(t -> {
            Tables.requireNew(t.sources.containsKey(source.id()), "source", source.id());
            t.requireProject(source.projectId());
            t.sources.put(source.id(), source);
        });
    }

    @Override
    public Optional<Source> findById(ProjectId projectId, SourceId id) {
        return store.read(t ->
                Optional.ofNullable(t.sources.get(id)).filter(s -> s.projectId().equals(projectId)));
    }

    /** Changes the type, prefix and deletion time; the id, project and creation time stay as stored. */
    @Override
    public void update(Source source) {
        store.change(t -> {
            Source stored = t.sources.get(source.id());
            if (stored == null || !stored.projectId().equals(source.projectId())) {
                throw new NotFoundException("source not found");
            }
            t.sources.put(
                    source.id(),
                    new Source(
                            stored.id(),
                            stored.projectId(),
                            source.sourceType(),
                            source.prefix(),
                            stored.createdAt(),
                            source.deletedAt(),
                            stored.freshness(),
                            stored.lastSyncedAt(),
                            stored.freshnessMissed()));
        });
    }

    @Override
    public Optional<Source> findByIdForUpdate(ProjectId projectId, SourceId id) {
        return findById(projectId, id);
    }

    /** Changes the freshness window, last sync and what was told; the rest stays as stored. */
    @Override
    public void saveFreshness(Source source) {
        store.change(t -> {
            Source stored = t.sources.get(source.id());
            if (stored == null || !stored.projectId().equals(source.projectId())) {
                throw new NotFoundException("source not found");
            }
            t.sources.put(
                    source.id(),
                    new Source(
                            stored.id(),
                            stored.projectId(),
                            stored.sourceType(),
                            stored.prefix(),
                            stored.createdAt(),
                            stored.deletedAt(),
                            source.freshness(),
                            source.lastSyncedAt(),
                            source.freshnessMissed()));
        });
    }

    @Override
    public List<Source> freshnessToTell(Instant now, int limit) {
        return store.read(t -> t.sources.values().stream()
                .filter(s -> s.freshnessToTell(now))
                .sorted(Comparator.comparing(Source::freshnessDueAt)
                        .thenComparing(s -> s.id().value(), InMemoryStore.UUID_ORDER))
                .limit(limit)
                .toList());
    }

    @Override
    public boolean markFreshnessTold(SourceId id, boolean missed) {
        return store.write(t -> {
            Source stored = t.sources.get(id);
            if (stored == null || stored.freshnessMissed() == missed) {
                return false;
            }
            t.sources.put(id, stored.freshnessTold(missed));
            return true;
        });
    }

    @Override
    public List<Source> listActive(ProjectId projectId, int limit, int offset) {
        return store.read(t -> t.sources.values().stream()
                .filter(s -> s.projectId().equals(projectId) && s.deletedAt() == null)
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList());
    }
}
