package dev.supportbot.slack;

import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells staff from customers. Staff are the users of the workspace that installed the app or, when the config
 * names a user group, that group's members; never decided by email domain. A customer's organisation comes from
 * their Slack team (Slack Connect) or else the customer channel they wrote in. Thread-safe.
 */
final class Roster {
    private static final Logger LOG = LoggerFactory.getLogger(Roster.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final WorkspaceConfig config;
    private final String homeTeamId;
    private final OutgoingCalls calls;
    private final Map<String, String> teamByUser = new ConcurrentHashMap<>();
    private volatile Set<String> staffGroupMembers = Set.of();

    Roster(WorkspaceConfig config, String homeTeamId, OutgoingCalls calls) {
        this.config = config;
        this.homeTeamId = homeTeamId;
        this.calls = calls;
    }

    String homeTeamId() {
        return homeTeamId;
    }

    WorkspaceConfig config() {
        return config;
    }

    /**
     * Classifies a user. {@code teamId} is the author's own team when the payload says it ({@code user_team},
     * {@code user.team_id}); when it does not, users.info is asked (blocking: call off the ack path).
     */
    Person classify(String userId, Optional<String> teamId, String channelId) {
        String team = teamId.filter(id -> !id.isBlank()).orElseGet(() -> teamOf(userId));
        boolean staff = config.staffUserGroup().isPresent()
                ? staffGroupMembers.contains(userId)
                : homeTeamId.equals(team);
        if (staff) {
            return new Person.Staff(userId);
        }
        String organisation = config.customerByTeam(team).or(() -> config.customerByChannel(channelId))
                .map(CustomerOrg::organisation).orElse(team);
        return new Person.Customer(userId, organisation);
    }

    /** The organisation a ticket opened in this channel belongs to: the channel's, else the author's. */
    String organisationFor(Person author, String channelId) {
        return config.customerByChannel(channelId).map(CustomerOrg::organisation).orElseGet(() -> switch (author) {
            case Person.Customer customer -> customer.organisation();
            case Person.Staff staff -> homeTeamId;
        });
    }

    Optional<CustomerOrg> customer(String organisation) {
        return config.customers().stream().filter(org -> org.organisation().equals(organisation)).findFirst();
    }

    /** Reloads the staff user group's members; a no-op without one. Runs on the caller's thread. */
    void refreshStaffGroup() {
        Optional<String> group = config.staffUserGroup();
        if (group.isEmpty()) {
            return;
        }
        try {
            UsergroupsUsersListResponse members = calls.submit("usergroups.users.list",
                    client -> client.usergroupsUsersList(request -> request.usergroup(group.get())))
                    .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            staffGroupMembers = Set.copyOf(members.getUsers());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not load staff user group {}: {}; keeping {} known members", group.get(),
                    e.getMessage(), staffGroupMembers.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String teamOf(String userId) {
        String known = teamByUser.get(userId);
        if (known != null) {
            return known;
        }
        String team = lookUpTeam(userId);
        teamByUser.put(userId, team);
        return team;
    }

    private String lookUpTeam(String userId) {
        try {
            UsersInfoResponse info = calls.submit("users.info", client -> client.usersInfo(r -> r.user(userId)))
                    .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return info.getUser().getTeamId();
        } catch (ExecutionException | TimeoutException e) {
            throw new SlackCallException("users.info", "cannot tell which team " + userId + " belongs to", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException("users.info", "interrupted", e);
        }
    }
}
