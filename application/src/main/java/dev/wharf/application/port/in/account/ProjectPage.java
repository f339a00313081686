package dev.wharf.application.port.in.account;

import dev.wharf.application.paging.Page;
import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.domain.shared.Require;

/** One page of the projects the caller reaches, each with the caller's role, and how many there are in all. */
public record ProjectPage(Page<MemberProject> page, long count) {
    public ProjectPage {
        Require.nonNull(page, "page");
    }
}
