package org.workspaceportal.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.identity.IdentityEvents.TeamChanged;

/**
 * Teams: people grouped for quotas and templates. A member is named in the portal or belongs
 * through the provider's group the team is bound to (the groups of her last sign-in). Limits apply
 * to the members together, on top of each one's own; templates may be open to named teams only (the
 * workspace module keeps which). Every change is audited.
 */
@Service
public class TeamService {

  private final JdbcClient jdbc;
  private final UserRepository users;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TeamService(
      JdbcClient jdbc, UserRepository users, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.events = events;
    this.clock = clock;
  }

  private record Row(
      UUID id,
      String name,
      String ssoGroup,
      Integer maxWorkspaces,
      Integer maxWorkers,
      Integer maxStorageGib,
      String approverGroup) {}

  private static final String COLUMNS =
      "id, name, sso_group, max_workspaces, max_workers, max_storage_gib, approver_group";

  /** Teams whose approvers include :a, named or through the groups of her last sign-in. */
  private static final String APPROVED_BY = namedOrByGroup("team_approvers", "approver_group", "a");

  /** Teams that have :o as a member, named or through the groups of her last sign-in. */
  private static final String HAS_MEMBER = namedOrByGroup("team_members", "sso_group", "o");

  /**
   * The condition on team {@code t}: the person {@code :param} is named in {@code table} for it, or
   * the groups of her last sign-in through the provider include its {@code groupColumn}.
   */
  private static String namedOrByGroup(String table, String groupColumn, String param) {
    return "(exists (select 1 from "
        + table
        + " n where n.team_id = t.id and n.username = :"
        + param
        + ") or t."
        + groupColumn
        + " in (select g.group_name from user_groups g join users u on u.id = g.user_id"
        + " where u.username = :"
        + param
        + "))";
  }

  @Transactional(readOnly = true)
  public List<TeamView> list() {
    return jdbc
        .sql("select " + COLUMNS + " from teams order by name")
        .query(Row.class)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<TeamView> find(String name) {
    return row(name).map(this::view);
  }

  /** The names of all teams (for a template's audience). */
  @Transactional(readOnly = true)
  public Set<String> names() {
    return new TreeSet<>(jdbc.sql("select name from teams").query(String.class).list());
  }

  /** The teams {@code username} is in now, named or through her provider's groups. */
  @Transactional(readOnly = true)
  public List<TeamView> teamsOf(String username) {
    return jdbc
        .sql("select " + COLUMNS + " from teams t where " + HAS_MEMBER + " order by name")
        .param("o", username)
        .query(Row.class)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  /**
   * @throws InvalidUserRequestException for a taken name or an unknown member
   */
  @Transactional
  public TeamView create(TeamForm form, String actor) {
    checkMembers(form);
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql(
              "insert into teams (id, name, sso_group, max_workspaces, max_workers,"
                  + " max_storage_gib, approver_group, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              form.name(),
              form.group(),
              form.maxWorkspaces(),
              form.maxWorkers(),
              form.maxStorageGiB(),
              form.approversGroup(),
              java.sql.Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw taken(form);
    }
    setNames("team_members", id, form.memberNames());
    setNames("team_approvers", id, form.approverNames());
    TeamView made = find(form.name()).orElseThrow();
    events.publishEvent(new TeamChanged(form.name(), "team.created", describe(made), actor));
    return made;
  }

  /**
   * @throws InvalidUserRequestException for an unknown team (as a 404 by the callers), a group
   *     another team has, or an unknown member
   */
  @Transactional
  public TeamView update(String name, TeamForm form, String actor) {
    Row row = row(name).orElseThrow(() -> new UnknownTeamException(name));
    checkMembers(form);
    TeamView before = view(row);
    try {
      jdbc.sql(
              "update teams set sso_group = ?, max_workspaces = ?, max_workers = ?,"
                  + " max_storage_gib = ?, approver_group = ?, version = version + 1 where id = ?")
          .params(
              form.group(),
              form.maxWorkspaces(),
              form.maxWorkers(),
              form.maxStorageGiB(),
              form.approversGroup(),
              row.id())
          .update();
    } catch (DuplicateKeyException e) {
      throw taken(form);
    }
    setNames("team_members", row.id(), form.memberNames());
    setNames("team_approvers", row.id(), form.approverNames());
    TeamView after = find(name).orElseThrow();
    events.publishEvent(
        new TeamChanged(name, "team.changed", describe(before) + " → " + describe(after), actor));
    return after;
  }

  @Transactional
  public void delete(String name, String actor) {
    Row row = row(name).orElseThrow(() -> new UnknownTeamException(name));
    TeamView before = view(row);
    jdbc.sql("delete from teams where id = ?").param(row.id()).update();
    events.publishEvent(new TeamChanged(name, "team.deleted", describe(before), actor));
  }

  private Optional<Row> row(String name) {
    return jdbc.sql("select " + COLUMNS + " from teams where name = ?")
        .param(name)
        .query(Row.class)
        .optional();
  }

  private TeamView view(Row row) {
    List<String> named =
        jdbc.sql("select username from team_members where team_id = ? order by username")
            .param(row.id())
            .query(String.class)
            .list();
    Set<String> members = new TreeSet<>(named);
    if (row.ssoGroup() != null) {
      members.addAll(
          jdbc.sql(
                  "select u.username from users u join user_groups g on g.user_id = u.id"
                      + " where g.group_name = ?")
              .param(row.ssoGroup())
              .query(String.class)
              .list());
    }
    return new TeamView(
        row.name(),
        row.ssoGroup(),
        named,
        row.maxWorkspaces(),
        row.maxWorkers(),
        row.maxStorageGib(),
        members,
        jdbc.sql("select username from team_approvers where team_id = ? order by username")
            .param(row.id())
            .query(String.class)
            .list(),
        row.approverGroup());
  }

  /**
   * Whether {@code approver} approves the requests of {@code owner}: she is an approver (named, or
   * through her provider group) of a team {@code owner} is in, and not {@code owner} herself (no
   * one approves her own request, however many teams she approves for).
   */
  @Transactional(readOnly = true)
  public boolean approves(String approver, String owner) {
    if (approver.equals(owner)) {
      return false;
    }
    return jdbc.sql(
            "select exists (select 1 from teams t where "
                + APPROVED_BY
                + " and "
                + HAS_MEMBER
                + ")")
        .param("a", approver)
        .param("o", owner)
        .query(Boolean.class)
        .single();
  }

  /** Whether {@code username} approves for any team (the menu offers her the approvals then). */
  @Transactional(readOnly = true)
  public boolean approvesForSomeTeam(String username) {
    return jdbc.sql("select exists (select 1 from teams t where " + APPROVED_BY + ")")
        .param("a", username)
        .query(Boolean.class)
        .single();
  }

  /** The names of the teams {@code approver} approves for. */
  @Transactional(readOnly = true)
  public List<String> teamsApprovedBy(String approver) {
    return jdbc.sql("select t.name from teams t where " + APPROVED_BY + " order by t.name")
        .param("a", approver)
        .query(String.class)
        .list();
  }

  /**
   * The members of the teams {@code approver} approves for (named, or through their provider
   * group), herself left out: one query, as an approver's every page counts her queue with it.
   */
  @Transactional(readOnly = true)
  public Set<String> membersApprovedBy(String approver) {
    Set<String> members =
        new TreeSet<>(
            jdbc.sql(
                    "select m.username from team_members m join teams t on t.id = m.team_id where "
                        + APPROVED_BY
                        + " union select u.username from users u join user_groups g on g.user_id"
                        + " = u.id join teams t on t.sso_group = g.group_name where "
                        + APPROVED_BY)
                .param("a", approver)
                .query(String.class)
                .list());
    members.remove(approver);
    return members;
  }

  /** Replaces the usernames {@code table} (members or approvers) holds for {@code team}. */
  private void setNames(String table, UUID team, List<String> usernames) {
    jdbc.sql("delete from " + table + " where team_id = ?").param(team).update();
    for (String username : usernames) {
      jdbc.sql("insert into " + table + " (team_id, username) values (?, ?)")
          .params(team, username)
          .update();
    }
  }

  private void checkMembers(TeamForm form) {
    checkUsers("members", form.memberNames());
    checkUsers("approvers", form.approverNames());
  }

  private void checkUsers(String field, List<String> usernames) {
    List<String> unknown = new ArrayList<>();
    for (String username : usernames) {
      if (!users.existsByUsername(username)) {
        unknown.add(username);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidUserRequestException(
          field, "has no such user: " + String.join(", ", unknown));
    }
  }

  private static InvalidUserRequestException taken(TeamForm form) {
    return new InvalidUserRequestException(
        "name",
        "a team named '"
            + form.name()
            + "' or bound to the group '"
            + form.group()
            + "' exists already");
  }

  private static String describe(TeamView team) {
    return "group "
        + (team.ssoGroup() == null ? "none" : team.ssoGroup())
        + ", named "
        + team.named()
        + ", at most "
        + (team.maxWorkspaces() == null ? "any" : team.maxWorkspaces())
        + " workspaces and "
        + (team.maxWorkers() == null ? "any" : team.maxWorkers())
        + " workers and "
        + (team.maxStorageGiB() == null ? "any" : team.maxStorageGiB())
        + " GiB of buckets, approvers "
        + team.approvers()
        + " and group "
        + (team.approverGroup() == null ? "none" : team.approverGroup());
  }

  /** No team of that name. */
  public static final class UnknownTeamException
      extends org.workspaceportal.common.PortalException {
    public UnknownTeamException(String name) {
      super(
          org.springframework.http.HttpStatus.NOT_FOUND,
          "not-found",
          "No such team",
          "No team named '" + name + "'.");
    }
  }
}
