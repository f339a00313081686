package dev.wharf.application.service.admin;

import dev.wharf.application.port.in.admin.ApiKeyAdministration;
import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.application.port.in.admin.ListApiKeysQuery;
import dev.wharf.application.port.in.admin.RevokeApiKeyCommand;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator lists and revokes personal API keys. A revoked key stays listed, marked revoked, and never
 * authenticates again. Neither needs the server's key-hashing secret, so a key can be revoked without it; issuing
 * does (see {@link ApiKeyIssuingService}).
 */
public final class ApiKeyAdministrationService implements ApiKeyAdministration {
    private final TransactionRunner transactions;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final Clock clock;

    public ApiKeyAdministrationService(
            TransactionRunner transactions, UserRepository users, ApiKeyRepository apiKeys, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @Override
    public ApiKeySummary revokeApiKey(RevokeApiKeyCommand command) {
        return transactions.inTransaction(() -> {
            ApiKey key = apiKeys.findById(command.id())
                    .orElseThrow(() -> new NotFoundException("API key " + command.id() + " does not exist"));
            Instant now = clock.instant();
            ApiKey revoked = key.revoke(now.isBefore(key.createdAt()) ? key.createdAt() : now);
            if (!apiKeys.revoke(key.id(), revoked.revokedAt())) {
                throw new NotFoundException("API key " + command.id() + " is no longer there to revoke");
            }
            return ApiKeySummary.of(revoked, emailOf(key.userId()));
        });
    }

    @Override
    public List<ApiKeySummary> listApiKeys(ListApiKeysQuery query) {
        return transactions.inTransaction(() -> {
            if (query.email() != null) {
                User user = requireUser(users, query.email());
                return apiKeys.findByUser(user.id()).stream()
                        .map(key -> ApiKeySummary.of(key, user.email()))
                        .toList();
            }
            Map<UserId, String> emails =
                    users.findAll().stream().collect(Collectors.toMap(User::id, User::email, (a, b) -> a));
            return apiKeys.findAll().stream()
                    .map(key -> ApiKeySummary.of(key, emails.get(key.userId())))
                    .toList();
        });
    }

    static User requireUser(UserRepository users, String email) {
        if (email == null || email.isBlank()) {
            throw new RuleViolationException("email is required");
        }
        return users.findByEmail(email)
                .orElseThrow(() -> new NotFoundException("no user has the e-mail " + email.strip()));
    }

    private String emailOf(UserId id) {
        return users.findById(id).map(User::email).orElse(id.toString());
    }
}
