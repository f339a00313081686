package dev.wharf.application.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.audit.AuditLogQuery;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET audit_log} against in-memory fakes. */
class AuditLogServiceTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private AuditLogService service;
    private Project project;
    private Actor admin;

    @BeforeEach
    void setUp() {
        project = store.givenProject(1);
        admin = actor("admin@example.com", OrganizationRole.ADMIN, Scope.WAREHOUSE_VIEW_READ);
        service = new AuditLogService(new ProjectAccess(store.projects(), store.organizations()), store.auditLog());
    }

    private Actor actor(String email, OrganizationRole role, Scope scope) {
        User user = store.givenUser(email);
        store.organizations()
                .saveMembership(new Membership(project.organizationId(), user.id(), role, PersistenceFixture.T0));
        return new Actor(user.id(), ApiKeyId.random(), Set.of(scope), Set.of());
    }

    private List<AuditEntry> entries(int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEntry entry = AuditEntry.record(
                    PersistenceFixture.at(i),
                    admin.userId(),
                    admin.apiKeyId(),
                    PROJECT,
                    AuditAction.RESET_PASSWORD,
                    AuditOutcome.SUCCEEDED,
                    null);
            store.auditLog().record(entry);
            entries.add(0, entry);
        }
        return entries;
    }

    private Page<AuditEntry> page(String limit, String offset) {
        return service.auditLog(new AuditLogQuery(admin, PROJECT, limit, offset));
    }

    @Test
    void anAdminReadsTheLogNewestFirstWithRelativeLinks() {
        List<AuditEntry> newestFirst = entries(25);

        Page<AuditEntry> first = page(null, null);
        Page<AuditEntry> second = page("20", "20");

        assertThat(first.results()).containsExactlyElementsOf(newestFirst.subList(0, 20));
        assertThat(first.paging()).isEqualTo(new Paging(20, 0));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.results()).containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(second.paging()).isEqualTo(new Paging(20, 20));
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void theLimitIsCappedAt50AndANegativeOffsetIsZero() {
        entries(60);

        Page<AuditEntry> page = page(" 1000 ", "-7");

        assertThat(page.results()).hasSize(50);
        assertThat(page.paging()).isEqualTo(new Paging(50, 0));
        assertThat(page.hasMore()).isTrue();
        assertThat(page("99999999999999999999", "99999999999999999999").paging())
                .isEqualTo(new Paging(50, Integer.MAX_VALUE - 50));
    }

    @Test
    void aLimitBelowOneOrAValueThatIsNotAnIntegerIsRefused() {
        for (String[] bad : new String[][] {{"0", null}, {"-1", null}, {"abc", null}, {null, "1.5"}, {"", null}}) {
            assertThatThrownBy(() -> page(bad[0], bad[1]))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage("Invalid limit or offset parameter");
        }
    }

    @Test
    void onlyAdminsWithAReadingKeyMayReadIt() {
        Actor member = actor("member@example.com", OrganizationRole.MEMBER, Scope.ALL);
        Actor jobsOnly = actor("worker@example.com", OrganizationRole.OWNER, Scope.WAREHOUSE_JOBS_WRITE);

        assertThatThrownBy(() -> service.auditLog(new AuditLogQuery(member, PROJECT, null, null)))
                .isInstanceOf(NotAnAdminException.class)
                .hasMessage("Only organization admins can view the audit log");
        assertThatThrownBy(() -> service.auditLog(new AuditLogQuery(jobsOnly, PROJECT, null, null)))
                .isInstanceOf(MissingScopeException.class);
    }
}
