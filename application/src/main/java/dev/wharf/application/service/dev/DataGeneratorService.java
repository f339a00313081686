package dev.wharf.application.service.dev;

import dev.wharf.application.port.in.dev.GenerateDataCommand;
import dev.wharf.application.port.in.dev.GeneratedData;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.usage.BillingPeriod;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Loads made-up data through the repositories, as Wharf itself would have stored it: each job is accounted in the
 * billing period its {@code created_at} falls in (periods laid out backwards from the organization's current one),
 * so the sums a running Wharf keeps are the sums it finds. Per project: 10% model jobs, 90% imports on a random
 * source (95% billable); finished jobs are 85% Completed, 10% Failed, 3% Cancelled and 2% BillingLimitReached (imports;
 * no rows), with up to 10,000 rows; running jobs started within the last 20 minutes and have just reported.
 */
public final class DataGeneratorService {
    private static final int CHUNK = 10_000;

    private final TransactionRunner transactions;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final SourceRepository sources;
    private final JobRepository jobs;
    private final BillingSource billing;
    private final KeyHashingSecret hashing;
    private final Clock clock;

    public DataGeneratorService(
            TransactionRunner transactions,
            OrganizationRepository organizations,
            ProjectRepository projects,
            UserRepository users,
            ApiKeyRepository apiKeys,
            SourceRepository sources,
            JobRepository jobs,
            BillingSource billing,
            KeyHashingSecret hashing,
            Clock clock) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.projects = projects;
        this.users = users;
        this.apiKeys = apiKeys;
        this.sources = sources;
        this.jobs = jobs;
        this.billing = billing;
        this.hashing = hashing;
        this.clock = clock;
    }

    public GeneratedData generate(GenerateDataCommand command, LongConsumer progress) {
        Instant now = clock.instant();
        SplittableRandom random = new SplittableRandom(command.seed());
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        List<Project> created = transactions.inTransaction(() -> setUp(command, secret, now));
        Optional<BillingPeriod> current =
                billing.billingFor(created.get(0).organizationId()).map(Billing::period);
        long stored = 0;
        long sourceCount = 0;
        for (Project project : created) {
            List<SourceId> ids = new ArrayList<>();
            for (int i = 0; i < command.sourcesPerProject(); i++) {
                Source source = Source.create(
                        SourceId.random(), project.id(), SOURCE_TYPES[i % SOURCE_TYPES.length], "s" + i + "_", now);
                sources.insert(source);
                ids.add(source.id());
            }
            sourceCount += ids.size();
            Instant from =
                    now.atZone(ZoneOffset.UTC).minusMonths(command.months()).toInstant();
            Duration span = Duration.between(from, now.minus(Duration.ofHours(1)));
            List<AccountedJob> chunk = new ArrayList<>(CHUNK);
            for (long i = 0; i < command.jobsPerProject(); i++) {
                Instant createdAt = from.plusNanos(
                        (long) ((i + random.nextDouble()) * span.toNanos() / command.jobsPerProject()) / 1000 * 1000);
                chunk.add(accounted(finished(project.id(), ids, createdAt, random), current));
                if (chunk.size() == CHUNK) {
                    stored += store(chunk, progress, stored);
                }
            }
            for (int i = 0; i < command.runningPerProject(); i++) {
                Instant createdAt =
                        now.minusMillis(random.nextLong(Duration.ofMinutes(20).toMillis()));
                Job job = start(project.id(), ids, createdAt, random).reportRows(random.nextLong(10_000), now);
                chunk.add(accounted(job, current));
            }
            stored += store(chunk, progress, stored);
        }
        List<ProjectId> projectIds = created.stream().map(Project::id).toList();
        return new GeneratedData(created.get(0).organizationId(), projectIds, sourceCount, stored, secret);
    }

    private static final String[] SOURCE_TYPES = {"Stripe", "Hubspot", "Postgres", "Zendesk", "Salesforce"};
    private static final String[] SCHEMAS = {"charges", "customers", "invoices", "events"};

    private List<Project> setUp(GenerateDataCommand command, ApiKeySecret secret, Instant now) {
        Organization organization = new Organization(OrganizationId.random(), "Generated " + now, now);
        organizations.insert(organization);
        List<Project> created = new ArrayList<>();
        for (int i = 0; i < command.projects(); i++) {
            Project project =
                    new Project(projects.nextFreeId(), organization.id(), "Generated " + (i + 1), ZoneOffset.UTC, now);
            projects.insert(project);
            created.add(project);
        }
        User user = new User(UserId.random(), "generated-" + organization.id().value() + "@localhost", now);
        users.insert(user);
        organizations.saveMembership(new Membership(organization.id(), user.id(), OrganizationRole.ADMIN, now));
        apiKeys.insert(ApiKey.issue(
                ApiKeyId.random(), user.id(), "generated", secret, hashing, EnumSet.of(Scope.ALL), Set.of(), now));
        return created;
    }

    private long store(List<AccountedJob> chunk, LongConsumer progress, long before) {
        jobs.insertAll(chunk);
        long count = chunk.size();
        chunk.clear();
        progress.accept(before + count);
        return count;
    }

    private static Job start(ProjectId project, List<SourceId> ids, Instant createdAt, SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            return Job.startModel(JobId.random(), project, "model_" + random.nextInt(20), null, createdAt, createdAt);
        }
        SourceId source = ids.get(random.nextInt(ids.size()));
        return Job.startImport(
                JobId.random(),
                project,
                source,
                SCHEMAS[random.nextInt(SCHEMAS.length)],
                random.nextInt(20) != 0,
                null,
                createdAt,
                createdAt);
    }

    private static Job finished(ProjectId project, List<SourceId> ids, Instant createdAt, SplittableRandom random) {
        Instant end = createdAt.plusSeconds(1 + random.nextInt(600));
        int roll = random.nextInt(100);
        JobStatus status = roll < 85
                ? JobStatus.COMPLETED
                : roll < 95 ? JobStatus.FAILED : roll < 98 ? JobStatus.CANCELLED : JobStatus.BILLING_LIMIT_REACHED;
        Job job = start(project, ids, createdAt, random);
        if (job.kind() == JobKind.MODEL && status == JobStatus.BILLING_LIMIT_REACHED) {
            status = JobStatus.COMPLETED;
        }
        long rows = status == JobStatus.BILLING_LIMIT_REACHED ? 0 : random.nextLong(10_001);
        return job.reportRows(rows, end).finish(status, end);
    }

    /** In the current period, or in the one before it, laid out backwards from the current one's start. */
    private static AccountedJob accounted(Job job, Optional<BillingPeriod> current) {
        if (current.isEmpty()) {
            return AccountedJob.unaccounted(job);
        }
        BillingPeriod now = current.get();
        BillingPeriod period = now.contains(job.createdAt())
                ? now
                : BillingPeriod.containing(now.start(), now.interval(), job.createdAt());
        return AccountedJob.in(job, period);
    }
}
