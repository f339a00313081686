package dev.wharf.application.service.job;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.job.CreateSourceCommand;
import dev.wharf.application.port.in.job.DeleteSourceCommand;
import dev.wharf.application.port.in.job.ListSourcesQuery;
import dev.wharf.application.port.in.job.Sources;
import dev.wharf.application.port.in.job.UpdateSourceCommand;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.domain.job.Freshness;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** A project's external data sources: registered and deleted by pipeline workers, listed by readers. */
public final class SourceService implements Sources {
    public static final String NOT_FOUND = "source not found";
    public static final String INVALID_PAGING = "Invalid limit or offset parameter";

    private final ProjectAccess access;
    private final TransactionRunner transactions;
    private final SourceRepository sources;
    private final Clock clock;

    public SourceService(ProjectAccess access, TransactionRunner transactions, SourceRepository sources, Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public Source create(CreateSourceCommand command) {
        access.require(command.actor(), command.projectId(), Scope.WAREHOUSE_JOBS_WRITE);
        Source source = Source.create(
                        SourceId.random(), command.projectId(), command.sourceType(), command.prefix(), clock.instant())
                .withFreshness(command.freshness() == null ? null : Freshness.parse(command.freshness()));
        transactions.inTransaction(() -> {
            sources.insert(source);
            if (source.freshness() != null) {
                sources.saveFreshness(source);
            }
        });
        return source;
    }

    @Override
    public Source update(UpdateSourceCommand command) {
        access.require(command.actor(), command.projectId(), Scope.WAREHOUSE_JOBS_WRITE);
        SourceId id = parse(command.sourceId()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Freshness window = command.freshness().present() && command.freshness().value() != null
                ? Freshness.parse(command.freshness().value())
                : null;
        return transactions.inTransaction(() -> {
            Source source = sources.findByIdForUpdate(command.projectId(), id)
                    .filter(s -> !s.isDeleted())
                    .orElseThrow(() -> new NotFoundException(NOT_FOUND));
            if (!command.freshness().present()) {
                return source;
            }
            Source changed = source.withFreshness(window);
            sources.saveFreshness(changed);
            return changed;
        });
    }

    @Override
    public Page<Source> list(ListSourcesQuery query) {
        access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        Paging paging = Paging.parse(query.limit(), query.offset(), INVALID_PAGING);
        return paging.page(sources.listActive(query.projectId(), paging.fetch(), paging.offset()));
    }

    @Override
    public void delete(DeleteSourceCommand command) {
        access.require(command.actor(), command.projectId(), Scope.WAREHOUSE_JOBS_WRITE);
        SourceId id = parse(command.sourceId()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        transactions.inTransaction(() -> {
            Source source = sources.findById(command.projectId(), id)
                    .filter(s -> !s.isDeleted())
                    .orElseThrow(() -> new NotFoundException(NOT_FOUND));
            sources.update(source.delete(clock.instant()));
        });
    }

    /** A source id as a client wrote it, if it is a UUID at all. */
    static Optional<SourceId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(value);
            return uuid.toString().equalsIgnoreCase(value) ? Optional.of(new SourceId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
