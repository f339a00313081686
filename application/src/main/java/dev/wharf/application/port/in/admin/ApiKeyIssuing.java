package dev.wharf.application.port.in.admin;

/** Personal API keys made for a user, the secret shown once. */
public interface ApiKeyIssuing {
    /**
     * An operator issues a personal API key to a user. The user must exist, and every project the key is limited to
     * must exist and belong to an organization the user is a member of.
     */
    IssuedApiKey issueApiKey(IssueApiKeyCommand command);
}
